"""Start a new module from files that already pass the suite.

::

    python -m coursekit.scaffold NN slug "Title" "中文标题"
    make module N=08 SLUG=migration TITLE="Tier migration" TITLE_ZH="客户迁移"

Writes the module's lesson guide, teaching notebook, solution, compute module,
plots, widget, self-checks, catalog labels and tests, all sharing the name
``NN_slug`` (see CONTRIBUTING.md); then runs the notebook and the solution in
place (nbval compares their stored outputs), builds the exercise from the
solution, registers the exercise's checks in ``helpers.checks.MODULES`` (one
added line) and refreshes the README's course map. It never overwrites a
file: if any of the module's files exists, nothing is written.

The module it writes is small but real: ``helpers.slug.window_activity``
(purchases and value per customer in the year before ``as_of``), a bar chart of
the top customers, an explorer with a slider, one self-checked task and one
written task. Rename and grow them into the module's own analysis; the tests
and the notebook show the patterns the suite expects.
"""

from __future__ import annotations

import argparse
import keyword
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pandas as pd

from helpers.catalog import LABELS
from helpers.paths import ROOT


class ScaffoldError(ValueError):
    """The module cannot be scaffolded (bad number or slug, or its files exist already)."""


@dataclass(frozen=True)
class Module:
    """The names a new module's files share.

    Examples
    --------
    >>> m = Module("08", "tier_migration", "Tier migration", "客户迁移")
    >>> m.stem, m.class_name, m.catalog_part
    ('08_tier_migration', 'TierMigrationExplorer', 'm08_tier_migration')
    """

    number: str
    slug: str
    title: str
    title_zh: str

    @property
    def stem(self) -> str:
        """``NN_slug``: the name of the lesson, notebook, exercise and solution."""
        return f"{self.number}_{self.slug}"

    @property
    def class_name(self) -> str:
        """The widget's class name (``migration`` -> ``MigrationExplorer``)."""
        return "".join(part.capitalize() for part in self.slug.split("_")) + "Explorer"

    @property
    def catalog_part(self) -> str:
        """The catalog file's module name (``mNN_slug``)."""
        return f"m{self.stem}"


def module_files(m: Module) -> list[str]:
    """Repo-relative paths of the files the scaffold writes for ``m`` (the exercise is built later).

    Examples
    --------
    >>> module_files(Module("08", "migration", "Tier migration", "客户迁移"))[:3]
    ['lessons/08_migration.md', 'notebooks/08_migration.ipynb', 'solutions/08_migration.ipynb']
    """
    return [
        f"lessons/{m.stem}.md",
        f"notebooks/{m.stem}.ipynb",
        f"solutions/{m.stem}.ipynb",
        f"helpers/{m.slug}.py",
        f"helpers/plots/{m.slug}.py",
        f"helpers/widgets/{m.slug}.py",
        f"helpers/checks/{m.slug}.py",
        f"helpers/catalog/{m.catalog_part}.py",
        f"tests/test_{m.slug}.py",
    ]


