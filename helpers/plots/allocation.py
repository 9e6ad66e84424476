"""Charts and display tables for module 09 (resource allocation): they draw frames computed by :mod:`helpers.allocation`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from helpers._docs import shared_docs
from helpers.allocation import evaluate_split
from helpers.catalog import LABELS, label
from helpers.plots.loyalty import group_label
from helpers.plots.style import PALETTE, TIER_COLORS, stacked_share_bars
from helpers.plots.tables import readable_table


#: One colour per split, the same in every chart (tier colours are kept for tiers).
SPLIT_COLORS: dict[str, str] = {"equal_per_customer": PALETTE[8], "proportional_to_revenue": PALETTE[1],
                                "all_to_top": PALETTE[3], "current": PALETTE[5], "optimal": PALETTE[4]}


def tier_color(tier: object, position: int = 0) -> str:
    """The kit's colour of a tier (A/VIP always the same), or a palette colour for other names.

    Parameters
    ----------
    tier : object
        A tier name such as ``"VIP"``.
    position : int, default 0
        The tier's position, choosing a palette colour for names without a fixed one.

    Returns
    -------
    str
        A hex colour.

    Examples
    --------
    >>> tier_color("VIP") == TIER_COLORS["VIP"], tier_color("east", 1) == PALETTE[1]
    (True, True)
    """
    return TIER_COLORS.get(str(tier), PALETTE[position % len(PALETTE)])


def split_name(name: object, lang: str = "en") -> str:
    """Display name of a split (``"optimal"`` → "Optimal split"); a name the catalog lacks is shown as it is.

    Parameters
    ----------
    name : object
        A split's column name, e.g. ``"proportional_to_revenue"`` or your own ``"plan_b"``.
    lang : {"en", "zh"}, default "en"
        Language of the name.

    Returns
    -------
    str

    Examples
    --------
    >>> split_name("all_to_top"), split_name("plan_b"), split_name("optimal", "zh")
    ('All to the top tier', 'plan_b', '最优分配')
    """
    return label(str(name), lang) if str(name) in LABELS else str(name)


def _thousands(ax: Axes, axis: str = "both") -> None:
    fmt = plt.FuncFormatter(lambda v, _: f"{v / 1000:,.0f}")
    if axis in ("x", "both"):
        ax.xaxis.set_major_formatter(fmt)
    if axis in ("y", "both"):
        ax.yaxis.set_major_formatter(fmt)


@shared_docs
def plot_response_curves(
    curves: pd.DataFrame,
    split: pd.Series | None = None,
    *,
    current: pd.Series | None = None,
    max_budget: float | None = None,
    lang: str = "en",
    ax: Axes | None = None,
) -> Axes:
    """Each tier's expected extra value against the budget it gets; a split marked, with its slopes.

    At the marked point of each funded tier a short line shows the slope there:
    the marginal return. At the optimal split the slopes are equal.

    Parameters
    ----------
    curves : DataFrame
        One row per tier with ``customers``, ``ceiling`` and ``rate`` (:func:`helpers.allocation.make_curves`).
    split : Series, optional
        Yuan per tier to mark (filled dots and slopes), e.g. :func:`helpers.allocation.optimal_split`.
    current : Series, optional
        Another split to mark with open circles (e.g. today's).
    max_budget : float, optional
        Right end of the x axis (¥); default 1.5 × the largest amount marked, or 3 half-spends per customer.
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        One curve per tier in the tier's colour, axes in ¥ thousand.

    Examples
    --------
    >>> from helpers.allocation import make_curves, optimal_split
    >>> c = make_curves({"VIP": 100, "regular": 900}, {"VIP": 300.0, "regular": 40.0},
    ...                 half_spend={"VIP": 150.0, "regular": 20.0})
    >>> ax = plot_response_curves(c, optimal_split(c, 10000))
    >>> ax.get_title()
    "Response curves: each tier's return flattens as it gets more"
    >>> len(ax.get_lines())  # two curves, two dots, two slopes
    6
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4.8))
    marked = [s for s in (split, current) if s is not None]
    if max_budget is None:
        top = max((float(s.max()) for s in marked), default=0.0)
        max_budget = 1.5 * top if top > 0 else float((3 * curves["customers"] * np.log(2) / curves["rate"]).max())
    x = np.linspace(0, max_budget, 300)
    for i, (tier, row) in enumerate(curves.iterrows()):
        n, k, g = float(row["customers"]), float(row["ceiling"]), float(row["rate"])
        ax.plot(x, n * k * -np.expm1(-g * x / n), color=tier_color(tier, i), lw=2.2, label=group_label(tier, lang))
    if current is not None:
        table = evaluate_split(curves, current)
        for i, tier in enumerate(curves.index):
            ax.plot(table.loc[tier, "budget"], table.loc[tier, "return"], "o", mfc="white", ms=8, mew=2,
                    color=tier_color(tier, i), zorder=4)
    if split is not None:
        table = evaluate_split(curves, split)
        for i, tier in enumerate(curves.index):
            ax.plot([], [], "o", color=tier_color(tier, i), ms=9, mec="black", zorder=5, gid=f"split-dot:{tier}")
            ax.plot([], [], color="black", lw=1.2, ls="--", zorder=4, gid=f"split-slope:{tier}")
        move_split_marks(ax, table, max_budget)
    handles, labels = ax.get_legend_handles_labels()
    if split is not None:
        handles.append(Line2D([], [], marker="o", color="black", ls="--", mfc="grey", mec="black"))
        labels.append(label("alloc_split_marker", lang))
    if current is not None:
        handles.append(Line2D([], [], marker="o", color="grey", ls="", mfc="white", mew=2))
        labels.append(label("alloc_current_marker", lang))
    ax.legend(handles, labels, loc="upper left", fontsize=9)
    ax.set_xlim(0, max_budget)
    ax.set_ylim(bottom=0)
    _thousands(ax)
    ax.set_xlabel(label("alloc_tier_budget_axis", lang))
    ax.set_ylabel(label("alloc_return_axis", lang))
    ax.set_title(label("alloc_curves_title", lang))
    return ax


