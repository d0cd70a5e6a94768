"""Every third-party package the project imports, or names in its settings, is pinned: the site's
in requirements.txt, the tests' and tools' in requirements-dev.txt. A package that only arrives
as another's dependency can change or vanish with that other package's next release."""

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
FIRST_PARTY = {"website", "core", "home", "tours", "bumdes", "demo", "tests", "bench"}
DEV_ONLY = {"tests", "bench"}


def _pinned(filename: str) -> set[str]:
    names = set()
    for line in (ROOT / filename).read_text().splitlines():
        match = re.match(r"([A-Za-z0-9_.-]+)==\S+", line.strip())
        if match:
            names.add(_normal(match.group(1)))
    return names


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            modules.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module.split(".")[0])
    return modules


def _third_party(modules: set[str]) -> set[str]:
    return {m for m in modules if m not in sys.stdlib_module_names and m not in FIRST_PARTY}


def _distributions(modules: set[str]) -> dict[str, str]:
    owners = packages_distributions()
    assert not modules - set(owners), f"not installed: {sorted(modules - set(owners))}"
    return {module: _normal(owners[module][0]) for module in modules}


def _imports_by_side() -> tuple[set[str], set[str]]:
    runtime, dev = set(), set()
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT).parts
        if parts[0].startswith(".") or "migrations" in parts:
            continue
        (dev if parts[0] in DEV_ONLY else runtime).update(_imported_modules(path))
    return _third_party(runtime), _third_party(dev)


def _named_in_settings() -> set[str]:
    dotted = [
        *settings.INSTALLED_APPS,
        *settings.MIDDLEWARE,
        *(engine["BACKEND"] for engine in settings.TASKS.values()),
        "django_tasks_db.DatabaseBackend",  # the production task backend
        "whitenoise.storage.CompressedManifestStaticFilesStorage",  # production static files
    ]
    return _third_party({name.split(".")[0] for name in dotted})


def test_what_the_site_imports_is_pinned_in_requirements():
    runtime, _ = _imports_by_side()
    assert {"ninja", "pydantic", "django_filters", "django_tasks", "modelcluster"} <= runtime
    needed = _distributions(runtime | _named_in_settings())
    unpinned = {m: d for m, d in needed.items() if d not in _pinned("requirements.txt")}
    assert not unpinned, f"pin these in requirements.txt: {unpinned}"


def test_what_tests_and_tools_import_is_pinned():
    _, dev = _imports_by_side()
    assert {"pytest", "factory", "hypothesis", "playwright"} <= dev
    pinned = _pinned("requirements.txt") | _pinned("requirements-dev.txt")
    unpinned = {m: d for m, d in _distributions(dev).items() if d not in pinned}
    assert not unpinned, f"pin these in requirements-dev.txt: {unpinned}"


def test_the_pins_match_one_another():
    """requirements-dev.txt takes the site's pins and adds only its own."""
    dev = (ROOT / "requirements-dev.txt").read_text()
    assert "-r requirements.txt" in dev.splitlines()
    assert not _pinned("requirements.txt") & _pinned("requirements-dev.txt")