def validate(m: Module, root: Path = ROOT) -> None:
    """Refuse a bad number, slug or title, a number already used, or any file that exists.

    Raises
    ------
    ScaffoldError
        Saying what is wrong and what to pass instead; nothing has been written.

    Examples
    --------
    >>> validate(Module("8", "migration", "Tier migration", "客户迁移"))
    Traceback (most recent call last):
    ...
    coursekit.scaffold.ScaffoldError: module number '8': give two digits, e.g. 08.
    >>> validate(Module("08", "abc", "ABC again", "ABC"))
    Traceback (most recent call last):
    ...
    coursekit.scaffold.ScaffoldError: slug 'abc' is taken: helpers/abc.py exists. Choose another slug.
    """
    if not re.fullmatch(r"\d{2}", m.number):
        raise ScaffoldError(f"module number {m.number!r}: give two digits, e.g. 08.")
    if not re.fullmatch(r"[a-z][a-z0-9_]*", m.slug) or keyword.iskeyword(m.slug) or m.slug.endswith("_"):
        raise ScaffoldError(f"slug {m.slug!r}: use lower-case letters, digits and underscores, starting with a letter "
                            "(it names a Python module), e.g. migration.")
    if not m.title.strip() or not m.title_zh.strip():
        raise ScaffoldError("give both titles, the English and the Chinese one, e.g. \"Tier migration\" \"客户迁移\".")
    if any(ch in title for title in (m.title, m.title_zh) for ch in '"\\\n'):
        raise ScaffoldError("titles may not hold double quotes, backslashes or line breaks (they go into Python and YAML).")
    taken = [p for p in ("helpers", "helpers/plots", "helpers/widgets", "helpers/checks")
             if (root / p / m.slug).exists() or (root / p / f"{m.slug}.py").exists()]
    if taken:
        raise ScaffoldError(f"slug {m.slug!r} is taken: {taken[0]}/{m.slug}{'' if (root / taken[0] / m.slug).is_dir() else '.py'} "
                            "exists. Choose another slug.")
    used = sorted(p.relative_to(root).as_posix() for folder in ("lessons", "notebooks", "solutions", "exercises")
                  for p in (root / folder).glob(f"{m.number}_*"))
    if used:
        raise ScaffoldError(f"module {m.number} exists already ({', '.join(used)}). Choose the next free number.")
    existing = [f for f in module_files(m) + [f"exercises/{m.stem}.ipynb"] if (root / f).exists()]
    if existing:
        raise ScaffoldError(f"{', '.join(existing)} exist(s) already; the scaffold never overwrites a file. "
                            "Move them away or choose another slug.")


# ---- the templates ------------------------------------------------------------------------------------


def _lesson_text(m: Module) -> str:
    """The lesson guide: front matter (read by the course map), then the sections every guide has.

    Examples
    --------
    >>> _lesson_text(Module("08", "migration", "Tier migration", "客户迁移")).splitlines()[1:4]
    ['module: 08', 'title: Tier migration', 'title_zh: 客户迁移']
    """
    return f"""---
module: {m.number}
title: {m.title}
title_zh: {m.title_zh}
helper: helpers.{m.slug}
teaching: 30        # minutes of trainer-led time
exercises: 20       # minutes of learner work
---
# {m.number} · {m.title} ({m.title_zh})

## Questions
- Which customers were active in the last year, and how much did they bring?

## Objectives
- Compute purchases and value per customer over a one-year window with `helpers.{m.slug}.window_activity`.
- Read the chart of the most valuable active customers and say what share of the value they bring.

## Key terms
- {m.title} ({m.title_zh}) · active customer (活跃客户) · analysis date (分析日期, `as_of`)

## Running the session
1. (5 min) Hook: ask the room how many customers bought from us in the last twelve months; write the guesses down.
2. (25 min) Demo in `notebooks/{m.stem}.ipynb`: the activity table, the chart of the top customers, then the explorer's slider.
3. (20 min) Exercise `exercises/{m.stem}.ipynb`: learners count the active customers and write what they would do with them.

## Discussion questions
- Why does the window end at the analysis date, and what changes if we move it?

## Common misconceptions
- "A customer with many rows is many customers." The table counts each customer once, whatever the number of purchases.

## Key points
- Fix the analysis date first; every number in the module depends on it.
"""


