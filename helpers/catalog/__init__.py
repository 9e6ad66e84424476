"""The one catalog of labels people see in charts and tables (English and 中文).

The catalog is one mapping, ``LABELS``, kept in parts so that each module's
labels sit beside each other: ``helpers/catalog/core.py`` and
``helpers/catalog/mNN_*.py``. Every chart title, axis label, legend entry and table header in the kit comes
from here, so a translation is fixed in one place and ``lang="zh"`` switches a
whole notebook. Strings may hold ``{placeholders}`` filled by :func:`label`.

Sentences that a notebook computes (``display(Markdown(...))``) are templates in
``SENTENCES`` (``helpers/catalog/sentences.py``), filled by :func:`sentence` with the
notebook's ``lang``, so the Chinese edition says the same numbers in Chinese.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from helpers._docs import shared_docs

LANGUAGES: tuple[str, ...] = ("en", "zh")

#: Parts of the catalog: ``core`` (shared and modules 00–01) and one ``mNN`` file per later
#: module. A key may be defined only once across all parts (checked at import).
PARTS: tuple[str, ...] = ("core",) + tuple(
    sorted(p.stem for p in Path(__file__).parent.glob("m[0-9][0-9]*.py"))
)


def _merge() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for part in PARTS:
        labels = importlib.import_module(f"{__name__}.{part}").LABELS
        clash = sorted(set(labels) & set(merged))
        if clash:
            raise RuntimeError(f"helpers/catalog/{part}.py redefines {clash}; each key lives in one part.")
        merged.update(labels)
    return merged


LABELS: Mapping[str, Mapping[str, str]] = _merge()

#: Sentence templates of the notebooks, ``{key: {"en": ..., "zh": ...}}`` (format specs allowed: ``{share:.1%}``).
SENTENCES: Mapping[str, Mapping[str, str]] = importlib.import_module(f"{__name__}.sentences").SENTENCES


@shared_docs
def label(key: str, lang: str = "en", **values: object) -> str:
    """The label for ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``.

    Parameters
    ----------
    key : str
        A key of :data:`LABELS`, e.g. ``"revenue"``.
    {lang}
    **values
        Values for the placeholders in the label, e.g. ``pct="20%"`` for ``"Top {pct} share"``.

    Returns
    -------
    str
        The text people see.

    Raises
    ------
    KeyError
        If the key is unknown (the message lists close matches).
    ValueError
        If ``lang`` is not one of :data:`LANGUAGES`.

    Examples
    --------
    >>> label("revenue"), label("revenue", "zh")
    ('Revenue', '销售额')
    >>> label("top_share", pct="20%")
    'Top 20% share'

    A title that starts with the data set's name leaves the name out when there is none:

    >>> label("lorenz_title", dataset="", measure="revenue")
    'Lorenz curve of revenue'
    """
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}; got {lang!r}.")
    try:
        text = LABELS[key][lang]
    except KeyError:
        import difflib

        close = difflib.get_close_matches(key, LABELS.keys(), n=3)
        raise KeyError(f"no label {key!r} in helpers.catalog; close matches: {close}") from None
    if values.get("dataset") == "" and text.startswith("{dataset}"):
        # no data set named: drop "{dataset}: " / "{dataset}：" rather than start a title with a colon
        text = text[len("{dataset}"):].lstrip(":： ")
        text = text[:1].upper() + text[1:]
    return text.format(**values) if values else text


@shared_docs
def sentence(key: str, lang: str = "en", **values: object) -> str:
    """The sentence template ``key`` in ``lang``, filled with ``values`` (Markdown text).

    Parameters
    ----------
    key : str
        A key of :data:`SENTENCES`.
    {lang}
    **values
        The numbers and names the template shows; format specs such as ``{share:.1%}``
        live in the template, so both languages round the same way.

    Returns
    -------
    str
        The filled sentence (Markdown).

    Raises
    ------
    KeyError
        If the key is unknown (close matches listed) or a value the template needs is missing.
    ValueError
        If ``lang`` is not one of :data:`LANGUAGES`.

    Examples
    --------
    >>> sentence("m01_gini", g=0.6712)
    'The Gini coefficient of revenue per customer is **0.67**.'
    >>> sentence("m01_gini", "zh", g=0.6712)
    '每位客户销售额的基尼系数为 **0.67**。'
    """
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}; got {lang!r}.")
    if key not in SENTENCES:
        import difflib

        close = difflib.get_close_matches(key, SENTENCES.keys(), n=3)
        raise KeyError(f"no sentence {key!r} in helpers.catalog; close matches: {close}")
    try:
        return SENTENCES[key][lang].format(**values)
    except KeyError as missing:
        raise KeyError(f"sentence {key!r} needs a value for {missing}; got {sorted(values)}") from None


@shared_docs
def join(items: object, lang: str = "en") -> str:
    """Items joined as a list in running text: ``a, b, c`` in English, ``a、b、c`` in Chinese.

    Parameters
    ----------
    items : iterable
        The items, shown with ``str()``.
    {lang}

    Returns
    -------
    str

    Examples
    --------
    >>> join(["VIP", "regular"]), join(["VIP", "常规"], "zh")
    ('VIP, regular', 'VIP、常规')
    """
    return ("、" if lang == "zh" else ", ").join(str(item) for item in items)


#: Columns (or axis names) whose *values* are identifiers with a label: the key template for a value.
#: In a language other than English, ``localize`` translates such cells, and both ``localize`` and
#: ``translate_columns`` the labels of an axis with such a name (``"regular"`` under ``tier`` ->
#: ``label("loy_regular", lang)``).
VALUE_KEYS: Mapping[str, str] = {
    "tier": "loy_{}",
    "segment": "seg_{}",
    "stage": "stage_{}",
    "membership": "membership_{}",
    "recommended": "rel_{}",
    "convention": "conv_{}",
}


def _name_label(name: object, lang: str, names: Mapping[str, str] | None = None) -> object:
    """A column or index label, or an axis name, as the catalog says it (unknown ones unchanged)."""
    if not isinstance(name, str):
        return name
    key = (names or {}).get(name, name)
    if key in LABELS:
        return label(key, lang)
    if name.startswith("top_") and name.endswith("%"):
        return label("top_share", lang, pct=name[4:])
    return name


def _value_label(value: object, column: object, lang: str) -> object:
    """A value of a :data:`VALUE_KEYS` column by its catalog label (unknown ones unchanged)."""
    template = VALUE_KEYS.get(column) if isinstance(column, str) else None
    if template is None or not isinstance(value, str):
        return value
    key = template.format(value)
    return label(key, lang) if key in LABELS else value


def _axis(index: pd.Index, lang: str, names: Mapping[str, str] | None, localized: bool) -> pd.Index:
    """Translate an index's labels (and, when ``localized``, its names and the values of VALUE_KEYS levels)."""
    def one_level(values: pd.Index, name: object) -> list:
        if localized and isinstance(name, str) and name in VALUE_KEYS:
            return [_value_label(v, name, lang) for v in values]
        return [_name_label(v, lang, names) for v in values]

    if isinstance(index, pd.MultiIndex):
        levels = [one_level(index.get_level_values(i), n) for i, n in enumerate(index.names)]
        changed = any(list(new) != list(index.get_level_values(i)) for i, new in enumerate(levels))
        out = pd.MultiIndex.from_arrays(levels, names=index.names) if changed else index
    else:
        values = one_level(index, index.name)
        out = pd.Index(values, name=index.name, dtype=object) if values != list(index) else index
    if localized:
        out = out.set_names([_name_label(n, lang, names) for n in out.names])
    return out


