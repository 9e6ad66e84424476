"""Charts for module 12 (Capstone: tier your own customers): they draw frames computed by :mod:`helpers.capstone`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

from helpers._docs import shared_docs
from helpers.capstone import tier_name
from helpers.catalog import LABELS, label
from helpers.plots.style import PALETTE, TIER_COLORS, percent_axis


def _tier_name(tier: str, lang: str) -> str:
    return tier_name(tier, lang)


def _dataset(dataset: str, lang: str) -> str:
    return label(dataset, lang) if dataset in LABELS else dataset


@shared_docs
def plot_tier_shares(tiers: pd.DataFrame, *, dataset: str = "", lang: str = "en", ax: Axes | None = None) -> Axes:
    """Paired bars per tier: its share of the customers and its share of the value.

    Parameters
    ----------
    tiers : DataFrame
        Per tier, with ``customer_share`` and ``value_share`` (fractions), e.g.
        :attr:`helpers.capstone.CapstoneSummary.tiers`.
    {dataset}
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        Two bars per tier (customers light, value in the tier's colour), labelled in percent.

    Examples
    --------
    >>> t = pd.DataFrame({"customer_share": [0.1, 0.3, 0.6], "value_share": [0.6, 0.3, 0.1]},
    ...                  index=["VIP", "regular", "potential"])
    >>> ax = plot_tier_shares(t, dataset="toy")
    >>> ax.get_title(), ax.get_ylabel()
    ('toy: share of customers and of value per tier', 'Share of the total')
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4.2))
    x = np.arange(len(tiers))
    width = 0.38
    colors = [TIER_COLORS.get(t, PALETTE[4]) for t in tiers.index]
    bars_c = ax.bar(x - width / 2, tiers["customer_share"], width, color=colors, alpha=0.35,
                    label=label("customer_share", lang))
    bars_v = ax.bar(x + width / 2, tiers["value_share"], width, color=colors, label=label("value_share", lang))
    for bars in (bars_c, bars_v):
        for bar in bars:
            h = bar.get_height()
            ax.text(bar.get_x() + bar.get_width() / 2, h + 0.01, f"{100 * h:.0f}%", ha="center", va="bottom",
                    fontsize=9)
    ax.set_xticks(x, [_tier_name(t, lang) for t in tiers.index])
    ax.set_ylim(0, min(1.12, max(float(tiers[["customer_share", "value_share"]].max().max()), 0.05) * 1.2))
    percent_axis(ax)
    ax.set_xlabel(label("cap_col_tier", lang))
    ax.set_ylabel(label("share_axis", lang))
    name = _dataset(dataset, lang)
    ax.set_title(label("cap_shares_title", lang, dataset=name) if name else label("cap_shares_title_plain", lang))
    ax.legend(loc="upper right", frameon=False)
    return ax


@shared_docs
def plot_service_cost(tiers: pd.DataFrame, *, lang: str = "en", ax: Axes | None = None) -> Axes:
    """Horizontal bars: what the service plan costs per year for each tier, with the cost per customer.

    Parameters
    ----------
    tiers : DataFrame
        Per tier, with ``customers``, ``service_cost`` (¥ per customer per year) and ``plan_cost``
        (¥ per year), e.g. :attr:`helpers.capstone.CapstoneSummary.tiers`.
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        One bar per tier (best tier on top), labelled with the yearly cost and the cost per customer.

    Examples
    --------
    >>> t = pd.DataFrame({"customers": [2, 10], "service_cost": [458.0, 55.0], "plan_cost": [916.0, 550.0]},
    ...                  index=["VIP", "regular"])
    >>> ax = plot_service_cost(t)
    >>> ax.get_title()
    'Service plan: cost per year by tier (total ¥1,466)'
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 3.6))
    y = np.arange(len(tiers))[::-1]
    ax.barh(y, tiers["plan_cost"], color=[TIER_COLORS.get(t, PALETTE[4]) for t in tiers.index])
    top = float(tiers["plan_cost"].max()) or 1.0
    for yi, (cost, per, n) in zip(y, zip(tiers["plan_cost"], tiers["service_cost"], tiers["customers"])):
        ax.text(cost + 0.01 * top, yi, label("cap_cost_bar", lang, cost=cost, per=per, n=int(n)), va="center",
                fontsize=9)
    ax.set_yticks(y, [_tier_name(t, lang) for t in tiers.index])
    ax.set_xlim(0, top * 1.6)
    ax.xaxis.set_major_locator(MaxNLocator(5))
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.set_xlabel(label("cap_cost_axis", lang))
    ax.set_ylabel(label("cap_col_tier", lang))
    ax.set_title(label("cap_cost_title", lang, total=float(tiers["plan_cost"].sum())))
    return ax


@shared_docs
def plot_top_customers(table: pd.DataFrame, top: int = 10, *, tier: str = "", lang: str = "en",
                       ax: Axes | None = None) -> Axes:
    """Horizontal bars of the ``top`` customers by value, largest at the top.

    Parameters
    ----------
    table : DataFrame
        A tier list (or part of one): index customer id, column ``value``, best first.
    top : int, default 10
        How many customers to draw.
    tier : str, default ""
        The tier the customers belong to, named in the title (``""``: all tiers).
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        The chart, titled and labelled.

    Examples
    --------
    >>> t = pd.DataFrame({"value": [80.0, 50.0]}, index=pd.Index(["a", "b"], name="customer_id"))
    >>> ax = plot_top_customers(t, top=5, tier="VIP")
    >>> ax.get_title()
    'The 2 customers of tier VIP with the most value'
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4))
    shown = table.head(top)
    ax.barh([str(c) for c in shown.index][::-1], shown["value"].to_numpy()[::-1],
            color=TIER_COLORS.get(tier, PALETTE[0]))
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    if tier:
        ax.set_title(label("cap_top_title_tier", lang, n=len(shown), tier=_tier_name(tier, lang)))
    else:
        ax.set_title(label("cap_top_title", lang, n=len(shown)))
    ax.set_xlabel(label("cap_col_value", lang))
    ax.set_ylabel(label("cap_col_customer", lang))
    return ax
