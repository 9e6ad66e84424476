"""Charts for module 07 (relationship levels): they draw tables computed by :mod:`helpers.relationship`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.patches import Patch

from helpers._docs import shared_docs
from helpers.catalog import label
from helpers.plots.loyalty import group_label
from helpers.plots.style import PALETTE, TIER_COLORS, stacked_share_bars
from helpers.plots.tables import Table, readable_table, show_table
from helpers.relationship import LEVELS

#: One colour per relationship level, light (basic) to dark (partnership).
LEVEL_COLORS: dict[str, str] = dict(zip(LEVELS, sns.color_palette("Blues", len(LEVELS)).as_hex()))
#: Colours of below / at / above the recommendation.
GAP_COLORS: dict[str, str] = {"below": PALETTE[3], "at": PALETTE[2], "above": PALETTE[1]}


@shared_docs
def plot_level_mix(mix: pd.DataFrame, recommended: pd.Series | None = None, *, lang: str = "en",
                   ax: Axes | None = None) -> Axes:
    """Stacked bars: each tier's customers by the level they are served at; the recommended level outlined.

    Parameters
    ----------
    mix : DataFrame
        From :func:`helpers.relationship.level_mix` (tiers × five levels, shares).
    recommended : Series, optional
        Recommended level per tier (e.g. ``tier_profile(...)["recommended"]``); its segment gets a black edge.
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        One stacked bar per tier (levels light to dark, shares in percent), with a legend of the levels.

    Examples
    --------
    >>> mix = pd.DataFrame([[0.1, 0.2, 0.3, 0.3, 0.1]], index=["VIP"], columns=list(LEVELS))
    >>> ax = plot_level_mix(mix, pd.Series({"VIP": "partnership"}))
    >>> ax.get_title()
    'How each tier is served today (from the contact log)'
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.7 * len(mix) + 2.2))
    bars = stacked_share_bars(ax, mix, [(lv, LEVEL_COLORS[lv], label(f"rel_{lv}", lang)) for lv in LEVELS],
                              min_share=0.07, white_text=LEVELS[3:])
    for level, container in zip(LEVELS, bars):  # outline the recommended level of each tier
        for row, rect in enumerate(container):
            if recommended is not None and recommended.get(mix.index[row]) == level:
                rect.set_edgecolor("black")
                rect.set_linewidth(2.5)
                ax.text(rect.get_x() + rect.get_width() / 2, row - 0.42, "▼ " + label("rel_recommended_mark", lang),
                        ha="center", va="bottom", fontsize=9)
    ax.set_yticks(range(len(mix)), [group_label(g, lang) for g in mix.index])
    ax.set_ylim(len(mix) - 0.5, -0.8)
    ax.set_xlabel(label("rel_share_axis", lang))
    ax.set_ylabel(label("rel_tier_axis", lang))
    ax.set_title(label("rel_mix_title", lang))
    handles = [Patch(facecolor=LEVEL_COLORS[level], label=label(f"rel_{level}", lang)) for level in LEVELS]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=5, fontsize=9, frameon=False)
    return ax