@shared_docs
def translate_columns(frame: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """A copy of ``frame`` with the column and index labels that the catalog knows translated.

    Column names like ``top_20%`` become "Top 20% share"; unknown names stay. In a language
    other than English the axis names (``dataset``, ``segment``, ...) are translated too, and
    so are the labels of an axis named in :data:`VALUE_KEYS` (the conventions under
    ``convention``, say); English keeps both, which are the identifiers the code uses
    (``sizes.loc["synthetic"]``).

    Parameters
    ----------
    frame : DataFrame
        Any table, e.g. a summary from a compute module.
    {lang}

    Returns
    -------
    DataFrame
        A copy with translated column and index labels; the values are unchanged.

    Examples
    --------
    >>> t = pd.DataFrame({"customers": [5], "top_20%": [0.5]}, index=pd.Index(["synthetic"], name="dataset"))
    >>> translate_columns(t).columns.tolist(), translate_columns(t).index.name
    (['Customers', 'Top 20% share'], 'dataset')
    >>> zh = translate_columns(t, "zh")
    >>> zh.columns.tolist(), zh.index.tolist(), zh.index.name
    (['客户数', '前20%客户占比'], ['模拟公司'], '数据集')
    """
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}; got {lang!r}.")
    localized = lang != "en"
    out = frame.copy()
    out.columns = _axis(out.columns, lang, None, localized)
    out.index = _axis(out.index, lang, None, localized)
    return out


@shared_docs
def localize(frame: pd.DataFrame, lang: str = "en", *, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """A display copy of a table as the code made it, for a reader of ``lang``.

    A table shown as it comes from the code carries the code's identifiers: column names
    such as ``customers`` and values such as ``"regular"``. In English they stay as they are
    (they are English words, and what a learner sees is what she types); in another language
    every column name, index label and axis name the catalog knows is translated, and so are
    the values of the columns and axes named in :data:`VALUE_KEYS` (``tier``, ``segment``,
    ``stage``, ``membership``, ...). Numbers are not touched.

    Parameters
    ----------
    frame : DataFrame
        The table to show.
    {lang}
    names : mapping of str to str, optional
        Catalog keys for column or axis names that are not keys themselves,
        e.g. ``{"respondents": "loy_respondents"}``.

    Returns
    -------
    DataFrame
        A copy; in English, equal to ``frame``.

    Raises
    ------
    ValueError
        If ``lang`` is not one of :data:`LANGUAGES`.

    Examples
    --------
    >>> t = pd.DataFrame({"tier": ["VIP", "regular"], "customers": [270, 2736]})
    >>> localize(t).equals(t)
    True
    >>> localize(t, "zh").to_dict("list")
    {'等级': ['VIP客户', '常规客户'], '客户数': [270, 2736]}
    """
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}; got {lang!r}.")
    out = frame.copy()
    if lang == "en":
        return out
    for column in out.columns:
        if isinstance(column, str) and column in VALUE_KEYS and out[column].dtype.kind == "O":
            out[column] = out[column].map(lambda v, c=column: _value_label(v, c, lang))
    out.columns = _axis(out.columns, lang, names, True)
    out.index = _axis(out.index, lang, names, True)
    return out
