"""The package's layers: foundation (core) < reading < model < presentation < cli.

Each module may import only its own layer and the layers below it; only ``__main__`` imports the
CLI. The module map in ``socialreach/__init__.py`` lists every module, one line each, and no
module is longer than 1 000 lines.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest

PACKAGE = Path(importlib.util.find_spec("socialreach").origin).parent
#: The layers from the bottom up; a module may import those at or below its own rank.
RANK = {"core": 0, "reading": 1, "model": 2, "presentation": 3, "cli": 4}
MAX_LINES = 1000


def _modules() -> dict[str, Path]:
    """Every module by dotted name; a package by its own name (``socialreach.model``)."""
    found = {}
    for p in sorted(PACKAGE.rglob("*.py")):
        parts = p.relative_to(PACKAGE.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = p
    return found


def _imported(name: str, path: Path) -> set[str]:
    """Every socialreach module the file imports, as dotted names (also inside functions)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    modules = _modules()
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "socialreach"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            else:
                target = node.module or ""
            if target.split(".")[0] != "socialreach":
                continue
            # ``from socialreach.model import reach`` imports the module socialreach.model.reach
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in modules else target)
    return found


def _layer(name: str) -> str | None:
    parts = name.split(".")
    if len(parts) > 1 and parts[1] in RANK:
        return parts[1]
    return None  # socialreach, socialreach.__main__


@pytest.mark.parametrize("name", sorted(_modules()))
def test_imports_only_its_own_layer_and_below(name):
    path = _modules()[name]
    layer = _layer(name)
    if name in ("socialreach.__main__", "socialreach.cli"):
        return  # the entry points may import every layer
    for target in _imported(name, path):
        assert _layer(target) != "cli", f"{name} imports the CLI ({target})"
        if layer is None:
            continue
        assert _layer(target) is not None, f"{name} imports the package root ({target})"
        assert RANK[_layer(target)] <= RANK[layer], f"{name} ({layer}) imports {target}"


def test_root_imports_nothing_of_its_own_at_import():
    """``socialreach/__init__.py`` names where things live; it imports them on first use."""
    assert _imported("socialreach", PACKAGE / "__init__.py") == set()


@pytest.mark.parametrize("name", sorted(_modules()))
def test_no_module_over_a_thousand_lines(name):
    lines = _modules()[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{name} has {lines} lines"


def test_module_map_lists_every_module_once():
    import socialreach

    listed = [
        line.split()[1].strip("`")
        for line in socialreach.__doc__.splitlines()
        if line.startswith("- `socialreach")
    ]
    assert len(listed) == len(set(listed))
    assert sorted(listed) == sorted(_modules())


def test_the_test_sees_a_wrong_import():
    """The checker itself: a model module that imports presentation is caught."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        bad = Path(tmp) / "bad.py"
        bad.write_text("from ..presentation import plots\n", encoding="utf-8")
        found = _imported("socialreach.model.bad", bad)
    assert found == {"socialreach.presentation.plots"}
    assert RANK[_layer("socialreach.presentation.plots")] > RANK["model"]
