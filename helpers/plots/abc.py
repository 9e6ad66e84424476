"""Charts for module 02 (ABC classification): they draw frames computed by :mod:`helpers.abc`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes

from helpers._docs import shared_docs
from helpers.catalog import LABELS, label
from helpers.plots.pareto import plot_concentration
from helpers.plots.style import TIER_COLORS, percent_axis


def _text(key: str, lang: str) -> str:
    return label(key, lang) if key in LABELS else key


@shared_docs
def plot_abc_curve(
    curve: pd.DataFrame,
    summary: pd.DataFrame,
    thresholds: tuple[float, float] = (0.8, 0.95),
    *,
    dataset: str = "",
    measure: str = "revenue",
    lang: str = "en",
    ax: Axes | None = None,
) -> Axes:
    """The Pareto curve with the A, B and C customers shaded and the two thresholds drawn.

    Parameters
    ----------
    curve : DataFrame
        From :func:`helpers.pareto.concentration_curve` of the same values (``customer_share``,
        ``value_share``).
    summary : DataFrame
        From :func:`helpers.abc.abc_summary`: its ``customer_share`` per class sets the width of
        the A, B and C bands.
    thresholds : (float, float), default (0.8, 0.95)
        The two cumulative shares used for the classes, drawn as dotted lines and named in the title.
    {dataset}
    {measure}
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        The chart: the curve, the dashed line of equality, shaded class bands, the threshold
        lines, a title and a legend.

    Examples
    --------
    >>> from helpers.pareto import concentration_curve
    >>> from helpers.abc import abc_classes, abc_summary
    >>> v = pd.Series([40, 30, 20, 10], index=list("abcd"))
    >>> ax = plot_abc_curve(concentration_curve(v), abc_summary(v, abc_classes(v)), dataset="toy")
    >>> ax.get_title()
    'toy: ABC classes by Revenue (80%/95%)'
    >>> plt.close(ax.figure)
    """
    ax = plot_concentration(curve, None, dataset=dataset, measure=measure, lang=lang, ax=ax)
    edges = np.concatenate([[0.0], np.cumsum(summary["customer_share"].to_numpy())])
    for cls, left, right in zip(summary.index, edges[:-1], edges[1:]):
        if right > left:
            ax.axvspan(left, right, color=TIER_COLORS[cls], alpha=0.18, lw=0, label=label(f"class_{cls}", lang))
    for t in thresholds:
        ax.axhline(t, color="grey", ls=":", lw=1)
        ax.text(0.99, t, label("threshold_line", lang, pct=f"{100 * t:.0f}%"), ha="right", va="bottom",
                fontsize=9, transform=ax.get_yaxis_transform())
    a, b = (f"{100 * t:.0f}%" for t in thresholds)
    ax.set_title(label("abc_curve_title", lang, dataset=_text(dataset, lang), measure=_text(measure, lang), a=a, b=b))
    ax.legend(loc="lower right", fontsize=9, frameon=True)
    return ax


@shared_docs
def plot_abc_shares(
    summary: pd.DataFrame, *, dataset: str = "", measure: str = "revenue", lang: str = "en", ax: Axes | None = None
) -> Axes:
    """Side-by-side bars per class: its share of customers and its share of value.

    Parameters
    ----------
    summary : DataFrame
        From :func:`helpers.abc.abc_summary` (``customer_share`` and ``value_share`` per class).
    {dataset}
    {measure}
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        The chart: a pale bar (customers) and a full bar (value) per class, each labelled in percent.

    Examples
    --------
    >>> from helpers.abc import abc_classes, abc_summary
    >>> v = pd.Series([40, 30, 20, 10], index=list("abcd"))
    >>> ax = plot_abc_shares(abc_summary(v, abc_classes(v)), dataset="toy")
    >>> ax.get_ylabel()
    'Share of the total'
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4))
    x = np.arange(len(summary))
    colors = [TIER_COLORS[c] for c in summary.index]
    ax.bar(x - 0.2, summary["customer_share"], width=0.4, color=colors, alpha=0.45, label=label("customer_share", lang))
    ax.bar(x + 0.2, summary["value_share"], width=0.4, color=colors, label=label("value_share", lang))
    for xi, (cs, vs) in enumerate(zip(summary["customer_share"], summary["value_share"])):
        ax.text(xi - 0.2, cs + 0.01, f"{100 * cs:.0f}%", ha="center", fontsize=10)
        ax.text(xi + 0.2, vs + 0.01, f"{100 * vs:.0f}%", ha="center", fontsize=10)
    ax.set_xticks(x, [label(f"class_{c}", lang) for c in summary.index])
    ax.set_ylim(0, 1.08)
    percent_axis(ax, "y")
    ax.set_xlabel(label("abc_class", lang))
    ax.set_ylabel(label("share_axis", lang))
    ax.set_title(label("abc_shares_title", lang, dataset=_text(dataset, lang), measure=_text(measure, lang)))
    ax.legend(loc="upper right")
    return ax


@shared_docs
def plot_abc_matrix(matrix: pd.DataFrame, *, dataset: str = "", lang: str = "en", ax: Axes | None = None) -> Axes:
    """Heat map of the 3×3 revenue-class × margin-class table (customer counts).

    Parameters
    ----------
    matrix : DataFrame
        From :func:`helpers.abc.abc_matrix`: classes by revenue (rows) × classes by margin (columns).
    {dataset}
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        The heat map, each cell annotated with its number of customers.

    Examples
    --------
    >>> from helpers.abc import abc_matrix
    >>> r = pd.Series(list("AABC"), index=list("wxyz")); m = pd.Series(list("CABC"), index=list("wxyz"))
    >>> ax = plot_abc_matrix(abc_matrix(r, m), dataset="toy")
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('Class by margin', 'Class by revenue')
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(5.5, 4.5))
    sns.heatmap(matrix, annot=True, fmt=",d", cmap="Blues", cbar=False, ax=ax, linewidths=0.5)
    ax.set_xlabel(label("margin_class", lang))
    ax.set_ylabel(label("revenue_class", lang))
    ax.set_title(label("abc_matrix_title", lang, dataset=_text(dataset, lang)))
    ax.tick_params(axis="y", rotation=0)
    return ax
