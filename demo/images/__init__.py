"""Illustrated demo photos for the Wonosobo tourism-village site, drawn with Pillow only.

Every scene is a flat, layered "poster" illustration (green hills and tea gardens, batik sogan
browns, off-white paper, misty blue volcanoes, warm sunrise skies). Output is deterministic:
the same key and size always give byte-identical JPEG data.

The parts, from the bottom up: `palette` (colours), `canvas` (where and how to draw), `terrain`,
`trees`, `buildings` and `people` (what the scenes are made of), the scenes themselves
(`landscapes`, `village_life`, `crafts_food`), and `render` (key to JPEG).
"""

from demo.images.render import SCENES, make_image

__all__ = ["SCENES", "make_image"]
