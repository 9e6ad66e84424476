"""Charts for module 10 (did the program work?): they draw frames computed by :mod:`helpers.lift`."""

from __future__ import annotations

from collections.abc import Callable

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter

from helpers._docs import shared_docs
from helpers.catalog import LABELS, label
from helpers.plots.style import PALETTE, percent_axis
from helpers.plots.tables import readable_table

__all__ = ["GROUP_COLORS", "TRUTH_COLOR", "plot_intervals", "plot_before_after", "plot_power_curve",
           "plot_studies", "lift_summary_table"]

#: Treatment and control: the same colours in every chart of the module.
GROUP_COLORS: dict[str, str] = {"treatment": PALETTE[1], "control": PALETTE[7]}
#: The true effect, where the data card knows it.
TRUTH_COLOR: str = PALETTE[3]

_SCALES = ("points", "percent", "money")


def _text(key: str, lang: str) -> str:
    """A catalog label, or the text itself when it is not a key."""
    return label(key, lang) if key in LABELS else str(key)


def _formatter(scale: str, tick: bool = False) -> Callable[[float], str]:
    """How a value is written beside each interval (or, with ``tick``, on the axis): signed, zero unsigned."""
    factor, spec, suffix = {"points": (100, "+.0f" if tick else "+.1f", ""), "percent": (100, "+.0f", "%"),
                            "money": (1, "+,.0f", "")}[scale]

    def fmt(v: float) -> str:
        text = f"{factor * v:{spec}}"
        return (text.lstrip("+-") if float(text.replace(",", "")) == 0 else text) + suffix

    return fmt


@shared_docs
def plot_intervals(intervals: pd.DataFrame, truth: float | None = None, *, scale: str = "points",
                   title: str = "lift_interval_title", axis: str | None = None, lang: str = "en",
                   ax: Axes | None = None) -> Axes:
    """One row per estimate: a dot at the estimate, a line over its interval, the true effect dashed.

    Parameters
    ----------
    intervals : DataFrame
        One row per estimate (the index names it: a catalog key such as ``"lift_did"`` is
        translated), columns ``estimate``, ``low``, ``high``.
    truth : float, optional
        The true effect, when the data card knows it; drawn as a dashed line.
    scale : {"points", "percent", "money"}, default "points"
        How the values read: fractions shown as percentage points (0.057 → +5.7), fractions
        shown as percent (0.10 → +10%), or amounts of money.
    title : str, default "lift_interval_title"
        A catalog key (translated) or the text itself.
    axis : str, optional
        The x-axis label (catalog key or text); default the scale's label.
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        Titled, labelled; a grey line at 0 ("no effect").

    Raises
    ------
    ValueError
        If ``scale`` is unknown or a column is missing.

    Examples
    --------
    >>> iv = pd.DataFrame({"estimate": [0.07, -0.37], "low": [0.03, -0.39], "high": [0.11, -0.34]},
    ...                   index=["lift_randomised", "lift_naive"])
    >>> ax = plot_intervals(iv, truth=0.057)
    >>> ax.get_title(), [t.get_text() for t in ax.get_yticklabels()]
    ("The program's effect with its 95% interval", ['Treatment vs control', 'Before vs after (treatment only)'])
    >>> plt.close(ax.figure)
    """
    if scale not in _SCALES:
        raise ValueError(f"scale must be one of {_SCALES}; got {scale!r}.")
    missing = [c for c in ("estimate", "low", "high") if c not in intervals.columns]
    if missing:
        raise ValueError(f"plot_intervals: the table needs the columns estimate, low, high; missing {missing}.")
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 1.0 * len(intervals) + 1.8))
    fmt = _formatter(scale)
    rows = np.arange(len(intervals))
    est = intervals["estimate"].to_numpy(dtype=float)
    low = intervals["low"].to_numpy(dtype=float)
    high = intervals["high"].to_numpy(dtype=float)
    ax.axvline(0, color="0.35", lw=1, label=label("lift_zero", lang))
    if truth is not None:
        ax.axvline(truth, color=TRUTH_COLOR, lw=2, ls="--", label=label("lift_truth", lang))
    ax.hlines(rows, low, high, color=PALETTE[0], lw=3)
    ax.plot(est, rows, "o", color=PALETTE[0], ms=9, zorder=3)
    for y, e, lo, hi in zip(rows, est, low, high):
        ax.annotate(f"{fmt(e)}  [{fmt(lo)}, {fmt(hi)}]", (e, y), xytext=(0, 9), textcoords="offset points",
                    ha="center", va="bottom", fontsize=10)
    ax.set_yticks(rows, [_text(str(name), lang) for name in intervals.index])
    ax.set_ylim(len(intervals) - 0.4, -0.7)
    span = np.nanmax(np.r_[high, 0.0, truth or 0.0]) - np.nanmin(np.r_[low, 0.0, truth or 0.0])
    ax.set_xlim(np.nanmin(np.r_[low, 0.0, truth or 0.0]) - 0.12 * span, np.nanmax(np.r_[high, 0.0, truth or 0.0]) + 0.12 * span)
    tick = _formatter(scale, tick=True)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: tick(v)))
    default_axis = {"points": "lift_points_axis", "percent": "lift_percent_axis", "money": "lift_money_axis"}[scale]
    ax.set_xlabel(_text(axis or default_axis, lang))
    ax.set_title(_text(title, lang))
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right", fontsize=9, frameon=True)
    return ax


