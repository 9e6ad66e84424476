"""Charts for module 06 (loyalty metrics): they draw tables computed by :mod:`helpers.loyalty`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes

from helpers._docs import shared_docs
from helpers.catalog import LABELS, label
from helpers.plots.style import PALETTE, TIER_COLORS, percent_axis, stacked_share_bars
from helpers.plots.tables import Table, readable_table, show_table

#: Colours of the five satisfaction levels, 1 (red) … 5 (blue): a colour-blind-safe diverging scale.
LIKERT_COLORS: list[str] = sns.color_palette("RdBu", 5).as_hex()
#: Colours of the loyalty tiers high / medium / low.
LOYALTY_COLORS: dict[str, str] = {"high": PALETTE[0], "medium": PALETTE[2], "low": PALETTE[7]}


@shared_docs
def group_label(name: object, lang: str = "en") -> str:
    """Display name of a tier or group: the catalog's ``loy_<name>`` label when there is one.

    Parameters
    ----------
    name : object
        A tier (``"VIP"``), an RFM segment (``"cant_lose"``) or any other group name.
    {lang}

    Returns
    -------
    str
        The catalog's label (tiers first, then RFM segments), or ``name`` as text.

    Examples
    --------
    >>> group_label("potential"), group_label("VIP", "zh"), group_label("cant_lose"), group_label("east")
    ('Developing', 'VIP客户', "Can't lose", 'east')
    """
    for key in (f"loy_{name}", f"seg_{name}"):  # tiers first, then the RFM segments of module 04
        if key in LABELS:
            return label(key, lang)
    return str(name)


@shared_docs
def grouping_labels(name: object, lang: str = "en") -> tuple[str, str]:
    """(axis label, the words after "by" in a title) for a grouping column such as ``"tier"`` or ``"segment"``.

    Tiers (and unnamed groupings) and the RFM segments of module 04 have catalog
    labels; any other column is shown by its own name.

    Parameters
    ----------
    name : object
        The grouping column's name (a table's index name), e.g. ``"tier"``, ``"segment"`` or ``None``.
    {lang}

    Returns
    -------
    (str, str)
        The axis label and the words that follow "by" in a title.

    Examples
    --------
    >>> grouping_labels("segment"), grouping_labels(None), grouping_labels("region")
    (('Segment', 'RFM segment'), ('Tier', 'tier'), ('region', 'region'))
    """
    if name == "segment":
        return label("segment", lang), label("loy_by_segment", lang)
    if name in (None, "tier"):
        return label("loy_tier", lang), label("loy_by_tier", lang)
    return str(name), str(name)


def _color(name: object, i: int) -> str:
    return TIER_COLORS.get(str(name), PALETTE[(i + 3) % len(PALETTE)])


@shared_docs
def plot_likert(dist: pd.DataFrame, *, lang: str = "en", ax: Axes | None = None) -> Axes:
    """Diverging stacked bars of the five satisfaction levels, one bar per group.

    Dissatisfied answers extend to the left of zero, satisfied ones to the
    right, and the neutral answers are split half on each side, so a bar's
    position shows the balance of opinion at a glance.

    Parameters
    ----------
    dist : DataFrame
        From :func:`helpers.loyalty.satisfaction_distribution` (columns 1..5 as shares).
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        One diverging bar per group, each level labelled in percent, with a legend of the levels.

    Examples
    --------
    >>> from helpers.loyalty import satisfaction_distribution
    >>> s = pd.DataFrame({"satisfaction": [5, 4, 3, 1], "tier": ["VIP", "VIP", "regular", "regular"]})
    >>> ax = plot_likert(satisfaction_distribution(s, by="tier"))
    >>> ax.get_title(), [t.get_text() for t in ax.get_yticklabels()]
    ('Overall satisfaction by tier', ['VIP', 'Regular'])
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.7 * len(dist) + 2.2))
    shares = dist[[1, 2, 3, 4, 5]].to_numpy(dtype=float)
    left = -(shares[:, 0] + shares[:, 1] + shares[:, 2] / 2)
    names = [group_label(g, lang) for g in dist.index]
    y = np.arange(len(dist))
    start = left.copy()
    for level in range(5):
        ax.barh(y, shares[:, level], left=start, color=LIKERT_COLORS[level], edgecolor="white",
                label=label(f"loy_sat_{level + 1}", lang))
        for row in range(len(dist)):
            if shares[row, level] >= 0.08:
                ax.text(start[row] + shares[row, level] / 2, y[row], f"{shares[row, level]:.0%}", ha="center",
                        va="center", fontsize=9, color="white" if level in (0, 4) else "black")
        start = start + shares[:, level]
    ax.axvline(0, color="black", lw=1)
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    reach = max(1.0 - float(np.min(-left)), float(np.max(-left)), 0.5)
    ax.set_xlim(-reach - 0.05, reach + 0.05)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{abs(v):.0%}"))
    ax.set_xlabel(label("loy_likert_x", lang))
    axis, by = grouping_labels(dist.index.name, lang)
    ax.set_ylabel(axis)
    ax.set_title(label("loy_likert_title", lang, by=by))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=5, fontsize=9, frameon=False)
    return ax


