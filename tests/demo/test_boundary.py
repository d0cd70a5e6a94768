"""The demo sits above everything: it imports the other apps, and nothing imports it."""

import ast
from pathlib import Path

from django.conf import settings

OUTSIDE = (".venv", "demo", "tests/demo")


def _imports_demo(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module or ""]
        else:
            continue
        if any(name == "demo" or name.startswith("demo.") for name in names):
            return True
    return False


def test_nothing_outside_the_demo_imports_it():
    root = Path(settings.BASE_DIR)
    sources = [
        path
        for path in root.rglob("*.py")
        if not any(path.relative_to(root).as_posix().startswith(f"{part}/") for part in OUTSIDE)
    ]
    assert len(sources) > 50
    assert [str(p.relative_to(root)) for p in sources if _imports_demo(p)] == []
