"""Charts for module 04 (RFM): they draw frames computed by :mod:`helpers.rfm`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from helpers._docs import shared_docs
from helpers.catalog import LABELS, label
from helpers.plots.style import PALETTE, TIER_COLORS, percent_axis


def _text(key: str, lang: str) -> str:
    return label(key, lang) if key in LABELS else key


@shared_docs
def segment_label(segment: str, lang: str = "en") -> str:
    """The display name of a segment: the catalog's for the kit's segments, else the tool's own name.

    Parameters
    ----------
    segment : str
        A segment name, e.g. ``"cant_lose"`` (kit) or ``"Top Spender"`` (PyMC-Marketing).
    {lang}

    Returns
    -------
    str
        The name to show.

    Examples
    --------
    >>> segment_label("cant_lose"), segment_label("Top Spender")
    ("Can't lose", 'Top Spender')
    """
    key = f"seg_{segment}"
    return label(key, lang) if key in LABELS else segment


@shared_docs
def plot_rf_heatmap(scores: pd.DataFrame, *, bins: int = 5, dataset: str = "", lang: str = "en",
                    ax: Axes | None = None) -> Axes:
    """Recency score × frequency score, each cell the mean monetary value of its customers.

    Empty cells show a dash (no customer has that combination).

    Parameters
    ----------
    scores : DataFrame
        One row per customer with ``r_score``, ``f_score`` and ``monetary``, e.g. from
        :func:`helpers.rfm.rfm_scores`.
    bins : int, default 5
        Number of score levels, i.e. rows and columns of the grid.
    {dataset}
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        The heat map (R score 5 at the top), each cell annotated with its mean monetary value.

    Examples
    --------
    >>> s = pd.DataFrame({"r_score": [1, 5, 5], "f_score": [1, 5, 4], "monetary": [10.0, 90.0, 50.0]})
    >>> ax = plot_rf_heatmap(s, dataset="toy")
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('F score', 'R score')
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(6.2, 4.8))
    levels = list(range(1, bins + 1))
    grid = (scores.groupby(["r_score", "f_score"])["monetary"].mean().unstack()
            .reindex(index=levels[::-1], columns=levels))
    sns.heatmap(grid, annot=True, fmt=",.0f", cmap="Blues", ax=ax, linewidths=0.5,
                cbar_kws={"label": label("mean_monetary", lang)})
    ax.grid(False)
    for i, j in zip(*np.nonzero(grid.isna().to_numpy())):  # no customer has this combination
        ax.text(j + 0.5, i + 0.5, "–", ha="center", va="center", color="0.6")
    ax.set_xlabel(label("f_score", lang))
    ax.set_ylabel(label("r_score", lang))
    ax.tick_params(axis="y", rotation=0)
    ax.set_title(label("rfm_heatmap_title", lang, dataset=_text(dataset, lang)))
    return ax


@shared_docs
def plot_segment_sizes(summary: pd.DataFrame, tiers: dict[str, str] | None = None, *, dataset: str = "",
                       lang: str = "en", ax: Axes | None = None) -> Axes:
    """Horizontal bars per segment: share of customers (light) and share of revenue (dark).

    ``summary`` comes from :func:`helpers.rfm.segment_summary`; bars are coloured by
    tier when ``tiers`` maps segments to VIP / regular / potential.

    Parameters
    ----------
    summary : DataFrame
        From :func:`helpers.rfm.segment_summary` (``customer_share`` and ``value_share`` per segment),
        drawn top to bottom in its order.
    tiers : dict of str to str, optional
        Segment -> tier (e.g. :data:`helpers.rfm.KIT_TIERS`), to colour the bars by tier.
    {dataset}
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        Two bars per segment, each labelled in percent.

    Examples
    --------
    >>> s = pd.DataFrame({"customers": [1, 3], "customer_share": [0.25, 0.75], "value": [60.0, 40.0],
    ...                   "value_share": [0.6, 0.4]}, index=pd.Index(["champions", "lost"], name="segment"))
    >>> ax = plot_segment_sizes(s, {"champions": "VIP", "lost": "potential"}, dataset="toy")
    >>> ax.get_xlabel()
    'Share of the total'
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(7.5, 0.5 * len(summary) + 1.6))
    y = np.arange(len(summary))[::-1]
    colors = [TIER_COLORS.get((tiers or {}).get(s, ""), PALETTE[1]) for s in summary.index]
    ax.barh(y + 0.2, summary["customer_share"], height=0.4, color=colors, alpha=0.4,
            label=label("customer_share", lang))
    ax.barh(y - 0.2, summary["value_share"], height=0.4, color=colors, label=label("revenue_share", lang))
    for yi, cs, vs in zip(y, summary["customer_share"], summary["value_share"]):
        ax.text(cs + 0.005, yi + 0.2, f"{100 * cs:.0f}%", va="center", fontsize=9)
        ax.text(vs + 0.005, yi - 0.2, f"{100 * vs:.0f}%", va="center", fontsize=9)
    ax.set_yticks(y, [segment_label(s, lang) for s in summary.index])
    right = float(max(summary["customer_share"].max(), summary["value_share"].max()))
    ax.set_xlim(0, min(1.0, right + 0.1))
    percent_axis(ax, "x")
    ax.set_xlabel(label("share_axis", lang))
    ax.set_ylabel(label("segment", lang))
    ax.set_title(label("rfm_segments_title", lang, dataset=_text(dataset, lang)))
    ax.legend(loc="lower right", fontsize=9)
    return ax


@shared_docs
def plot_score_distributions(scores: pd.DataFrame, *, bins: int = 5, dataset: str = "", lang: str = "en") -> Figure:
    """Three small bar charts: how many customers have each R, F and M score.

    Parameters
    ----------
    scores : DataFrame
        One row per customer with ``r_score``, ``f_score`` and ``m_score``, e.g. from
        :func:`helpers.rfm.rfm_scores`.
    bins : int, default 5
        Number of score levels, i.e. bars per chart.
    {dataset}
    {lang}

    Returns
    -------
    matplotlib Figure
        A figure of three Axes (R, F, M) sharing the y axis (share of customers), with a title.

    Examples
    --------
    >>> s = pd.DataFrame({"r_score": [1, 5, 5], "f_score": [1, 1, 4], "m_score": [2, 3, 5]})
    >>> fig = plot_score_distributions(s, dataset="toy")
    >>> [a.get_title() for a in fig.axes]
    ['R score', 'F score', 'M score']
    >>> plt.close(fig)
    """
    fig, axes = plt.subplots(1, 3, figsize=(10, 3.4), sharey=True)
    levels = list(range(1, bins + 1))
    for ax, col, color in zip(axes, ("r_score", "f_score", "m_score"), PALETTE):
        counts = scores[col].value_counts().reindex(levels, fill_value=0) / len(scores)
        ax.bar([str(v) for v in levels], counts.to_numpy(), color=color)
        ax.set_title(label(col, lang))
        ax.set_xlabel(label("rfm_score_axis", lang))
        percent_axis(ax, "y")
    axes[0].set_ylabel(label("customer_share", lang))
    fig.suptitle(label("rfm_scores_title", lang, dataset=_text(dataset, lang)), fontweight="bold")
    fig.tight_layout()
    return fig
