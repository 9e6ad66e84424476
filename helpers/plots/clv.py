"""Charts for module 11 (predicted value and clusters): they draw frames computed by :mod:`helpers.clv`."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import PercentFormatter

from helpers._docs import shared_docs
from helpers.catalog import LABELS, join, label
from helpers.plots.loyalty import group_label
from helpers.plots.style import PALETTE


def _dataset_name(dataset: str, lang: str) -> str:
    return label(dataset, lang) if dataset in LABELS else dataset


@shared_docs
def rfm_tier_label(tier: object, lang: str = "en") -> str:
    """Display name of a module-04 RFM tier (VIP / Regular / Potential, VIP客户 / 常规客户 / 潜力客户).

    Module 11 compares its clusters and predictions with module 04's tiers, so their
    ``"potential"`` is the RFM tier with room to grow (``tier_potential``), not the service
    tier of modules 06-07 (Developing) or the leads of module 05 (Lead).

    Parameters
    ----------
    tier : object
        ``"VIP"``, ``"regular"`` or ``"potential"``; anything else is named by
        :func:`helpers.plots.loyalty.group_label`.
    {lang}

    Returns
    -------
    str

    Examples
    --------
    >>> rfm_tier_label("potential"), rfm_tier_label("potential", "zh"), rfm_tier_label("cant_lose")
    ('Potential', '潜力客户', "Can't lose")
    """
    key = f"tier_{tier}"
    return label(key, lang) if key in LABELS else group_label(tier, lang)


@shared_docs
def cluster_names(traits: pd.DataFrame, lang: str = "en") -> pd.Series:
    """Display names of the clusters: value rank and what stands out, e.g. ``"1 · recent, frequent, big spenders"``.

    Parameters
    ----------
    traits : DataFrame
        :func:`helpers.clv.cluster_traits` (index: cluster ranks; a ``"high"``/``"low"``/``""``
        column per feature).
    {lang}

    Returns
    -------
    Series
        One name per cluster, indexed like ``traits``. The rank makes every name unique; the
        words come from the catalog (``clv_trait_<feature>_<high|low>``).

    Examples
    --------
    >>> traits = pd.DataFrame({"recency": ["low", "high"], "frequency": ["high", ""]}, index=[1, 2])
    >>> cluster_names(traits).tolist()
    ['1 · recent, frequent', '2 · lapsed']
    >>> cluster_names(traits, "zh").tolist()
    ['1 · 近期购买、高频', '2 · 久未购买']
    """
    words = _trait_words(traits, lang)
    names = {rank: label("clv_cluster_name", lang, rank=rank, traits=join(w, lang)) for rank, w in words.items()}
    return pd.Series(names, name="cluster_name")


def _trait_words(traits: pd.DataFrame, lang: str) -> dict:
    """Rank -> the words of what stands out in that cluster (or "average on every feature")."""
    features = [c for c in traits.columns if not str(c).startswith("z_")]
    out = {}
    for rank, row in traits.iterrows():
        words = [label(f"clv_trait_{f}_{row[f]}", lang) for f in features
                 if row[f] in ("high", "low") and f"clv_trait_{f}_{row[f]}" in LABELS]
        out[rank] = words or [label("clv_trait_average", lang)]
    return out


@shared_docs
def plot_holdout_by_frequency(comparison: pd.DataFrame, *, dataset: str = "", lang: str = "en",
                              ax: Axes | None = None) -> Axes:
    """Bars per calibration-purchase group: actual and predicted purchases per customer in the holdout period.

    Parameters
    ----------
    comparison : DataFrame
        :func:`helpers.clv.holdout_by_frequency` (``customers``, ``actual``, ``predicted``).
    {dataset}
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        Two bars per group (actual, predicted), the group sizes under the axis labels.

    Examples
    --------
    >>> c = pd.DataFrame({"customers": [10, 4], "actual": [0.2, 1.5], "predicted": [0.25, 1.3]},
    ...                  index=pd.Index(["0", "1+"], name="calibration_purchases"))
    >>> ax = plot_holdout_by_frequency(c, dataset="cdnow")
    >>> ax.get_title(), len(ax.patches)
    ('CDNOW: holdout purchases per customer, actual and predicted', 4)
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 4.8))
    x = np.arange(len(comparison))
    ax.bar(x - 0.2, comparison["actual"], 0.4, color=PALETTE[7], label=label("clv_actual", lang))
    ax.bar(x + 0.2, comparison["predicted"], 0.4, color=PALETTE[0], label=label("clv_predicted", lang))
    ticks = [f"{g}\n({int(n):,})" for g, n in zip(comparison.index, comparison["customers"])]
    ax.set_xticks(x, ticks)
    ax.set_xlabel(label("clv_calibration_purchases", lang) + f" ({label('clv_customers', lang)})")
    ax.set_ylabel(label("clv_holdout_axis", lang))
    ax.set_title(label("clv_holdout_title", lang, dataset=_dataset_name(dataset, lang)))
    ax.legend(frameon=False)
    return ax