def _compute_text(m: Module) -> str:
    """The compute module: one function on the transaction table, with the kit's calling convention."""
    return f'''"""{m.title} ({m.title_zh}): module {m.number}'s computations.

Compute layer: pure functions on DataFrames, no plotting, no printing.
"""

from __future__ import annotations

import pandas as pd

from helpers._common import require_columns, resolve_as_of
from helpers._docs import shared_docs


@shared_docs
def window_activity(
    transactions: pd.DataFrame,
    as_of: object = None,
    *,
    customer: str = "customer_id",
    date: str = "date",
    amount: str = "revenue",
    days: int = 365,
) -> pd.DataFrame:
    """Purchases and value per customer in the ``days`` before ``as_of``.

    Parameters
    ----------
    {{transactions}}
    {{as_of}}
    {{customer}}
    {{date}}
    {{amount}}
    days : int, default 365
        Length of the window that ends at ``as_of``.

    Returns
    -------
    DataFrame
        Indexed by customer id (only customers with a purchase in the window), columns
        ``purchases`` (rows with ``amount > 0``) and ``value`` (sum of ``amount``, returns
        included); sorted by value, largest first, ties by customer id.

    Examples
    --------
    >>> tx = pd.DataFrame({{"customer_id": ["a", "b", "a", "c"],
    ...                    "date": pd.to_datetime(["2025-01-05", "2025-03-01", "2025-06-01", "2023-01-01"]),
    ...                    "revenue": [100.0, 50.0, -20.0, 999.0]}})
    >>> window_activity(tx, "2025-07-01")
                 purchases  value
    customer_id
    a                    1   80.0
    b                    1   50.0
    """
    require_columns(transactions, {{"customer": customer, "date": date, "amount": amount}}, "window_activity")
    if days <= 0:
        raise ValueError(f"window_activity: days={{days}}; give a positive number of days, e.g. 365.")
    end = resolve_as_of(transactions, as_of, date=date)
    start = end - pd.Timedelta(days=days)
    window = transactions[(transactions[date] >= start) & (transactions[date] < end)]
    table = window.groupby(customer).agg(purchases=(amount, lambda s: int((s > 0).sum())), value=(amount, "sum"))
    table = table[table["purchases"] > 0].astype({{"purchases": int, "value": float}})
    return table.sort_index().sort_values("value", ascending=False, kind="mergesort")  # ties: by customer id
'''


def _plots_text(m: Module) -> str:
    """The plots module: one chart drawn from the compute module's table."""
    return f'''"""Charts for module {m.number} ({m.title}): they draw frames computed by :mod:`helpers.{m.slug}`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes

from helpers.catalog import label
from helpers.plots.style import PALETTE


def plot_top_customers(table: pd.DataFrame, top: int = 10, *, lang: str = "en", ax: Axes | None = None) -> Axes:
    """Horizontal bars of the ``top`` customers by value, largest at the top.

    Parameters
    ----------
    table : DataFrame
        From :func:`helpers.{m.slug}.window_activity` (index customer id, column ``value``).
    top : int
        How many customers to draw.
    lang : {{"en", "zh"}}
        Language of the title and axis labels.
    ax : Axes, optional
        Where to draw; a new figure when None.

    Returns
    -------
    Axes
        The chart, titled and labelled.

    Examples
    --------
    >>> t = pd.DataFrame({{"purchases": [2, 1], "value": [80.0, 50.0]}}, index=pd.Index(["a", "b"], name="customer_id"))
    >>> ax = plot_top_customers(t, top=5)
    >>> ax.get_title()
    'The 2 customers with the most value in the window'
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4))
    shown = table.head(top)
    ax.barh([str(c) for c in shown.index][::-1], shown["value"].to_numpy()[::-1], color=PALETTE[0])
    ax.set_title(label("{m.slug}_chart_title", lang, n=len(shown)))
    ax.set_xlabel(label("{m.slug}_value_axis", lang))
    ax.set_ylabel(label("{m.slug}_customer_axis", lang))
    return ax
'''


def _widget_text(m: Module) -> str:
    """The widget module: a slider that redraws the chart and its sentence."""
    return f'''"""Module {m.number}'s explorer: a slider chooses how many top customers the chart shows."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd

from helpers.catalog import label
from helpers.plots.{m.slug} import plot_top_customers
from helpers.widgets._render import figure_png


class {m.class_name}:
    """A slider for the number of customers shown; the chart and a sentence follow it.

    Parameters
    ----------
    table : DataFrame
        From :func:`helpers.{m.slug}.window_activity`.
    lang : {{"en", "zh"}}
        Language of the labels.
    top : int
        How many customers to show at first.

    Examples
    --------
    >>> t = pd.DataFrame({{"purchases": [2, 1, 1], "value": [60.0, 30.0, 10.0]}},
    ...                  index=pd.Index(["a", "b", "c"], name="customer_id"))
    >>> ex = {m.class_name}(t, top=1)
    >>> ex.sentence.value
    '3 customers bought in the window; the top 1 bring 60.0% of its value.'
    >>> ex.slider.value = 2
    >>> ex.sentence.value
    '3 customers bought in the window; the top 2 bring 90.0% of its value.'
    """

    def __init__(self, table: pd.DataFrame, *, lang: str = "en", top: int = 10) -> None:
        self.table, self.lang = table, lang
        self.slider = widgets.IntSlider(value=min(top, max(len(table), 1)), min=1, max=max(len(table), 1),
                                        description=label("{m.slug}_slider", lang), style={{"description_width": "initial"}})
        self.sentence = widgets.HTML()
        self.image = widgets.Image(format="png")
        self._fig, self._ax = plt.subplots(figsize=(7, 4), dpi=90)
        plt.close(self._fig)
        self.slider.observe(lambda change: self.update(), names="value")
        self.widget = widgets.VBox([self.slider, self.sentence, self.image])
        self.update()

    def update(self) -> None:
        """Redraw the chart and the sentence for the slider's value (what a slider move does)."""
        top = self.slider.value
        total = float(self.table["value"].sum())
        share = float(self.table["value"].head(top).sum()) / total if total else 0.0
        self.sentence.value = label("{m.slug}_sentence", self.lang, n=len(self.table), top=top, share=f"{{share:.1%}}")
        self._ax.clear()
        plot_top_customers(self.table, top, lang=self.lang, ax=self._ax)
        self._fig.tight_layout()
        self.image.value = figure_png(self._fig)

    def _repr_mimebundle_(self, **kwargs: object) -> dict:
        return self.widget._repr_mimebundle_(**kwargs)
'''


