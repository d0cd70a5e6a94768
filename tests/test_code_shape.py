"""The code stays readable in one sitting: no module over 400 lines and no function over 60, in
the site and in its tests and benchmarks alike; and no import hidden inside a function of the
site (the one exception is Django's documented place to connect signal receivers, an app's
`ready()`; tests may import inside a function where Django must be set up first). The direction
of imports between the parts is checked by import-linter in `make lint`."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("core", "bumdes", "tours", "home", "demo", "website")
# Held to the same lengths as the site, but free to import inside a function.
TESTS_AND_BENCHMARKS = ("tests", "bench")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def _modules(folders=PACKAGES + TESTS_AND_BENCHMARKS):
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path, ast.parse(path.read_text(), filename=str(path))


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_no_module_is_longer_than_it_can_be_read_in_one_sitting():
    long = [
        f"{_name(path)}: {n} lines"
        for path, _tree in _modules()
        if (n := len(path.read_text().splitlines())) > MAX_MODULE_LINES
    ]
    assert long == []


def test_no_function_is_longer_than_one_idea():
    long = [
        f"{_name(path)}:{node.lineno} {node.name}: {node.end_lineno - node.lineno + 1} lines"
        for path, tree in _modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert long == []


def test_no_import_hides_inside_a_function():
    hidden = []
    for path, tree in _modules(PACKAGES):
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            if path.name == "apps.py" and function.name == "ready":
                continue
            hidden += [
                f"{_name(path)}:{node.lineno} in {function.name}"
                for node in ast.walk(function)
                if isinstance(node, ast.Import | ast.ImportFrom)
            ]
    assert hidden == []