@shared_docs
def plot_tracking(weekly: pd.DataFrame, *, dataset: str = "", lang: str = "en", ax: Axes | None = None) -> Axes:
    """Cumulative repeat purchases week by week, actual against the model, with the end of calibration marked.

    Parameters
    ----------
    weekly : DataFrame
        :func:`helpers.clv.weekly_tracking`.
    {dataset}
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        Two lines (actual, expected) and a dashed line where the holdout period starts.

    Examples
    --------
    >>> w = pd.DataFrame({"actual_cumulative": [0, 3, 5], "expected_cumulative": [1.0, 2.5, 4.8],
    ...                   "holdout": [False, False, True]}, index=pd.RangeIndex(1, 4, name="period"))
    >>> w.attrs["calibration_periods"] = 2
    >>> ax = plot_tracking(w, dataset="cdnow", lang="zh")
    >>> ax.get_ylabel()
    '累计重复购买次数'
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 4.8))
    ax.plot(weekly.index, weekly["actual_cumulative"], color=PALETTE[7], lw=2.5, label=label("clv_actual", lang))
    ax.plot(weekly.index, weekly["expected_cumulative"], color=PALETTE[0], lw=2, ls="--",
            label=label("clv_predicted", lang))
    cut = weekly.attrs.get("calibration_periods")
    if cut:
        ax.axvline(cut + 0.5, color="black", lw=1, ls=":")
        ax.text(cut + 0.5, ax.get_ylim()[1] * 0.97, " " + label("clv_calibration_end", lang), va="top", fontsize=9)
    ax.set_xlabel(label("clv_week_axis", lang))
    ax.set_ylabel(label("clv_cumulative_axis", lang))
    ax.set_title(label("clv_tracking_title", lang, dataset=_dataset_name(dataset, lang)))
    ax.legend(frameon=False, loc="lower right")
    return ax


@shared_docs
def plot_k_choice(k_table: pd.DataFrame, chosen: int | None = None, *, lang: str = "en",
                  ax: Axes | None = None) -> Axes:
    """Silhouette, stability (lowest ARI across seeds) and the smallest cluster's share, per k.

    Parameters
    ----------
    k_table : DataFrame
        :func:`helpers.clv.choose_k`.
    chosen : int, optional
        The k chosen; marked with a vertical band.
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        Three lines on one 0–1 axis.

    Examples
    --------
    >>> t = pd.DataFrame({"silhouette": [0.4, 0.33, 0.35], "ari_min": [1.0, 0.99, 0.99],
    ...                   "smallest_share": [0.38, 0.22, 0.13]}, index=pd.Index([2, 3, 4], name="k"))
    >>> ax = plot_k_choice(t, chosen=4)
    >>> [line.get_label() for line in ax.get_lines()]
    ['Silhouette', 'Stability (lowest ARI)', 'Smallest cluster']
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4.5))
    for col, colour, marker in (("silhouette", PALETTE[0], "o"), ("ari_min", PALETTE[2], "s"),
                                ("smallest_share", PALETTE[1], "^")):
        ax.plot(k_table.index, k_table[col], marker=marker, color=colour, lw=2, label=label(col, lang))
    if chosen is not None:
        ax.axvspan(chosen - 0.3, chosen + 0.3, color=PALETTE[7], alpha=0.2, lw=0)
    ax.set_ylim(0, 1.05)
    ax.set_xticks(list(k_table.index))
    ax.set_xlabel(label("clv_k_axis", lang))
    ax.set_ylabel(label("clv_score_axis", lang))
    ax.set_title(label("clv_k_title", lang))
    ax.legend(frameon=False, loc="center right")
    return ax