@shared_docs
def plot_gap(table: pd.DataFrame, *, lang: str = "en", ax: Axes | None = None) -> Axes:
    """Stacked bars of the share served below / at / above the recommended level (from ``gap_table``).

    Parameters
    ----------
    table : DataFrame
        From :func:`helpers.relationship.gap_table` (``below``, ``at``, ``above`` shares per tier and ``all``).
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        One stacked bar per tier and one for all customers, parts labelled in percent.

    Examples
    --------
    >>> t = pd.DataFrame({"below": [0.5, 0.2], "at": [0.5, 0.3], "above": [0.0, 0.5], "customers": [2, 5]},
    ...                  index=["VIP", "all"])
    >>> ax = plot_gap(t)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['VIP', 'All customers']
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.6 * len(table) + 2))
    stacked_share_bars(ax, table, [(g, GAP_COLORS[g], label(f"rel_{g}", lang)) for g in ("below", "at", "above")])
    names = [label("rel_all", lang) if g == "all" else group_label(g, lang) for g in table.index]
    ax.set_yticks(range(len(table)), names)
    ax.invert_yaxis()
    ax.set_xlabel(label("rel_share_axis", lang))
    ax.set_ylabel(label("rel_tier_axis", lang))
    ax.set_title(label("rel_gap_title", lang))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3, frameon=False)
    return ax


@shared_docs
def plot_cost_vs_margin(table: pd.DataFrame, *, lang: str = "en", ax: Axes | None = None) -> Axes:
    """Grouped bars per tier: today's cost to serve, the playbook's cost and the margin (from ``playbook_vs_margin``).

    When the largest bar is more than 20 times the smallest, the y axis is logarithmic so every
    bar stays readable (the axis label says so).

    Parameters
    ----------
    table : DataFrame
        From :func:`helpers.relationship.playbook_vs_margin`: ``playbook_cost`` and
        ``margin_per_customer`` per tier, and ``current_cost`` when it was given.
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        Two or three bars per tier, each labelled in ¥ per customer per year.

    Examples
    --------
    >>> t = pd.DataFrame({"current_cost": [200.0], "playbook_cost": [450.0], "margin_per_customer": [1200.0],
    ...                   "cost_share": [0.375]}, index=["VIP"])
    >>> ax = plot_cost_vs_margin(t)
    >>> ax.get_ylabel()
    '¥ per customer per year'
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4.5))
    cols = [c for c in ("current_cost", "playbook_cost", "margin_per_customer") if c in table.columns]
    colours = {"current_cost": PALETTE[7], "playbook_cost": PALETTE[1], "margin_per_customer": TIER_COLORS["A"]}
    x = np.arange(len(table))
    width = 0.8 / len(cols)
    top = float(table[cols].to_numpy().max())
    bottom = float(table[cols].to_numpy().min())
    log = bottom > 0 and top / bottom > 20
    for i, col in enumerate(cols):
        bars = ax.bar(x + (i - (len(cols) - 1) / 2) * width, table[col], width, color=colours[col],
                      label=label(f"rel_{col}", lang))
        for rect, v in zip(bars, table[col]):
            ax.text(rect.get_x() + rect.get_width() / 2, v * 1.06 if log else v + top * 0.01, f"{v:,.0f}",
                    ha="center", va="bottom", fontsize=9)
    ax.set_xticks(x, [group_label(g, lang) for g in table.index])
    if log:  # margins differ by orders of magnitude between tiers: a log axis keeps every bar readable
        ax.set_yscale("log")
        ax.set_ylim(bottom / 2, top * 4)
    else:
        ax.set_ylim(min(0.0, bottom * 1.1), top * 1.15)
    ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.set_xlabel(label("rel_tier_axis", lang))
    ax.set_ylabel(label("rel_money_axis_log" if log else "rel_money_axis", lang))
    ax.set_title(label("rel_cost_title", lang))
    ax.legend(loc="upper right", fontsize=9)
    return ax