@shared_docs
def plot_before_after(means: pd.DataFrame, measure: str = "purchases", *, lang: str = "en",
                      ax: Axes | None = None) -> Axes:
    """Each group's average before and after the start, joined by a line: the drift both groups share.

    Parameters
    ----------
    means : DataFrame
        From :func:`helpers.lift.before_after_means` (index treatment/control, columns ``before``, ``after``).
    measure : {"purchases", "value", "bought"}, default "purchases"
        What the averages measure (names the title and the y-axis).
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        Two lines with the values written at both ends.

    Examples
    --------
    >>> means = pd.DataFrame({"before": [3.3, 3.3], "after": [3.8, 2.2]}, index=["treatment", "control"])
    >>> ax = plot_before_after(means)
    >>> ax.get_title()
    'Both groups drift: purchases per customer'
    >>> plt.close(ax.figure)
    """
    keys = {"purchases": "lift_purchases_per_customer", "value": "lift_value_per_customer", "bought": "lift_bought_share"}
    if measure not in keys:
        raise ValueError(f"measure must be one of {list(keys)}; got {measure!r}.")
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4.2))
    fmt = (lambda v: f"{v:.0%}") if measure == "bought" else ((lambda v: f"{v:,.0f}") if measure == "value" else (lambda v: f"{v:.2f}"))
    names = list(means.index)
    for name in names:
        color = GROUP_COLORS.get(str(name), PALETTE[0])
        ys = [float(means.loc[name, "before"]), float(means.loc[name, "after"])]
        ax.plot([0, 1], ys, "o-", color=color, lw=2.5, ms=8, label=_text(f"lift_{name}", lang))
        # the group ending higher writes its numbers above the points, the other below: no overlap at the start
        others = [float(means.loc[o, "after"]) for o in names if o != name]
        up = not others or ys[1] >= max(others)
        for x, y in ((0, ys[0]), (1, ys[1])):
            ax.annotate(fmt(y), (x, y), xytext=(0, 10 if up else -12), textcoords="offset points",
                        ha="center", va="bottom" if up else "top", fontsize=10, color=color)
    ax.set_xticks([0, 1], [label("lift_half_before", lang), label("lift_half_after", lang)])
    ax.set_xlabel(label("lift_period_axis", lang))
    ax.set_xlim(-0.3, 1.3)
    ax.set_ylim(0, 1.15 * float(means[["before", "after"]].to_numpy().max()))
    if measure == "bought":
        percent_axis(ax, "y")
    ax.set_ylabel(label(keys[measure], lang).capitalize() if lang == "en" else label(keys[measure], lang))
    ax.set_title(label("lift_drift_title", lang, measure=label(keys[measure], lang)))
    ax.legend(loc="lower left", fontsize=9)
    return ax


