"""The demo: three Wonosobo villages with their BUMDes, experiences, staff and a past season.

It sits above every other app: it uses their models and services, and nothing in the project
imports it. Its words are data files (`demo/content/`), its photos are drawn with Pillow
(`demo.images`), and `manage.py load_demo` loads it all (`demo.loader`, `demo.season`).
"""