def _checks_text(m: Module) -> str:
    """The self-checks module: a ``Reference``, a ``TASKS`` table (one count, one written task), ``make_checks``, ``check``."""
    return f'''"""Self-checks for exercise {m.number} ({m.title}, {m.title_zh}) on the synthetic company.

In the exercise notebook::

    from helpers.checks.{m.slug} import check
    check.task1(n_active)
    check.hint(1)

:class:`Reference` computes the activity table with :mod:`helpers.{m.slug}`; ``TASKS`` says
what each task compares and which known mistakes it names.
"""

from __future__ import annotations

from functools import cached_property

import pandas as pd

from helpers import {m.slug}
from helpers.checks._reference import CompanyReference
from helpers.checks.core import Checks, CountTask, Mistake, Task, WrittenTask, msg

#: The exercise this table belongs to.
EXERCISE = "{m.stem}"


class Reference(CompanyReference):
    """What the exercise-{m.number} answers are compared with (computed on the first check).

    Parameters
    ----------
    transactions : DataFrame, optional
        Default: the synthetic company's.

    Examples
    --------
    >>> ref = Reference(pd.DataFrame({{"customer_id": ["a", "b", "a"], "revenue": [10.0, 5.0, 3.0],
    ...                               "date": pd.to_datetime(["2025-01-01", "2025-02-01", "2025-03-01"])}}))
    >>> ref.table.index.tolist()
    ['a', 'b']
    """

    @cached_property
    def table(self) -> pd.DataFrame:
        """Purchases and value per customer in the year before the analysis date."""
        return {m.slug}.window_activity(self.tx)


TASKS: tuple[Task, ...] = (
    CountTask(
        "task1", points=2, reference=lambda r: len(r.table),
        wrong_type=msg("Store one whole number, the count of customers; you stored a {{type}}.",
                       "请存一个整数，即客户数；你存的是 {{type}}。"),
        guards=[
            Mistake(lambda n, r: n < 0, msg("A count of customers cannot be negative.", "客户数不可能是负数。")),
        ],
        mistakes=[
            Mistake(lambda n, r: n == int(r.table["purchases"].sum()), msg(
                "You counted purchases. Count customers: one row of the table per customer.",
                "你数的是购买次数。请数客户：表中每位客户一行。")),
            Mistake(lambda n, r: n == len(r.tx), msg(
                "You counted the rows of the transaction table. Count the rows of the activity table.",
                "你数的是交易表的行数。请数活跃表的行数。")),
            Mistake(lambda n, r: n == r.tx["customer_id"].nunique(), msg(
                "That is every customer who ever bought. Keep only the year before the analysis date.",
                "这是所有买过东西的客户。只保留分析日期前一年内的客户。")),
        ],
        correct=msg("That is the number of customers who bought in the window.",
                    "对：这就是窗口期内购买过的客户数。"),
        otherwise=msg("Count the rows of the table that window_activity returns.",
                      "请数一数 window_activity 返回的表有多少行。"),
        hints=[msg("The table has one row per active customer.", "表中每位活跃客户占一行。"),
               msg("Make the table with window_activity(transactions) first.",
                   "先用 window_activity(transactions) 生成这张表。"),
               msg("len(table) counts the rows of a table.", "len(table) 可以数出表的行数。")],
    ),
    WrittenTask("task2", points=2, hints=[
        msg("Name one action you would take for these customers.", "写出你会对这些客户采取的一个具体做法。"),
        msg("Give a reason based on the share of value they bring.", "用他们贡献的价值占比说明理由。"),
    ]),
)


def make_checks(transactions: pd.DataFrame | None = None, *, lang: str = "en") -> Checks:
    """The checks of exercise {m.number} against ``transactions`` (default: the synthetic company).

    Parameters
    ----------
    transactions : DataFrame, optional
        Columns ``customer_id``, ``date``, ``revenue``; default the shipped data.
    lang : {{"en", "zh"}}
        Language of the feedback and hints.

    Returns
    -------
    Checks

    Examples
    --------
    >>> tx = pd.DataFrame({{"customer_id": ["a", "b", "a"], "revenue": [10.0, 5.0, 3.0],
    ...                    "date": pd.to_datetime(["2025-01-01", "2025-02-01", "2025-03-01"])}})
    >>> check = make_checks(tx)
    >>> check.task1.evaluate(2).status, check.task1.evaluate(3).status, check.task1.evaluate(...).status
    ('correct', 'incorrect', 'unanswered')
    """
    return Checks(TASKS, Reference(transactions), lang=lang)


#: The checks used by ``exercises/{m.stem}.ipynb``.
check = make_checks()
'''


