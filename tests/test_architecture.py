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
    # compute and data modules: top-level modules except the CLI/tooling ones
    tooling = {"exercises.py", "course.py", "__init__.py"}
    return sorted(p for p in PKG.glob("*.py") if p.name not in tooling)


@pytest.mark.parametrize("path", layer_files("compute"), ids=lambda p: p.name)
def test_compute_and_data_modules_do_not_plot_or_print(path):
    roots = {n.split(".")[0] for n in imported_roots(path)}
    assert not roots & (PLOT_LIBS | WIDGET_LIBS), f"{path.name} imports {roots & (PLOT_LIBS | WIDGET_LIBS)}"
    mods = imported_roots(path)
    assert not any(m.startswith(("helpers.plots", "helpers.widgets")) for m in mods)
    calls = [n for n in ast.walk(ast.parse(path.read_text())) if isinstance(n, ast.Call)
             and isinstance(n.func, ast.Name) and n.func.id == "print"]
    if path.name not in {"datasets.py"}:  # the generator's CLI reports what it wrote
        assert not calls, f"{path.name} prints"


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