@shared_docs
def plot_power_curve(curve: pd.DataFrame, baseline: float, effect: float, *, target: float = 0.8,
                     mark: int | None = None, lang: str = "en", ax: Axes | None = None) -> Axes:
    """Power against the number of customers per group, the target power dashed, one size marked.

    Parameters
    ----------
    curve : DataFrame
        From :func:`helpers.lift.power_curve` (``customers_per_group``, ``power``).
    baseline : float
        The control rate the curve was computed for (named in the title).
    effect : float
        The relative lift the curve was computed for (named in the title).
    target : float, default 0.8
        The power a test is usually planned for.
    mark : int, optional
        A group size to mark (e.g. a real tier's size), with its power.
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        Log-scaled x-axis, percent y-axis.

    Examples
    --------
    >>> curve = pd.DataFrame({"customers_per_group": [10, 100, 1000], "power": [0.06, 0.3, 0.99]})
    >>> ax = plot_power_curve(curve, 0.57, 0.10, mark=100)
    >>> ax.get_title()
    'How often a test detects +10% on a 57% repurchase rate'
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(7.5, 4.2))
    x = curve["customers_per_group"].to_numpy(dtype=float)
    y = curve["power"].to_numpy(dtype=float)
    ax.plot(x, y, color=PALETTE[0], lw=2.5)
    ax.axhline(target, color="0.35", ls="--", lw=1, label=label("lift_power_target", lang, power=f"{target:.0%}"))
    if mark is not None:
        p = float(np.interp(np.log(mark), np.log(x), y))
        ax.axvline(mark, color=PALETTE[1], lw=1.5)
        ax.plot([mark], [p], "o", color=PALETTE[1], ms=8,
                label=label("lift_power_mark", lang, n=int(mark), power=f"{p:.0%}"))
    ax.set_xscale("log")
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.set_ylim(0, 1.02)
    percent_axis(ax, "y")
    ax.set_xlabel(label("lift_size_axis", lang))
    ax.set_ylabel(label("lift_power_axis", lang))
    ax.set_title(label("lift_power_title", lang, effect=f"{effect:+.0%}", baseline=f"{baseline:.0%}"))
    ax.legend(loc="lower right", fontsize=9)
    return ax


@shared_docs
def plot_studies(studies: pd.DataFrame, *, show: int = 40, lang: str = "en", ax: Axes | None = None) -> Axes:
    """The intervals of the first ``show`` simulated studies, coloured by whether they detect the effect.

    Parameters
    ----------
    studies : DataFrame
        From :func:`helpers.lift.simulate_studies` (``low``, ``high``, ``estimate``, ``detected``;
        ``attrs["truth"]``).
    show : int, default 40
        How many studies to draw.
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        Differences in percentage points; the true difference dashed, 0 in grey.

    Examples
    --------
    >>> from helpers.lift import simulate_studies
    >>> ax = plot_studies(simulate_studies(300, 300, 0.5, 0.2, studies=100), show=20)
    >>> ax.get_title()
    "20 of 100 simulated studies: each line is one study's interval"
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(7.5, 4.5))
    part = studies.head(show)
    rows = np.arange(len(part))
    for detected, key in ((True, "lift_detected"), (False, "lift_missed")):
        sel = part["detected"].to_numpy() == detected
        color = PALETTE[0] if detected else PALETTE[7]
        ax.hlines(rows[sel], part["low"].to_numpy()[sel], part["high"].to_numpy()[sel], color=color, lw=2,
                  label=label(key, lang))
        ax.plot(part["estimate"].to_numpy()[sel], rows[sel], "o", color=color, ms=3)
    ax.axvline(0, color="0.35", lw=1)
    truth = studies.attrs.get("truth")
    if truth is not None:
        ax.axvline(truth, color=TRUTH_COLOR, ls="--", lw=2, label=label("lift_truth", lang))
    tick = _formatter("points", tick=True)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: tick(v)))
    ax.set_yticks([])
    ax.set_ylim(len(part), -1)
    ax.set_xlabel(label("lift_points_axis", lang))
    ax.set_ylabel(label("lift_study_axis", lang))
    ax.set_title(label("lift_studies_title", lang, shown=len(part), total=len(studies)))
    ax.legend(loc="lower right", fontsize=8)
    return ax


@shared_docs
def lift_summary_table(table: pd.DataFrame, *, lang: str = "en") -> pd.DataFrame:
    """A display copy of :func:`helpers.lift.lift_table`: rates and lifts as percent, intervals as "[low, high]".

    Parameters
    ----------
    table : DataFrame
        From :func:`helpers.lift.lift_table`.
    {lang}

    Returns
    -------
    DataFrame
        Strings for showing (compute on the original); tiers and headers translated.

    Examples
    --------
    >>> t = pd.DataFrame({"customers": [8], "customer_share": [1.0], "treated": [4], "controls": [4],
    ...                   "rate_t": [0.75], "rate_c": [0.5], "difference": [0.25], "difference_low": [-0.2],
    ...                   "difference_high": [0.6], "lift": [0.5], "lift_low": [-0.3], "lift_high": [2.1]},
    ...                  index=["all"])
    >>> lift_summary_table(t).iloc[0].tolist()
    ['8', '4', '4', '75.0%', '50.0%', '+25.0 pp', '[-20.0, +60.0]', '+50%', '[-30%, +210%]']
    """
    def pp(v: float) -> str:
        return "—" if pd.isna(v) else f"{100 * v:+.1f}"

    def pct(v: float) -> str:
        return "—" if pd.isna(v) else f"{100 * v:+.0f}%"

    unit = " pp" if lang == "en" else " 个百分点"
    out = pd.DataFrame(index=table.index)
    out["customers"] = table["customers"].map(lambda v: f"{int(v):,}")
    out["treated"] = table["treated"].map(lambda v: f"{int(v):,}")
    out["controls"] = table["controls"].map(lambda v: f"{int(v):,}")
    out["rate_t"] = table["rate_t"].map(lambda v: f"{100 * v:.1f}%")
    out["rate_c"] = table["rate_c"].map(lambda v: f"{100 * v:.1f}%")
    out["difference"] = table["difference"].map(lambda v: pp(v) + unit)
    out["difference_interval"] = [f"[{pp(lo)}, {pp(hi)}]" for lo, hi in zip(table["difference_low"], table["difference_high"])]
    out["lift"] = table["lift"].map(pct)
    out["lift_interval"] = [f"[{pct(lo)}, {pct(hi)}]" for lo, hi in zip(table["lift_low"], table["lift_high"])]
    names = {"all": "lift_all", "A": "class_A", "B": "class_B", "C": "class_C"}
    out.index = [_text(names.get(str(i), str(i)), lang) for i in out.index]
    return readable_table(out, lang=lang)
