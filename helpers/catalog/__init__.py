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
    """
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}; got {lang!r}.")
    try:
        text = LABELS[key][lang]
    except KeyError:
        import difflib

        close = difflib.get_close_matches(key, LABELS.keys(), n=3)
        raise KeyError(f"no label {key!r} in helpers.catalog; close matches: {close}") from None
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


@shared_docs
def translate_columns(frame: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """A copy of ``frame`` with the column and index labels that the catalog knows translated.

    Column names like ``top_20%`` become "Top 20% share"; unknown names stay.

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
    >>> t = pd.DataFrame({"customers": [5], "top_20%": [0.5]}, index=["synthetic"])
    >>> translate_columns(t, "zh").columns.tolist(), translate_columns(t, "zh").index.tolist()
    (['客户数', '前20%客户占比'], ['模拟公司'])
    """

    def one(name: object) -> object:
        if not isinstance(name, str):
            return name
        if name in LABELS:
            return label(name, lang)
        if name.startswith("top_") and name.endswith("%"):
            return label("top_share", lang, pct=name[4:])
        return name

    out = frame.rename(columns=one, index=one)
    return out