def _catalog_text(m: Module, known: Sequence[str] = ()) -> str:
    """The module's labels, English and Chinese.

    Keys start with the slug, so they never clash with another part; the table's column
    ``purchases`` gets a label only when no part has one yet (``known``: the catalog's keys).
    """
    s = m.slug
    labels = {
        f"{s}_chart_title": ("The {n} customers with the most value in the window", "窗口期内价值最高的{n}位客户"),
        f"{s}_value_axis": ("Value in the window (¥)", "窗口期内价值（元）"),
        f"{s}_customer_axis": ("Customer", "客户"),
        f"{s}_slider": ("Customers shown", "显示客户数"),
        f"{s}_sentence": ("{n:,} customers bought in the window; the top {top} bring {share} of its value.",
                          "{n:,}位客户在窗口期内购买；前{top}位贡献了{share}的价值。"),
    }
    if "purchases" not in known:
        labels["purchases"] = ("Purchases", "购买次数")
    lines = [f'    "{key}": {{\n        "en": "{en}",\n        "zh": "{zh}",\n    }},' for key, (en, zh) in labels.items()]
    body = "\n".join(lines)
    return (f'"""Labels of module {m.number} ({m.title}, {m.title_zh})."""\n\n'
            "from __future__ import annotations\n\n"
            f"LABELS: dict[str, dict[str, str]] = {{\n{body}\n}}\n")