def _feature_format(feature: str, value: float) -> str:
    if feature == "monetary":
        return f"¥{value:,.0f}"
    return f"{value:,.0f}"


@shared_docs
def plot_cluster_profiles(traits: pd.DataFrame, profile: pd.DataFrame, *, lang: str = "en",
                          ax: Axes | None = None) -> Axes:
    """Heatmap of the clusters' profiles: colour = mean z-score per feature, numbers = the cluster's medians.

    Parameters
    ----------
    traits : DataFrame
        :func:`helpers.clv.cluster_traits` (the ``z_<feature>`` columns give the colours).
    profile : DataFrame
        :func:`helpers.clv.cluster_profile` (``customer_share`` and ``median_<feature>`` columns).
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        One row per cluster (named by :func:`cluster_names`, with its share of customers), one
        column per feature, a colour bar.

    Examples
    --------
    >>> traits = pd.DataFrame({"recency": ["low", "high"], "z_recency": [-0.9, 1.1]}, index=[1, 2])
    >>> profile = pd.DataFrame({"customer_share": [0.6, 0.4], "median_recency": [20.0, 300.0]}, index=[1, 2])
    >>> ax = plot_cluster_profiles(traits, profile)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['1 · recent (60%)', '2 · lapsed (40%)']
    >>> plt.close(ax.figure)
    """
    features = [c[2:] for c in traits.columns if str(c).startswith("z_")]
    z = traits[[f"z_{f}" for f in features]].to_numpy(dtype=float)
    if ax is None:
        _, ax = plt.subplots(figsize=(2.2 * len(features) + 4.5, 0.65 * len(traits) + 2))
    limit = max(1.5, float(np.abs(z).max()))
    image = ax.imshow(z, cmap="RdBu_r", vmin=-limit, vmax=limit, aspect="auto")
    for i, rank in enumerate(traits.index):
        for j, feature in enumerate(features):
            col = f"median_{feature}"
            text = _feature_format(feature, profile.loc[rank, col]) if col in profile.columns else f"{z[i, j]:+.1f}"
            ax.text(j, i, text, ha="center", va="center", fontsize=10,
                    color="white" if abs(z[i, j]) > 0.6 * limit else "black")
    names = cluster_names(traits, lang)
    ax.set_yticks(range(len(traits)),
                  [f"{names[r]} ({profile.loc[r, 'customer_share']:.0%})" for r in traits.index])
    ax.set_xticks(range(len(features)), [label(f"clv_feature_{f}", lang) if f"clv_feature_{f}" in LABELS else f
                                         for f in features])
    ax.grid(False)
    ax.set_xlabel(label("clv_profile_note", lang), fontsize=10)
    ax.set_ylabel(label("clv_cluster_axis", lang))
    ax.set_title(label("clv_profile_title", lang))
    bar = ax.figure.colorbar(image, ax=ax, fraction=0.04, pad=0.02)
    bar.set_label(_two_lines(label("clv_profile_colour", lang)), fontsize=8)  # rather than past the chart's top
    return ax


def _two_lines(text: str, width: int = 40) -> str:
    """A colour bar's label on lines of ``width`` characters (at spaces; Chinese text, which has none, by length)."""
    if " " in text:
        return textwrap.fill(text, width)
    half = width // 2  # a Chinese character is about twice as wide as a Latin letter
    return "\n".join(text[i:i + half] for i in range(0, len(text), half))


