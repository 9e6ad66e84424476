"""Charts for module 01 (the 80/20 rule): they draw curves computed by :mod:`helpers.pareto`."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
import matplotlib.pyplot as plt

from helpers._docs import shared_docs
from helpers.catalog import label, translate_columns
from helpers.pareto import share_at
from helpers.plots.style import PALETTE, TIER_COLORS, percent_axis


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%".replace(".0%", "%")


@shared_docs
def plot_concentration(
    curve: pd.DataFrame,
    fraction: float | None = 0.2,
    *,
    dataset: str = "",
    measure: str = "revenue",
    lang: str = "en",
    ax: Axes | None = None,
) -> Axes:
    """Pareto curve: cumulative share of value against share of customers (largest first).

    Parameters
    ----------
    curve : DataFrame
        From :func:`helpers.pareto.concentration_curve` (``customer_share``, ``value_share``).
    fraction : float or None, default 0.2
        Mark the top slice, e.g. 0.2 for the top 20% (see :func:`mark_top`); ``None`` draws no marker.
    {dataset}
    {measure}
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        The chart: the curve, the dashed line of equality, the 80/20 point, the marker and a legend.

    Examples
    --------
    >>> from helpers.pareto import concentration_curve
    >>> ax = plot_concentration(concentration_curve([50, 30, 10, 5, 5]), dataset="toy")
    >>> ax.get_title()
    'toy: how concentrated is Revenue?'
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots()
    ds = _text(dataset, lang)
    ms = _text(measure, lang)
    x, y = _thin(curve["customer_share"].to_numpy(), curve["value_share"].to_numpy())
    ax.plot(x, y, color=TIER_COLORS["A"], lw=2.2, label=label("curve", lang))
    ax.plot([0, 1], [0, 1], ls="--", color="grey", lw=1, label=label("equality", lang))
    ax.scatter([0.2], [0.8], marker="x", color=PALETTE[3], zorder=3, label=label("rule_8020", lang))
    if fraction is not None:
        mark_top(ax, curve, fraction, lang=lang)
    ax.set_xlim(0, 1)
    ax.set_ylim(min(0, float(y.min())), max(1.0, float(y.max())) * 1.02)
    percent_axis(ax, "both")
    ax.set_xlabel(label("customer_share_desc", lang))
    ax.set_ylabel(label("cum_value_share", lang, measure=ms))
    ax.set_title(label("pareto_title", lang, dataset=ds, measure=ms))
    ax.legend(loc="lower right", frameon=True)
    return ax


@shared_docs
def mark_top(ax: Axes, curve: pd.DataFrame, fraction: float, *, lang: str = "en") -> list:
    """Draw the top-``fraction`` marker (two guide lines and a labelled arrow) on a Pareto chart.

    Returns the artists, so a widget can remove them and mark another slice.

    Parameters
    ----------
    ax : matplotlib Axes
        A Pareto chart, e.g. from :func:`plot_concentration`.
    curve : DataFrame
        The :func:`helpers.pareto.concentration_curve` drawn on ``ax``.
    fraction : float in (0, 1]
        The top slice to mark, 0.2 for the top 20%.
    {lang}

    Returns
    -------
    list of matplotlib Artist
        The vertical line, the horizontal line and the labelled arrow.

    Examples
    --------
    >>> from helpers.pareto import concentration_curve
    >>> c = concentration_curve([50, 30, 10, 5, 5])
    >>> ax = plot_concentration(c, None)
    >>> [a.get_text() for a in mark_top(ax, c, 0.4) if hasattr(a, "get_text")]
    ['Top 40% hold 80%']
    >>> plt.close(ax.figure)
    """
    _, share = share_at(curve, fraction)
    v = ax.axvline(fraction, color=PALETTE[1], lw=1)
    h = ax.axhline(share, color=PALETTE[1], lw=1)
    note = ax.annotate(
        label("top_marker", lang, pct=_pct(fraction), share=_pct(share)),
        xy=(fraction, share),
        xytext=(min(fraction + 0.05, 0.55), max(share - 0.22, 0.05)),
        arrowprops={"arrowstyle": "->", "color": "black"},
        fontsize=11,
    )
    return [v, h, note]