def _unit_tests_text(m: Module) -> str:
    """The module's tests: expected values worked out by hand, never copied from the code."""
    return f'''"""Module {m.number} ({m.title}): the compute function, its chart, its explorer and its self-checks."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers import {m.slug}
from helpers.checks.{m.slug} import make_checks
from helpers.plots.{m.slug} import plot_top_customers
from helpers.widgets.{m.slug} import {m.class_name}

TX = pd.DataFrame({{
    "customer_id": ["a", "a", "b", "c", "d", "b"],
    "date": pd.to_datetime(["2024-12-31", "2025-05-01", "2025-06-15", "2025-06-20", "2025-07-01", "2025-06-30"]),
    "revenue": [40.0, 30.0, 30.0, 5.0, 100.0, -10.0],
}})


def test_window_counts_purchases_and_nets_returns():
    # window [2024-07-01, 2025-07-01): d's purchase on the analysis date is outside it
    table = {m.slug}.window_activity(TX, "2025-07-01")
    assert table.index.tolist() == ["a", "b", "c"]
    assert table["purchases"].tolist() == [2, 1, 1]
    assert table["value"].tolist() == [70.0, 20.0, 5.0]


def test_shorter_window_and_default_as_of():
    assert {m.slug}.window_activity(TX, "2025-07-01", days=30).index.tolist() == ["b", "c"]
    # default as_of: midnight after the last date (2025-07-02), so d's purchase counts
    assert {m.slug}.window_activity(TX).index[0] == "d"


def test_errors_name_the_column_and_the_fix():
    with pytest.raises(KeyError, match="amount_eur"):
        {m.slug}.window_activity(TX, amount="amount_eur")
    with pytest.raises(ValueError, match="positive number of days"):
        {m.slug}.window_activity(TX, days=0)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_chart_is_titled_and_labelled(lang):
    ax = plot_top_customers({m.slug}.window_activity(TX, "2025-07-01"), top=2, lang=lang)
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert len(ax.patches) == 2
    plt.close(ax.figure)


def test_explorer_follows_its_slider():
    ex = {m.class_name}({m.slug}.window_activity(TX, "2025-07-01"), top=1)
    assert "73.7%" in ex.sentence.value  # 70 of 95
    ex.slider.value = 3
    assert "100.0%" in ex.sentence.value and ex.image.value[:4] == b"\\x89PNG"


def test_self_check_accepts_the_count_and_explains_a_count_of_rows():
    check = make_checks(TX)
    assert check.task1.evaluate(4).status == "correct"  # a, b, c, d (default as_of)
    wrong = check.task1.evaluate(5)  # purchases, not customers
    assert wrong.status == "incorrect" and "purchases" in wrong.message
    assert check.task1.evaluate(...).status == "unanswered"
'''


def _md(text: str, **metadata: object) -> nbformat.NotebookNode:
    return nbformat.v4.new_markdown_cell(text, metadata=dict(metadata))


def _code(text: str, **metadata: object) -> nbformat.NotebookNode:
    return nbformat.v4.new_code_cell(text, metadata=dict(metadata))


def _notebook(cells: list[nbformat.NotebookNode]) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def _notebook_text(m: Module) -> str:
    """The teaching notebook: title, ``lang`` parameter, one section ending on a computed sentence, Try it, What you learned."""
    cells = [
        _md(f"# {m.number} · {m.title} ({m.title_zh})\n\n"
            f"**Promise:** in 30 minutes you will say which customers bought in the last year and how much the most "
            f"valuable of them bring.\n\n"
            f"**You will learn to**\n- compute purchases and value per customer over a one-year window;\n"
            f"- read the chart of the top customers and the share of value they bring.\n\n"
            f"**Before this:** module 01 (the 80/20 rule, measured). **Time:** 30 min teaching + 20 min exercise."),
        _code('lang = "en"  # papermill parameter: "en" or "zh" (labels in charts and tables)', tags=["parameters"]),
        _code("from IPython.display import Markdown, display\n\n"
              f"from helpers import {m.slug}\n"
              "from helpers.data import load_company\n"
              "from helpers.plots import use_language\n"
              f"from helpers.plots.{m.slug} import plot_top_customers\n"
              "from helpers.plots.tables import readable_table\n"
              f"from helpers.widgets.{m.slug} import {m.class_name}\n\n"
              "chart_lang = use_language(lang)"),
        _md("## 1. Who bought in the last year\n\n"
            "Fix the analysis date first (by default, the day after the last transaction), then count, per customer, "
            "the purchases and the value of the 365 days before it."),
        _code("company = load_company()\n"
              f"table = {m.slug}.window_activity(company.transactions)\n"
              "plot_top_customers(table, top=10, lang=chart_lang);"),
        _code('readable_table(table.head(5), money=["value"], lang=lang)', tags=["nbval-check-output"]),
        _code('top10 = table["value"].head(10).sum() / table["value"].sum()\n'
              "display(Markdown(\n"
              '    f"**{len(table):,} customers** bought in the last 365 days; the 10 most valuable of them bring '
              '**{top10:.1%}** of the window\'s value."\n'
              "))"),
        _md("## Try it\n\nMove the slider: how many customers does it take to bring half of the value?"),
        _code(f"{m.class_name}(table, lang=lang)"),
        _md(f"## What you learned\n\n- The analysis date and the window come first; every count depends on them.\n"
            f"- A customer with many purchases is still one customer.\n\n"
            f"Next: the exercise [`exercises/{m.stem}.ipynb`](../exercises/{m.stem}.ipynb)."),
    ]
    return nbformat.writes(_notebook(cells)) + "\n"