def move_split_marks(ax: Axes, table: pd.DataFrame, max_budget: float) -> list:
    """Move the split's dots and slope lines of :func:`plot_response_curves` to a new split (for fast redraws).

    Parameters
    ----------
    ax : matplotlib Axes
        A chart drawn by :func:`plot_response_curves` with a split.
    table : DataFrame
        :func:`helpers.allocation.evaluate_split` of the new split (``budget``, ``return``, ``marginal_return``).
    max_budget : float
        The chart's x range (¥); the slope lines are 16% of it long.

    Returns
    -------
    list of matplotlib Line2D
        The moved artists (dots and slopes, by tier); an unfunded tier's slope line is empty.

    Examples
    --------
    >>> from helpers.allocation import evaluate_split, make_curves
    >>> c = make_curves({"a": 100}, {"a": 50.0}, {"a": 0.02})
    >>> ax = plot_response_curves(c, pd.Series({"a": 1000.0}), max_budget=5000)
    >>> moved = move_split_marks(ax, evaluate_split(c, {"a": 2000.0}), 5000)
    >>> list(moved[0].get_xdata())
    [2000.0]
    >>> plt.close(ax.figure)
    """
    marks = {line.get_gid(): line for line in ax.get_lines() if line.get_gid()}
    half = 0.08 * max_budget
    moved = []
    for tier, row in table.iterrows():
        bx, by, slope = float(row["budget"]), float(row["return"]), float(row["marginal_return"])
        dot, line = marks[f"split-dot:{tier}"], marks[f"split-slope:{tier}"]
        dot.set_data([bx], [by])
        if bx > 0:
            line.set_data([bx - half, bx + half], [by - slope * half, by + slope * half])
        else:
            line.set_data([], [])
        moved += [dot, line]
    return moved