def _heatmap(ax: Axes, table: pd.DataFrame, fmt: str, cmap: str, colour_label: str, percent: bool = False) -> None:
    values = table.to_numpy(dtype=float)
    image = ax.imshow(values, cmap=cmap, aspect="auto", vmin=0)
    top = values.max() if values.size else 1
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            ax.text(j, i, format(values[i, j], fmt), ha="center", va="center", fontsize=10,
                    color="white" if values[i, j] > 0.6 * top else "black")
    ax.grid(False)
    bar = ax.figure.colorbar(image, ax=ax, fraction=0.04, pad=0.02)
    bar.set_label(_two_lines(colour_label), fontsize=9)  # two lines rather than past the chart's top
    if percent:
        bar.ax.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))


@shared_docs
def plot_tier_cluster_map(table: pd.DataFrame, traits: pd.DataFrame | None = None, *, lang: str = "en",
                          ax: Axes | None = None) -> Axes:
    """Heatmap of the RFM tiers (rows) inside each cluster (columns), in percent of the cluster.

    Parameters
    ----------
    table : DataFrame
        :func:`helpers.clv.cluster_tier_map` with ``normalize="columns"``.
    traits : DataFrame, optional
        :func:`helpers.clv.cluster_traits`, to name the columns (otherwise their ranks).
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        One cell per tier and cluster, labelled in percent.

    Examples
    --------
    >>> t = pd.DataFrame({1: [0.7, 0.3, 0.0], 2: [0.0, 0.2, 0.8]}, index=["VIP", "regular", "potential"])
    >>> ax = plot_tier_cluster_map(t, lang="zh")
    >>> [x.get_text() for x in ax.get_yticklabels()]
    ['VIP客户', '常规客户', '潜力客户']
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(1.9 * table.shape[1] + 3.5, 0.7 * table.shape[0] + 2.4))
    _heatmap(ax, table, ".0%", "Blues", label("clv_map_colour", lang), percent=True)
    words = _trait_words(traits, lang) if traits is not None else {c: [] for c in table.columns}
    ax.set_xticks(range(table.shape[1]), ["\n".join([str(c), *words[c]]) for c in table.columns], fontsize=9)
    ax.set_yticks(range(table.shape[0]), [rfm_tier_label(t, lang) for t in table.index])
    ax.set_xlabel(label("cluster", lang))
    ax.set_ylabel(label("clv_tier_axis", lang))
    ax.set_title(label("clv_map_title", lang))
    return ax


@shared_docs
def plot_tier_agreement(agreement: pd.DataFrame, *, lang: str = "en", ax: Axes | None = None) -> Axes:
    """Heatmap of customers by RFM tier (rows) and by the tier their predicted value gives (columns).

    Parameters
    ----------
    agreement : DataFrame
        :func:`helpers.clv.tier_agreement` (counts).
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        Counts in each cell; the diagonal is where the rules and the prediction agree.

    Examples
    --------
    >>> a = pd.DataFrame([[5, 1], [2, 9]], index=["VIP", "potential"], columns=["VIP", "potential"])
    >>> ax = plot_tier_agreement(a)
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('Tier by predicted value', 'RFM tier (module 04)')
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4.5))
    _heatmap(ax, agreement, ",.0f", "Purples", label("clv_agreement_colour", lang))
    ax.set_xticks(range(agreement.shape[1]), [rfm_tier_label(t, lang) for t in agreement.columns])
    ax.set_yticks(range(agreement.shape[0]), [rfm_tier_label(t, lang) for t in agreement.index])
    for i in range(min(agreement.shape)):
        ax.add_patch(plt.Rectangle((i - 0.5, i - 0.5), 1, 1, fill=False, edgecolor="black", lw=2))
    ax.set_xlabel(label("predicted_tier", lang))
    ax.set_ylabel(label("clv_tier_axis", lang))
    ax.set_title(label("clv_agreement_title", lang))
    return ax


__all__ = ["cluster_names", "rfm_tier_label", "plot_holdout_by_frequency", "plot_tracking", "plot_k_choice", "plot_cluster_profiles",
           "plot_tier_cluster_map", "plot_tier_agreement"]