def _nbgrader(grade_id: str, *, solution: bool, grade: bool, locked: bool, points: int | None = None) -> dict:
    meta: dict[str, object] = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
                               "solution": solution}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def _solution_text(m: Module, active: int) -> str:
    """The solution notebook (the exercise's single source): one checked task and one written task, with nbgrader markup.

    ``active`` is the hidden test's expected value (see :func:`_active_customers`).
    """
    cells = [
        _md(f"# 📃 Solution {m.number} · {m.title} ({m.title_zh})\n\n"
            "Each task has a cell for your answer and a **check** cell after it: run both. ✅ means right, ❌ comes "
            "with a hint, ⏳ means the blank `...` is still there.\n\n"
            "- Replace only the `...` on the lines marked `# your code here`.\n"
            "- `check.hint(1)` gives a hint for task 1."),
        _code('lang = "en"  # papermill parameter: "en" or "zh"', tags=["parameters"]),
        _code(f"from helpers import {m.slug}\n"
              f"from helpers.checks.{m.slug} import check\n"
              "from helpers.data import load_company\n\n"
              "check.lang = lang  # self-check feedback in the notebook's language\n"
              "transactions = load_company().transactions",
              **_nbgrader("setup", solution=False, grade=False, locked=False)),
        _md("## Task 1 (2 points): active customers\n\n"
            f"Compute the table with `{m.slug}.window_activity(transactions)` and store in `n_active` the number of "
            "customers it holds."),
        _code("### BEGIN SOLUTION\n"
              f"table = {m.slug}.window_activity(transactions)\n"
              "n_active = len(table)\n"
              "### END SOLUTION",
              **_nbgrader("task1_answer", solution=True, grade=False, locked=False)),
        _code("check.task1(n_active)\n"
              "### BEGIN HIDDEN TESTS\n"
              f"assert int(n_active) == {active}\n"
              "### END HIDDEN TESTS",
              **_nbgrader("task1", solution=False, grade=True, locked=True, points=2)),
        _md("## Task 2 (2 points, read by your trainer): what would you do?\n\n"
            "In two or three sentences: what would you offer the most valuable active customers, and why?"),
        _md("### BEGIN SOLUTION\n"
            "**Model answer.** Keep them close: a named contact and an early look at new offers, because a few of "
            "them bring a large share of the year's value.\n\n"
            "**Rubric** (2 points): 1 point for a concrete action, 1 point for a reason based on the share of value.\n"
            "### END SOLUTION",
            **_nbgrader("task2", solution=True, grade=True, locked=False, points=2)),
    ]
    return nbformat.writes(_notebook(cells)) + "\n"


def _active_customers() -> int:
    """The hidden test's expected value, computed with plain pandas (not with the module's own function).

    Customers with a purchase in the 365 days before the day after the synthetic company's last transaction.
    """
    from helpers.data import load_company

    tx = load_company().transactions
    end = tx["date"].max().normalize() + pd.Timedelta(days=1)
    recent = tx[(tx["date"] >= end - pd.Timedelta(days=365)) & (tx["date"] < end) & (tx["revenue"] > 0)]
    return int(recent["customer_id"].nunique())


def register_checks(m: Module, root: Path = ROOT) -> str:
    """``helpers/checks/__init__.py`` with ``m``'s exercise added to ``MODULES`` (the text; nothing is written).

    Parameters
    ----------
    m : Module
        The new module.
    root : Path
        The kit's folder.

    Returns
    -------
    str
        The file's new text.

    Raises
    ------
    ScaffoldError
        If the file has no ``MODULES = {...}`` literal to add to.

    Examples
    --------
    >>> text = register_checks(Module("08", "migration", "Tier migration", "客户迁移"))
    >>> '"08_migration": "migration",' in text
    True
    """
    text = (root / "helpers/checks/__init__.py").read_text(encoding="utf-8")
    match = re.search(r"^MODULES[^=]*=\s*\{\n(.*?)^\}", text, re.S | re.M)
    if not match:
        raise ScaffoldError("helpers/checks/__init__.py has no `MODULES = {...}` to register the exercise in; "
                            "add it by hand.")
    return text[:match.end(1)] + f'    "{m.stem}": "{m.slug}",\n' + text[match.end(1):]