@shared_docs
def plot_split_comparison(splits: pd.DataFrame, comparison: pd.DataFrame, *, lang: str = "en") -> Figure:
    """Left: how each split shares the budget between tiers. Right: what each split returns.

    Parameters
    ----------
    splits : DataFrame
        Indexed by tier, one column per split (¥), e.g. :func:`helpers.allocation.heuristic_splits`.
    comparison : DataFrame
        From :func:`helpers.allocation.compare_splits` on the same splits.
    {lang}

    Returns
    -------
    matplotlib Figure
        Two panels, one row per split, titled; the return bars say what share of the optimum they reach.

    Examples
    --------
    >>> from helpers.allocation import compare_splits, heuristic_splits, make_curves
    >>> c = make_curves({"VIP": 100, "regular": 900}, {"VIP": 300.0, "regular": 40.0},
    ...                 half_spend={"VIP": 150.0, "regular": 20.0})
    >>> s = heuristic_splits(c, 10000, revenue={"VIP": 60000, "regular": 40000})
    >>> fig = plot_split_comparison(s, compare_splits(c, s))
    >>> fig.axes[1].get_title()
    'What each split returns'
    >>> plt.close(fig)
    """
    names = list(splits.columns)
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 0.55 * len(names) + 2.4),
                                      gridspec_kw={"width_ratios": [3, 2]}, sharey=True)
    shares = (splits / splits.sum()).T
    tiers = list(splits.index)
    stacked_share_bars(left, shares, [(t, tier_color(t, i), group_label(t, lang)) for i, t in enumerate(tiers)],
                       white_text=[t for t in tiers if str(t) in ("VIP", "A")])
    left.set_yticks(range(len(names)), [split_name(n, lang) for n in names])
    left.invert_yaxis()
    left.set_xlabel(label("alloc_share_axis", lang))
    left.set_title(label("alloc_share_title", lang))
    left.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=len(tiers), frameon=False)
    values = comparison.loc[names, "return"].to_numpy(float)
    colours = [SPLIT_COLORS.get(str(n), PALETTE[7]) for n in names]
    right.barh(range(len(names)), values, color=colours)
    for row, (name, v) in enumerate(zip(names, values)):
        pct = comparison.loc[name, "vs_optimal"]
        right.text(v, row, f" ¥{v / 1000:,.0f}k · " + label("alloc_pct_of_optimum", lang, pct=f"{pct:.0%}"),
                   va="center", ha="left", fontsize=9)
    right.set_xlim(0, values.max() * 2.0)
    _thousands(right, "x")
    right.set_xlabel(label("alloc_return_axis", lang))
    right.set_title(label("alloc_return_title", lang))
    fig.suptitle(label("alloc_compare_title", lang), fontweight="bold")
    fig.tight_layout()
    return fig