@shared_docs
def plot_nps(table: pd.DataFrame, *, lang: str = "en", ax: Axes | None = None) -> Axes:
    """NPS per group as points with 95% error bars (from :func:`helpers.loyalty.nps_table`).

    Parameters
    ----------
    table : DataFrame
        From :func:`helpers.loyalty.nps_table` (``nps``, ``nps_margin``, ``nps_low``, ``nps_high``
        and ``respondents`` per group); the ``all`` row is drawn in black.
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        One point per group with its interval, labelled "NPS ± margin (n = respondents)".

    Examples
    --------
    >>> from helpers.loyalty import nps_table
    >>> s = pd.DataFrame({"recommend_score": [10, 9, 3, 8, 2, 7], "tier": list("VVVppp")})
    >>> ax = plot_nps(nps_table(s, by="tier"))
    >>> ax.get_xlabel()
    'NPS (points, −100 to +100)'
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(7.5, 0.6 * len(table) + 1.8))
    y = np.arange(len(table))
    for i, (name, row) in enumerate(table.iterrows()):
        colour = "black" if name == "all" else _color(name, i)
        ax.errorbar(row["nps"], i, xerr=[[row["nps"] - row["nps_low"]], [row["nps_high"] - row["nps"]]],
                    fmt="o", color=colour, ecolor=colour, elinewidth=3, capsize=6, markersize=9)
        ax.text(row["nps"], i - 0.22, f"{row['nps']:+.0f} ± {row['nps_margin']:.0f}  (n = {int(row['respondents'])})",
                ha="center", va="bottom", fontsize=10)
    ax.axvline(0, color="black", lw=1, ls="--")
    ax.set_yticks(y, [group_label(g, lang) for g in table.index])
    ax.set_ylim(len(table) - 0.5, -0.8)
    ax.set_xlim(-100, 100)
    ax.set_xlabel(label("loy_nps_axis", lang))
    axis, by = grouping_labels(table.index.name, lang)
    ax.set_ylabel(axis)
    ax.set_title(label("loy_nps_title", lang, by=by))
    return ax


@shared_docs
def plot_stated_vs_observed(table: pd.DataFrame, *, lang: str = "en", ax: Axes | None = None) -> Axes:
    """Paired bars per repurchase band: mean stated probability vs share who bought (from ``stated_vs_observed``).

    Parameters
    ----------
    table : DataFrame
        From :func:`helpers.loyalty.stated_vs_observed` (``respondents``, ``stated``, ``observed``).
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        Two bars per band, each labelled in percent, with the respondents under each band.

    Examples
    --------
    >>> t = pd.DataFrame({"respondents": [2, 1], "stated": [0.85, 0.1], "observed": [0.5, 0.0]},
    ...                  index=pd.Index([">70%", "<30%"], name="repurchase_band"))
    >>> ax = plot_stated_vs_observed(t)
    >>> ax.get_title()
    'Stated intention vs what customers did'
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(7.5, 4.2))
    x = np.arange(len(table))
    width = 0.38
    for offset, col, colour in ((-width / 2, "stated", PALETTE[1]), (width / 2, "observed", PALETTE[0])):
        bars = ax.bar(x + offset, table[col], width, color=colour, label=label(f"loy_{col}", lang))
        for rect, v in zip(bars, table[col]):
            ax.text(rect.get_x() + rect.get_width() / 2, v + 0.01, f"{v:.0%}", ha="center", va="bottom", fontsize=10)
    ax.set_xticks(x, [f"{b}\n(n = {n})" for b, n in zip(table.index.astype(str), table["respondents"])])
    ax.set_ylim(0, 1)
    percent_axis(ax, "y")
    ax.set_xlabel(label("loy_band_axis", lang))
    ax.set_ylabel(label("loy_share_axis", lang))
    ax.set_title(label("loy_stated_title", lang))
    ax.legend(loc="upper right")
    return ax


