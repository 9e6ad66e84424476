"""Charts for module 03 (contribution scoring): they draw frames computed by :mod:`helpers.contribution`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from helpers._docs import shared_docs
from helpers.catalog import LABELS, label
from helpers.plots.style import PALETTE, TIER_COLORS, percent_axis


def _text(key: str, lang: str) -> str:
    return label(key, lang) if key in LABELS else key


@shared_docs
def plot_whale_curve(
    curve: pd.DataFrame, *, dataset: str = "", measure: str = "marginal_contribution", lang: str = "en",
    ax: Axes | None = None,
) -> Axes:
    """The "whale curve": cumulative profit with the most profitable customers first.

    It rises above 100% and then falls back: the customers on the way down
    destroy part of the profit the others earned.

    Parameters
    ----------
    curve : DataFrame
        From :func:`helpers.pareto.concentration_curve` applied to a profit measure per customer
        (e.g. the ``marginal_contribution`` column of :func:`helpers.contribution.contribution_table`).
    {dataset}
    measure : str, default "marginal_contribution"
        What the values measure, named in the title and axis label: a catalog key such as
        ``"margin"`` is translated, other text is shown as it is.
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        The chart: the curve, a dashed line at 100% and the peak marked and labelled.

    Examples
    --------
    >>> from helpers.pareto import concentration_curve
    >>> ax = plot_whale_curve(concentration_curve([60, 50, 10, -20]), dataset="toy")
    >>> ax.get_title()
    'toy: cumulative Marginal contribution, most profitable customers first'
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots()
    x = curve["customer_share"].to_numpy()
    y = curve["value_share"].to_numpy()
    ax.plot(x, y, color=TIER_COLORS["A"], lw=2.2)
    ax.axhline(1.0, color="grey", ls="--", lw=1)
    peak = int(np.argmax(y))
    ax.scatter([x[peak]], [y[peak]], color=PALETTE[3], zorder=3)
    ax.annotate(label("whale_peak", lang, pct=f"{100 * x[peak]:.0f}%", share=f"{100 * y[peak]:.0f}%"),
                xy=(x[peak], y[peak]), xytext=(max(x[peak] - 0.45, 0.02), y[peak] * 0.75),
                arrowprops={"arrowstyle": "->"}, fontsize=11)
    ax.set_xlim(0, 1)
    ax.set_ylim(min(0.0, float(y.min())), float(y.max()) * 1.1)
    percent_axis(ax, "both")
    ax.set_xlabel(label("customer_share_desc", lang))
    ax.set_ylabel(label("cum_value_share", lang, measure=_text(measure, lang)))
    ax.set_title(label("whale_title", lang, dataset=_text(dataset, lang), measure=_text(measure, lang)))
    return ax


@shared_docs
def plot_score_distribution(
    scored: pd.DataFrame, tiers: pd.Series | None = None, *, dataset: str = "", lang: str = "en", ax: Axes | None = None,
) -> Axes:
    """Histogram of the weighted score, stacked by tier when tiers are given.

    Parameters
    ----------
    scored : DataFrame
        From :func:`helpers.contribution.weighted_score` (a ``score`` column in [0, 1]).
    tiers : Series, optional
        Tier A / B / C per customer, e.g. from :func:`helpers.contribution.score_tiers`; the bars
        are then stacked by tier, with a legend.
    {dataset}
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        The histogram (20 bins from 0 to 1), customers on the y axis.

    Examples
    --------
    >>> scored = pd.DataFrame({"score": [0.1, 0.5, 0.9, 0.95], "rank": [4, 3, 2, 1]})
    >>> ax = plot_score_distribution(scored, dataset="toy")
    >>> ax.get_xlabel()
    'Weighted score (0 = lowest, 1 = highest)'
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4))
    bins = np.linspace(0, 1, 21)
    if tiers is None:
        ax.hist(scored["score"], bins=bins, color=TIER_COLORS["A"])
    else:
        groups = [scored.loc[tiers.reindex(scored.index) == t, "score"] for t in ("A", "B", "C")]
        ax.hist(groups, bins=bins, stacked=True, color=[TIER_COLORS[t] for t in ("A", "B", "C")],
                label=[f"{label('tier', lang)} {t}" for t in ("A", "B", "C")])
        ax.legend(loc="upper left")
    ax.set_xlim(0, 1)
    ax.set_xlabel(label("score_axis", lang))
    ax.set_ylabel(label("customers", lang))
    ax.set_title(label("score_hist_title", lang, dataset=_text(dataset, lang)))
    return ax


@shared_docs
def plot_sensitivity(sensitivity: pd.DataFrame, *, lang: str = "en", ax: Axes | None = None) -> Axes:
    """Bars: for each alternative weighting, the share of the base top-N list it keeps.

    Parameters
    ----------
    sensitivity : DataFrame
        From :func:`helpers.contribution.weight_sensitivity` (``overlap_share`` and ``spearman``
        per alternative).
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        One horizontal bar per alternative, labelled with the overlap in percent and the rank
        correlation ρ.

    Examples
    --------
    >>> s = pd.DataFrame({"overlap_share": [0.9, 0.4], "spearman": [0.95, 0.6]}, index=["x", "y"])
    >>> ax = plot_sensitivity(s)
    >>> ax.get_xlabel()
    'Top-list overlap'
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 0.6 * len(sensitivity) + 1.6))
    ax.barh(list(sensitivity.index), sensitivity["overlap_share"], color=TIER_COLORS["B"])
    for y, (share, rho) in enumerate(zip(sensitivity["overlap_share"], sensitivity["spearman"])):
        ax.text(share + 0.01, y, f"{100 * share:.0f}%  (ρ = {rho:.2f})", va="center", fontsize=10)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.25)
    percent_axis(ax, "x")
    ax.set_xlabel(label("overlap_share", lang))
    ax.set_ylabel(label("measure", lang))
    ax.set_title(label("overlap_share", lang) + f" · {label('spearman', lang)}")
    return ax