@shared_docs
def plot_next_return(table: pd.DataFrame, amount: float = 1000.0, *, lang: str = "en", ax: Axes | None = None) -> Axes:
    """Grouped bars: what the next ``amount`` yuan brings in each tier, under each split; a line where it pays back.

    Parameters
    ----------
    table : DataFrame
        Indexed by tier, one column per split: the ``next_return`` of
        :func:`helpers.allocation.next_return` under that split (¥).
    amount : float, default 1000.0
        The extra yuan the table is about.
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        One group of bars per tier, one bar per split, each labelled in ¥.

    Examples
    --------
    >>> t = pd.DataFrame({"current": [760.0, 650.0], "optimal": [750.0, 750.0]}, index=["VIP", "regular"])
    >>> ax = plot_next_return(t)
    >>> ax.get_title()
    'Where the next ¥1,000 returns most'
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4.5))
    names = list(table.columns)
    x = np.arange(len(table))
    width = 0.8 / len(names)
    for i, name in enumerate(names):
        colour = SPLIT_COLORS.get(str(name), PALETTE[(7 + i) % len(PALETTE)])
        bars = ax.bar(x + (i - (len(names) - 1) / 2) * width, table[name], width, color=colour,
                      label=split_name(name, lang))
        for rect, v in zip(bars, table[name]):
            ax.text(rect.get_x() + rect.get_width() / 2, v, f"{v:,.0f}", ha="center", va="bottom", fontsize=8)
    ax.axhline(amount, color="black", ls="--", lw=1, label=label("alloc_pays_back", lang, amount=amount))
    ax.set_xticks(x, [group_label(t, lang) for t in table.index])
    ax.set_ylim(0, max(float(table.to_numpy().max()), amount) * 1.3)
    ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.set_xlabel(label("rel_tier_axis", lang))
    ax.set_ylabel(label("alloc_next_axis", lang, amount=amount))
    ax.set_title(label("alloc_next_title", lang, amount=amount))
    ax.legend(loc="upper left", fontsize=9)
    return ax


@shared_docs
def plot_budget_curve(
    curve: pd.DataFrame,
    *,
    budget: float | None = None,
    break_even: float | None = None,
    lang: str = "en",
    ax: Axes | None = None,
) -> Axes:
    """The best return and the return minus the budget, for budgets from small to large.

    Parameters
    ----------
    curve : DataFrame
        From :func:`helpers.allocation.budget_curve` (indexed by budget; ``return``, ``net_return``).
    budget : float, optional
        Today's budget, marked with a vertical line.
    break_even : float, optional
        The budget where the next yuan returns one yuan (:func:`helpers.allocation.break_even_budget`).
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        Two lines in ¥ thousand, titled and labelled.

    Examples
    --------
    >>> from helpers.allocation import budget_curve, make_curves
    >>> c = make_curves({"a": 100}, {"a": 50.0}, {"a": 0.04})
    >>> ax = plot_budget_curve(budget_curve(c, [0, 1000, 3000]), budget=2000)
    >>> ax.get_xlabel()
    'Total budget, split optimally (¥ thousand)'
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4.5))
    b = curve.index.to_numpy(float)
    ax.plot(b, curve["return"], color=PALETTE[4], lw=2.2, label=label("alloc_return_line", lang))
    ax.plot(b, curve["net_return"], color=PALETTE[1], lw=2.2, label=label("alloc_net_return", lang))
    ax.axhline(0, color="grey", lw=0.8)
    if budget is not None:
        ax.axvline(budget, color="black", ls="--", lw=1, label=label("alloc_today", lang))
    if break_even is not None:
        ax.axvline(break_even, color=PALETTE[2], ls=":", lw=2, label=label("alloc_break_even", lang))
    _thousands(ax)
    ax.set_xlim(0, b.max())
    ax.set_xlabel(label("alloc_budget_axis", lang))
    ax.set_ylabel(label("alloc_return_axis", lang))
    ax.set_title(label("alloc_budget_title", lang))
    ax.legend(loc="upper left", fontsize=9)
    return ax


@shared_docs
def split_table(splits: pd.DataFrame, comparison: pd.DataFrame | None = None, lang: str = "en") -> pd.DataFrame:
    """A display copy of splits (¥ per tier, one row per split), with their return when a comparison is given.

    Parameters
    ----------
    splits : DataFrame
        Indexed by tier, one column per split (¥).
    comparison : DataFrame, optional
        From :func:`helpers.allocation.compare_splits`; adds the return, the share of the optimum and what is given up.
    {lang}

    Returns
    -------
    DataFrame
        For showing only (cells are text): one row per split, one column per tier, money rounded to yuan.

    Examples
    --------
    >>> s = pd.DataFrame({"optimal": [4545.4, 5454.6]}, index=["VIP", "regular"])
    >>> split_table(s).loc["Optimal split"].tolist()
    ['4,545', '5,455']
    """
    shown = splits.T.copy()
    tiers = list(shown.columns)
    money = list(tiers)
    percent: list[str] = []
    if comparison is not None:
        for col in ("return", "lost"):
            shown[col] = comparison.loc[shown.index, col]
        shown["vs_optimal"] = comparison.loc[shown.index, "vs_optimal"]
        money += ["return", "lost"]
        percent = ["vs_optimal"]
    out = readable_table(shown, percent=percent, money=money, lang=lang)
    return out.rename(index=lambda n: split_name(n, lang) if n in splits.columns else n,
                      columns=lambda c: group_label(c, lang) if c in tiers else c)