@shared_docs
def profile_table(profile: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """A display copy of :func:`helpers.relationship.tier_profile` (percent, money, translated labels and levels).

    Parameters
    ----------
    profile : DataFrame
        From :func:`helpers.relationship.tier_profile`.
    {lang}

    Returns
    -------
    DataFrame
        For showing only (cells are text): tier names, headers and recommended levels from the catalog.

    Examples
    --------
    >>> p = pd.DataFrame({"customers": [270], "customer_share": [0.054], "margin_per_customer": [1269.5],
    ...                   "margin_ratio": [7.51], "size": ["few"], "margin_level": ["high"],
    ...                   "recommended": ["partnership"]}, index=["VIP"])
    >>> profile_table(p).loc["VIP", "Recommended level"]
    'Partnership'
    >>> profile_table(p, "zh").loc["VIP客户", ["客户数量", "毛利水平"]].tolist()
    ['少', '高']
    """
    shown = profile.copy()
    shown["recommended"] = shown["recommended"].map(lambda v: label(f"rel_{v}", lang))
    if "size" in shown:
        shown["size"] = shown["size"].map(lambda v: label(f"rel_size_{v}", lang))
    if "margin_level" in shown:
        shown["margin_level"] = shown["margin_level"].map(lambda v: label(f"rel_level_{v}", lang))
    shown = shown.rename(index=lambda g: group_label(g, lang), columns=lambda c: f"rel_{c}")
    return readable_table(shown, percent=["rel_customer_share"], money=["rel_margin_per_customer"],
                          decimals={"rel_margin_ratio": 2}, lang=lang)


#: Catalog keys of the playbook's columns (:func:`helpers.relationship.default_playbook`).
_PLAYBOOK_NAMES = {"tier": "loy_tier", "action": "rel_action", "contact_type": "rel_contact_type",
                   "channel": "rel_channel", "per_year": "rel_per_year", "unit_cost": "rel_unit_cost"}


@shared_docs
def gap_summary_table(gap: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """A display copy of :func:`helpers.relationship.gap_table` (shares in percent, translated labels).

    Parameters
    ----------
    gap : DataFrame
        From :func:`helpers.relationship.gap_table`.
    {lang}

    Returns
    -------
    DataFrame
        For showing only (cells are text): shares as percent, tier names and headers from the catalog.

    Examples
    --------
    >>> t = pd.DataFrame({"below": [0.25], "at": [0.5], "above": [0.25], "customers": [4]}, index=["all"])
    >>> gap_summary_table(t).iloc[0, :3].tolist()
    ['25.0%', '50.0%', '25.0%']
    """
    shown = gap.rename(index=lambda g: label("rel_all", lang) if g == "all" else group_label(g, lang),
                       columns=lambda c: f"rel_{c}")
    return readable_table(shown, percent=["rel_below", "rel_at", "rel_above"], lang=lang)


@shared_docs
def playbook_table(playbook: pd.DataFrame, lang: str = "en",
                   columns: tuple[str, ...] = ("tier", "action", "channel", "per_year", "unit_cost")) -> Table:
    """The service playbook as people read it: whole actions (wrapped, never cut), times per year, cost in ¥.

    Make the playbook with ``default_playbook(..., lang=lang)`` so that its actions and channels are in
    ``lang`` too; tier names and headers come from the catalog.

    Parameters
    ----------
    playbook : DataFrame
        From :func:`helpers.relationship.default_playbook` or your own, with the ``columns``.
    {lang}
    columns : tuple of str, default ("tier", "action", "channel", "per_year", "unit_cost")
        The columns to show, in order.

    Returns
    -------
    Table
        Shown as HTML in a notebook; 2.0 times a year as "2".

    Examples
    --------
    >>> from helpers.relationship import default_playbook
    >>> t = playbook_table(default_playbook())
    >>> t.frame.columns.tolist()
    ['Tier', 'Action', 'Channel', 'Times per year', 'Cost each time (¥)']
    >>> t.frame.iloc[0, 3], "white-space:normal" in t.html
    ('2', True)
    >>> playbook_table(default_playbook(lang="zh"), "zh").frame.iloc[0, :3].tolist()
    ['VIP客户', '与专属客户经理一起做共同规划回顾', '上门拜访 / 视频通话']
    """
    shown = playbook[list(columns)].copy()
    if "tier" in shown:
        shown["tier"] = shown["tier"].map(lambda g: group_label(g, lang))
    shown = shown.rename(columns=_PLAYBOOK_NAMES)
    numbers = {_PLAYBOOK_NAMES[c]: None for c in ("per_year", "unit_cost") if c in columns}
    return show_table(shown, decimals=numbers, index=False, lang=lang)