@shared_docs
def plot_lorenz(
    lorenz: pd.DataFrame,
    gini: float | None = None,
    *,
    dataset: str = "",
    measure: str = "revenue",
    lang: str = "en",
    ax: Axes | None = None,
) -> Axes:
    """Lorenz curve (smallest customers first) with the area that the Gini coefficient measures.

    Parameters
    ----------
    lorenz : DataFrame
        From :func:`helpers.pareto.lorenz_curve` (``customer_share``, ``value_share``).
    gini : float, optional
        The Gini coefficient of the same values (:func:`helpers.pareto.gini`), written on the
        chart; ``None`` writes nothing.
    {dataset}
    {measure}
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        The chart: the curve, the dashed line of equality and the shaded area between them.

    Examples
    --------
    >>> from helpers.pareto import lorenz_curve, gini
    >>> v = [50, 30, 10, 5, 5]
    >>> ax = plot_lorenz(lorenz_curve(v), gini(v), dataset="toy")
    >>> ax.get_xlabel()
    'Share of customers, smallest first'
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots()
    ds, ms = _text(dataset, lang), _text(measure, lang)
    x, y = _thin(lorenz["customer_share"].to_numpy(), lorenz["value_share"].to_numpy())
    ax.plot(x, y, color=TIER_COLORS["A"], lw=2.2, label=label("curve", lang))
    ax.plot([0, 1], [0, 1], ls="--", color="grey", lw=1, label=label("equality", lang))
    ax.fill_between(x, y, x, color=TIER_COLORS["A"], alpha=0.15)
    if gini is not None:
        ax.text(0.05, 0.85, label("gini_note", lang, gini=f"{gini:.2f}"), fontsize=12,
                transform=ax.transAxes)
    ax.set_xlim(0, 1)
    ax.set_ylim(min(0, float(y.min())), 1.02)
    percent_axis(ax, "both")
    ax.set_xlabel(label("customer_share_asc", lang))
    ax.set_ylabel(label("cum_value_share", lang, measure=ms))
    ax.set_title(label("lorenz_title", lang, dataset=ds, measure=ms))
    ax.legend(loc="upper left", bbox_to_anchor=(0.0, 0.8), frameon=True)
    return ax


@shared_docs
def plot_top_shares(
    summary: pd.DataFrame,
    column: str = "top_20%",
    *,
    lang: str = "en",
    ax: Axes | None = None,
) -> Axes:
    """Horizontal bars: the share held by the top slice, one bar per dataset/measure row.

    Parameters
    ----------
    summary : DataFrame
        From :func:`helpers.pareto.concentration_summary` (index = row names,
        which are translated through the catalog where known).
    column : str, default "top_20%"
        The share column to draw.
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        One bar per row labelled in percent, with the 80% of the 80/20 rule as a dashed line.

    Examples
    --------
    >>> from helpers.pareto import concentration_summary
    >>> s = concentration_summary({"a": [9, 1, 1, 1, 1], "b": [1, 1, 1, 1, 1]})
    >>> ax = plot_top_shares(s)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['a', 'b']
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(7.5, 0.6 * len(summary) + 1.5))
    shown = translate_columns(summary[[column]], lang)
    values = summary[column].to_numpy()
    names = [str(i) for i in shown.index]
    ax.barh(names, values, color=TIER_COLORS["A"])
    ax.axvline(0.8, color=PALETTE[3], ls="--", lw=1.2, label=label("rule_8020", lang))
    for y, v in enumerate(values):
        ax.text(v + 0.01, y, _pct(round(v, 3)), va="center", fontsize=11)
    ax.invert_yaxis()
    ax.set_xlim(0, max(1.0, float(np.max(values)) + 0.1))
    percent_axis(ax, "x")
    ax.set_xlabel(label("share_axis", lang))
    ax.set_ylabel(label("dataset", lang))
    ax.set_title(label("top20_compare_title", lang) if column == "top_20%" else shown.columns[0])
    ax.legend(loc="lower right")
    return ax


def _thin(x: np.ndarray, y: np.ndarray, points: int = 800) -> tuple[np.ndarray, np.ndarray]:
    """At most ``points`` evenly spaced points of a smooth curve (ends kept): same picture, faster draw."""
    if len(x) <= points:
        return x, y
    idx = np.unique(np.linspace(0, len(x) - 1, points).round().astype(int))
    return x[idx], y[idx]


def _text(key: str, lang: str) -> str:
    from helpers.catalog import LABELS

    return label(key, lang) if key in LABELS else key
