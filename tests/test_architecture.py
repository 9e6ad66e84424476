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
    """Public functions and classes of every module; of a private module (``_common``, ``_docs``,
    ``widgets._render``, ``_rfm_fast``), only what it offers the other modules in ``__all__``.

    A private module without ``__all__`` (``_rfm_fast``) is one module's implementation, read through
    its public counterpart (``rfm.rfm_table_pandas`` is the definition ``_rfm_fast`` speeds up)."""
    for info in pkgutil.walk_packages(helpers.__path__, "helpers."):
        module = importlib.import_module(info.name)
        private = any(part.startswith("_") for part in info.name.split(".")[1:])
        offered = set(getattr(module, "__all__", ())) if private else None
        for name, obj in vars(module).items():
            if name.startswith("_") or not (inspect.isfunction(obj) or inspect.isclass(obj)):
                continue
            if offered is not None and name not in offered:
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


# --------------------------------------------------------------------------- one vocabulary (CONTRIBUTING.md)
def _sections(doc: str) -> dict[str, str]:
    """numpydoc sections of a docstring: title -> body."""
    lines = doc.splitlines()
    out: dict[str, list[str]] = {}
    current = "_summary"
    for i, line in enumerate(lines):
        if i + 1 < len(lines) and set(lines[i + 1].strip()) == {"-"} and line.strip():
            current = line.strip()
            out[current] = []
            continue
        if set(line.strip()) == {"-"} and current in out and not out[current]:
            continue
        out.setdefault(current, []).append(line)
    return {k: "\n".join(v) for k, v in out.items()}


def _documented(section: str) -> set[str]:
    """Parameter names documented in a numpydoc Parameters section (``a, b : type`` counts both)."""
    names: set[str] = set()
    for line in section.splitlines():
        if line and not line.startswith(" ") and (":" in line or line.strip().startswith("**")):
            head = line.split(" : ")[0] if " : " in line else line.rstrip(":")
            names |= {n.strip().lstrip("*") for n in head.split(",")}
        elif line and not line.startswith(" "):
            names |= {n.strip().lstrip("*") for n in line.split(",")}
    return names


def _callables_to_document():
    for qualname, obj in public_functions():
        if inspect.isclass(obj):
            if issubclass(obj, BaseException):
                continue
            yield qualname, obj, obj.__init__ if "__init__" in vars(obj) else None
            for name, member in vars(obj).items():
                func = member.__func__ if isinstance(member, (classmethod, staticmethod)) else member
                if not name.startswith("_") and inspect.isfunction(func) and func.__doc__ and "Examples" in func.__doc__:
                    yield f"{qualname}.{name}", func, func
        else:
            yield qualname, obj, obj


DOCUMENTED = [(q, o, f) for q, o, f in _callables_to_document()]


@pytest.mark.parametrize("qualname, obj, func", DOCUMENTED, ids=[q for q, _, _ in DOCUMENTED])
def test_public_helpers_document_parameters_and_returns(qualname, obj, func):
    doc = inspect.getdoc(obj) or ""
    sections = _sections(doc)
    params = [] if func is None else [
        p for p in inspect.signature(func).parameters.values() if p.name not in ("self", "cls")]
    if params:
        assert "Parameters" in sections, f"{qualname}: no Parameters section"
        documented = _documented(sections["Parameters"])
        undocumented = [p.name for p in params if p.name not in documented]
        assert not undocumented, f"{qualname}: parameters not in the Parameters section: {undocumented}"
    if inspect.isfunction(obj) and inspect.signature(obj).return_annotation not in (None, "None"):
        assert "Returns" in sections or "Yields" in sections, f"{qualname}: no Returns section"
    assert "{" + "customer}" not in doc, f"{qualname}: an unfilled shared-docs placeholder (add @shared_docs)"


STANDARD_COLUMNS = {"customer": "customer_id", "date": "date", "amount": "revenue", "order": "order_id", "cost": "cost"}
EVENT_TABLES = ("transactions", "contacts")


def _event_functions():
    for qualname, obj, func in DOCUMENTED:
        if func is None:
            continue
        module_parts = qualname.split(".")[1:-1]
        if any(part.startswith("_") or part == "checks" for part in module_parts):
            continue  # private helpers and the self-checks' reference data are not the analysis API
        params = [p for p in inspect.signature(func).parameters.values() if p.name not in ("self", "cls")]
        if params and params[0].name in EVENT_TABLES:
            yield qualname, params


EVENT_FUNCTIONS = list(_event_functions())


@pytest.mark.parametrize("qualname, params", EVENT_FUNCTIONS, ids=[q for q, _ in EVENT_FUNCTIONS])
def test_functions_reading_an_event_table_follow_the_calling_convention(qualname, params):
    """(transactions, as_of=None, *, customer="customer_id", date="date", amount="revenue", ...)."""
    assert len(params) >= 2 and params[1].name == "as_of" and params[1].default is None, \
        f"{qualname}: the second parameter must be as_of=None"
    for p in params[2:]:
        assert p.kind in (p.KEYWORD_ONLY, p.VAR_KEYWORD), f"{qualname}: {p.name} must be keyword-only (after *)"
        if p.name in STANDARD_COLUMNS and not (p.name == "cost" and params[0].name == "contacts"):
            assert p.default == STANDARD_COLUMNS[p.name], \
                f"{qualname}: {p.name} defaults to {p.default!r}, the vocabulary says {STANDARD_COLUMNS[p.name]!r}"


def test_the_convention_test_sees_every_compute_module():
    modules = {q.split(".")[1] for q, _ in EVENT_FUNCTIONS}
    assert {"pareto", "contribution", "rfm", "lifecycle", "loyalty", "relationship"} <= modules


def test_one_definition_of_each_constant():
    from helpers import _common, abc, contribution, loyalty, relationship
    assert abc.CLASSES is _common.CLASSES and contribution.CLASSES is _common.CLASSES
    assert loyalty.SERVICE_TIERS is _common.SERVICE_TIERS and relationship.CONTACT_COSTS is _common.CONTACT_COSTS
    for path in PKG.rglob("*.py"):
        if path.name == "_common.py":
            continue
        text = path.read_text(encoding="utf-8")
        for name in ("CLASSES", "SERVICE_TIERS", "CONTACT_COSTS"):
            assert f"\n{name}: " not in text and f"\n{name} = " not in text, f"{path.name} defines {name} again"