@shared_docs
def curves_table(curves: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """A display copy of a curve table: the measured inputs, the assumptions' results and the curve parameters.

    Parameters
    ----------
    curves : DataFrame
        From :func:`helpers.allocation.assumed_curves` or :func:`helpers.allocation.make_curves`.
    {lang}

    Returns
    -------
    DataFrame
        For showing only (cells are text), one row per tier; columns that are absent are skipped.

    Examples
    --------
    >>> from helpers.allocation import make_curves
    >>> c = make_curves({"VIP": 100}, {"VIP": 300.0}, half_spend={"VIP": 150.0})
    >>> curves_table(c).columns.tolist()
    ['Customers', 'Ceiling K (¥ per customer)', 'Spend for half of K (¥ per customer)', 'First ¥ returns (¥)']
    """
    order = ["customers", "retention", "kept_value", "lifetime_value", "ceiling", "playbook_cost", "half_spend",
             "first_return"]
    shown = curves[[c for c in order if c in curves.columns]].copy()
    out = readable_table(shown, percent=[c for c in ("retention",) if c in shown],
                         money=[c for c in ("kept_value", "lifetime_value", "ceiling", "playbook_cost", "half_spend")
                                if c in shown], decimals={"first_return": 2}, lang=lang)
    return out.rename(index=lambda t: group_label(t, lang))


@shared_docs
def economics_table(economics: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """A display copy of :func:`helpers.allocation.tier_economics` (the columns a budget discussion needs).

    Parameters
    ----------
    economics : DataFrame
        From :func:`helpers.allocation.tier_economics`.
    {lang}

    Returns
    -------
    DataFrame
        For showing only (cells are text): customers, shares, margin per customer, service cost and today's spend.

    Examples
    --------
    >>> e = pd.DataFrame({"customers": [270], "customer_share": [0.054], "average_value": [1269.4],
    ...                   "revenue_share": [0.40], "reactive_cost": [42.6], "contact_spend": [52563.0],
    ...                   "spend_per_customer": [194.7]}, index=["VIP"])
    >>> economics_table(e).iloc[0, 1:].tolist()
    ['5.4%', '1,269', '40.0%', '43', '52,563', '195']
    """
    cols = ["customers", "customer_share", "average_value", "revenue_share", "reactive_cost", "contact_spend",
            "spend_per_customer"]
    shown = economics[cols].rename(columns={"average_value": "alloc_margin_per_customer"})
    out = readable_table(shown, percent=["customer_share", "revenue_share"],
                         money=["alloc_margin_per_customer", "reactive_cost", "contact_spend", "spend_per_customer"],
                         lang=lang)
    return out.rename(index=lambda t: group_label(t, lang))


@shared_docs
def comparison_table(comparison: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """A display copy of :func:`helpers.allocation.compare_splits` (money in yuan, shares in percent).

    Parameters
    ----------
    comparison : DataFrame
        From :func:`helpers.allocation.compare_splits`.
    {lang}

    Returns
    -------
    DataFrame
        For showing only (cells are text), one row per split with translated names.

    Examples
    --------
    >>> t = pd.DataFrame({"budget": [100.0], "return": [150.0], "return_per_yuan": [1.5], "net_return": [50.0],
    ...                   "vs_optimal": [1.0], "lost": [0.0]}, index=["optimal"])
    >>> comparison_table(t).index.tolist()
    ['Optimal split']
    """
    out = readable_table(comparison, percent=["vs_optimal"], money=["budget", "return", "net_return", "lost"],
                         decimals={"return_per_yuan": 2}, lang=lang)
    return out.rename(index=lambda n: split_name(n, lang))
