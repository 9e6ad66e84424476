"""The three layers only point downward, and every public helper is documented and typed."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

import helpers

PKG = Path(helpers.__file__).parent
PLOT_LIBS = {"matplotlib", "seaborn"}
WIDGET_LIBS = {"ipywidgets", "IPython"}


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def layer_files(layer: str) -> list[Path]:
    if layer == "plots":
        return sorted((PKG / "plots").glob("*.py"))
    if layer == "widgets":
        return sorted((PKG / "widgets").glob("*.py"))
    # compute, data, checks and tooling modules: everything outside plots/ and widgets/
    return sorted(p for p in PKG.rglob("*.py") if p.parent.name not in ("plots", "widgets"))


def prints_outside_main(tree: ast.AST) -> list[int]:
    """Line numbers of print() calls that are not inside a function called main (CLIs may print)."""
    lines = []

    def visit(node: ast.AST, in_main: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inside = in_main or (isinstance(child, ast.FunctionDef) and child.name == "main")
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Name) and child.func.id == "print" and not inside:
                lines.append(child.lineno)
            visit(child, inside)

    visit(tree, False)
    return lines


@pytest.mark.parametrize("path", layer_files("compute"), ids=lambda p: p.relative_to(PKG).as_posix())
def test_compute_and_data_modules_do_not_plot_or_print(path):
    mods = imported_roots(path)
    roots = {n.split(".")[0] for n in mods}
    assert not roots & PLOT_LIBS, f"{path.name} imports {roots & PLOT_LIBS}"
    if path.parent.name != "checks":  # checks display feedback through IPython
        assert not roots & WIDGET_LIBS, f"{path.name} imports {roots & WIDGET_LIBS}"
    allowed_up = {"course.py"}  # the pre-flight reports on the plots layer's fonts
    if path.name not in allowed_up:
        assert not any(m.startswith(("helpers.plots", "helpers.widgets")) for m in mods), path.name
    if path.parent.name != "checks":  # a check prints feedback when IPython is absent
        assert not prints_outside_main(ast.parse(path.read_text(encoding="utf-8"))), f"{path.name} prints"


@pytest.mark.parametrize("path", layer_files("plots"), ids=lambda p: p.name)
def test_plots_do_not_import_widgets(path):
    mods = imported_roots(path)
    assert not any(m.split(".")[0] in WIDGET_LIBS or m.startswith("helpers.widgets") for m in mods)


def public_functions():
    for info in pkgutil.walk_packages(helpers.__path__, "helpers."):
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if name.startswith("_") or not (inspect.isfunction(obj) or inspect.isclass(obj)):
                continue
            if getattr(obj, "__module__", None) != module.__name__ or name == "main":
                continue
            yield f"{info.name}.{name}", obj


@pytest.mark.parametrize("qualname, obj", list(public_functions()), ids=lambda x: x if isinstance(x, str) else "")
def test_public_helpers_have_numpydoc_and_type_hints(qualname, obj):
    doc = inspect.getdoc(obj) or ""
    assert doc, f"{qualname} has no docstring"
    if inspect.isclass(obj) and issubclass(obj, BaseException):
        return  # exception classes: a docstring saying when they are raised is enough
    if inspect.isfunction(obj):
        sig = inspect.signature(obj)
        missing = [p for p, v in sig.parameters.items() if v.annotation is inspect.Parameter.empty
                   and v.kind not in (v.VAR_POSITIONAL, v.VAR_KEYWORD)]
        assert not missing, f"{qualname}: parameters without type hints: {missing}"
        assert sig.return_annotation is not inspect.Signature.empty, f"{qualname}: no return type"
    assert "Examples\n--------" in doc and ">>> " in doc, f"{qualname}: no Examples section with a doctest"