@shared_docs
def plot_loyalty_mix(mix: pd.DataFrame, *, lang: str = "en", ax: Axes | None = None) -> Axes:
    """Stacked horizontal bars: share of high / medium / low loyalty per group (from ``loyalty_mix``).

    Parameters
    ----------
    mix : DataFrame
        From :func:`helpers.loyalty.loyalty_mix` (``high``, ``medium``, ``low`` shares per group).
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        One bar per group, each part labelled in percent, with a legend of the tiers.

    Examples
    --------
    >>> mix = pd.DataFrame({"high": [0.5, 0.1], "medium": [0.3, 0.2], "low": [0.2, 0.7], "respondents": [10, 20]},
    ...                    index=["VIP", "potential"])
    >>> ax = plot_loyalty_mix(mix)
    >>> ax.get_legend().get_texts()[0].get_text()
    'High loyalty'
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(7.5, 0.6 * len(mix) + 1.8))
    stacked_share_bars(ax, mix, [(t, LOYALTY_COLORS[t], label(f"loy_{t}", lang)) for t in ("high", "medium", "low")],
                       min_share=0.07, white_text=("high",))
    ax.set_yticks(range(len(mix)), [group_label(g, lang) for g in mix.index])
    ax.invert_yaxis()
    ax.set_xlabel(label("loy_share_axis", lang))
    axis, by = grouping_labels(mix.index.name, lang)
    ax.set_ylabel(axis)
    ax.set_title(label("loy_mix_title", lang, by=by))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3, frameon=False)
    return ax


@shared_docs
def nps_summary_table(table: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """A display copy of an :func:`helpers.loyalty.nps_table`: shares in percent, NPS to one decimal, labels translated.

    Parameters
    ----------
    table : DataFrame
        From :func:`helpers.loyalty.nps_table`.
    {lang}

    Returns
    -------
    DataFrame
        For showing only (cells are text): group names and column headers from the catalog.

    Examples
    --------
    >>> from helpers.loyalty import nps_table
    >>> s = pd.DataFrame({"recommend_score": [10, 9, 3, 8], "tier": ["VIP", "VIP", "potential", "potential"]})
    >>> nps_summary_table(nps_table(s, by="tier")).loc["VIP", "NPS"]
    '100.0'
    """
    shown = table.rename(index=lambda g: group_label(g, lang)).rename_axis(index=None)
    shown = shown.rename(columns=lambda c: f"loy_{c}")
    return readable_table(shown, percent=["loy_promoters", "loy_passives", "loy_detractors"],
                          decimals={"loy_nps": 1, "loy_nps_margin": 1, "loy_nps_low": 1, "loy_nps_high": 1}, lang=lang)


@shared_docs
def satisfied_not_loyal_table(by_group: pd.DataFrame, lang: str = "en") -> Table:
    """Satisfied respondents, those of them who did not buy again, and their share, per group (share in percent).

    Parameters
    ----------
    by_group : DataFrame
        ``satisfied``, ``satisfied_not_loyal`` and ``share`` (a fraction) per tier or segment.
    {lang}

    Returns
    -------
    Table
        Shown as HTML in a notebook; group names and headers from the catalog.

    Examples
    --------
    >>> t = pd.DataFrame({"satisfied": [55], "satisfied_not_loyal": [9], "share": [0.164]}, index=["VIP"])
    >>> satisfied_not_loyal_table(t).frame.iloc[0].tolist()
    ['55', '9', '16.4%']
    """
    shown = by_group.rename(index=lambda g: group_label(g, lang),
                            columns={"satisfied": "snl_satisfied", "satisfied_not_loyal": "snl_satisfied_not_loyal",
                                     "share": "snl_share"})
    return show_table(shown, percent=["snl_share"], lang=lang)