def render(m: Module) -> dict[str, str]:
    """Every file's content, by repo-relative path (nothing is written).

    Examples
    --------
    >>> files = render(Module("08", "migration", "Tier migration", "客户迁移"))
    >>> sorted(files) == sorted(module_files(Module("08", "migration", "Tier migration", "客户迁移")))
    True
    >>> "def window_activity(" in files["helpers/migration.py"]
    True
    """
    texts = [_lesson_text(m), _notebook_text(m), _solution_text(m, _active_customers()), _compute_text(m), _plots_text(m), _widget_text(m),
             _checks_text(m), _catalog_text(m, list(LABELS)), _unit_tests_text(m)]
    return dict(zip(module_files(m), texts))


def scaffold(m: Module, root: Path = ROOT, *, run: bool = True) -> list[str]:
    """Write module ``m``'s files under ``root``; with ``run``, run its notebooks, build its exercise, update the README.

    Parameters
    ----------
    m : Module
        Number, slug and titles.
    root : Path
        The kit's folder. The post-steps (``run=True``) use the kit that this Python imports,
        so run the command from inside the kit you scaffold into.
    run : bool
        Run the notebook and the solution in place, build the exercise and refresh the README's
        course map (what makes the module pass the suite).

    Returns
    -------
    list of str
        The files written, repo-relative.

    Raises
    ------
    ScaffoldError
        If the number, slug or titles are unusable or a file exists (nothing is written).

    Examples
    --------
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> for folder in ("helpers/plots", "helpers/widgets", "helpers/checks", "helpers/catalog", "lessons",
    ...                "notebooks", "solutions", "exercises", "tests"):
    ...     (root / folder).mkdir(parents=True)
    >>> scaffold(Module("08", "migration", "Tier migration", "客户迁移"), root, run=False)[0]
    'lessons/08_migration.md'
    >>> scaffold(Module("09", "migration", "Again", "再来"), root, run=False)
    Traceback (most recent call last):
    ...
    coursekit.scaffold.ScaffoldError: slug 'migration' is taken: helpers/migration.py exists. Choose another slug.
    """
    validate(m, root)
    files = render(m)
    registry = root / "helpers/checks/__init__.py"
    registered = register_checks(m, root) if registry.exists() else None
    before = registry.read_text(encoding="utf-8") if registered is not None else None
    written: list[str] = []
    try:
        for rel, text in files.items():
            path = root / rel
            with path.open("x", encoding="utf-8") as fh:  # "x": never overwrite, even in a race
                fh.write(text)
            written.append(rel)
        if registered is not None:
            registry.write_text(registered, encoding="utf-8")
        if run:
            from coursekit import course, exercises

            course.execute_in_place([root / f"notebooks/{m.stem}.ipynb", root / f"solutions/{m.stem}.ipynb"])
            exercises.build(root / "solutions", root / "exercises")
            written.append(f"exercises/{m.stem}.ipynb")
            readme = root / "README.md"
            readme.write_text(course.readme_with_map(readme.read_text(encoding="utf-8")), encoding="utf-8")
    except Exception:
        for rel in written:
            (root / rel).unlink(missing_ok=True)
        if before is not None:
            registry.write_text(before, encoding="utf-8")
        raise
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursekit.scaffold", description=__doc__.split("\n")[0])
    parser.add_argument("number", help="two digits, e.g. 08")
    parser.add_argument("slug", help="lower-case Python name, e.g. migration")
    parser.add_argument("title", help='English title, e.g. "Tier migration"')
    parser.add_argument("title_zh", help='Chinese title, e.g. "客户迁移"')
    parser.add_argument("--no-run", action="store_true", help="only write the files (no notebook run, exercise or README)")
    args = parser.parse_args(argv)
    module = Module(args.number, args.slug, args.title, args.title_zh)
    try:
        written = scaffold(module, run=not args.no_run)
    except ScaffoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"module {module.stem}: wrote\n" + "\n".join(f"  {rel}" for rel in written))
    print("Next: make the analysis your own (rename window_activity, grow the notebook), then `make notebooks` "
          "and `make test`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
