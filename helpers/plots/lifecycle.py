"""Charts for module 05 (lifecycle stages): they draw frames computed by :mod:`helpers.lifecycle`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from helpers._docs import shared_docs
from helpers.catalog import LABELS, label
from helpers.plots.style import PALETTE
from helpers.plots.tables import Table, show_table

#: One colour per stage, the same in every chart.
STAGE_COLORS: dict[str, str] = {"potential": PALETTE[7], "one_time": PALETTE[1], "regular": PALETTE[2],
                                "loyal": PALETTE[0], "churned": PALETTE[3], "active": PALETTE[2], "silent": PALETTE[3]}


def _text(key: str, lang: str) -> str:
    return label(key, lang) if key in LABELS else key


@shared_docs
def plot_gap_distribution(gaps: pd.Series, threshold: int | None = None, quantile: float = 0.9, *,
                          dataset: str = "", lang: str = "en", max_days: int = 365, ax: Axes | None = None) -> Axes:
    """Histogram of the days between consecutive purchases, with the silence threshold marked.

    Parameters
    ----------
    gaps : Series
        Days between consecutive purchase days, from :func:`helpers.lifecycle.purchase_gaps`.
    threshold : int, optional
        The silence threshold in days (from :func:`helpers.lifecycle.silence_threshold`), drawn as
        a dashed line; ``None`` draws none.
    quantile : float, default 0.9
        The quantile the threshold was computed with, named in its label.
    {dataset}
    {lang}
    max_days : int, default 365
        Right end of the x axis; longer gaps are counted in the last bin.
    {ax}

    Returns
    -------
    matplotlib Axes
        The histogram, one bar per week of gap.

    Examples
    --------
    >>> ax = plot_gap_distribution(pd.Series([3, 10, 12, 40, 90]), threshold=80, dataset="toy")
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('Days between two purchases', 'Repeat purchases')
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(7.5, 4))
    shown = np.clip(np.asarray(gaps, dtype=float), 0, max_days)
    ax.hist(shown, bins=np.arange(0, max_days + 8, 7), color=PALETTE[0], alpha=0.8)
    if threshold is not None:
        ax.axvline(threshold, color=PALETTE[3], lw=2, ls="--")
        ax.text(threshold + 4, 0.92, label("gap_threshold", lang, pct=f"{100 * quantile:.0f}%", days=threshold),
                transform=ax.get_xaxis_transform(), color=PALETTE[3], fontsize=10)
    ax.set_xlim(0, max_days)
    ax.set_xlabel(label("gap_days", lang))
    ax.set_ylabel(label("repeat_purchases", lang))
    ax.set_title(label("gaps_title", lang, dataset=_text(dataset, lang)))
    return ax


@shared_docs
def plot_stage_sizes(summary: pd.DataFrame, *, by: str = "stage", dataset: str = "", date: str = "", lang: str = "en",
                     ax: Axes | None = None) -> Axes:
    """Bars: how many customers and leads are in each stage (or activity state), with their share.

    Parameters
    ----------
    summary : DataFrame
        From :func:`helpers.lifecycle.stage_summary` (``customers`` and ``customer_share`` per stage).
    by : str, default "stage"
        What ``summary`` counts by (``"stage"`` or ``"activity"``): names the axis and the bars.
    {dataset}
    date : str, default ""
        The analysis date as text (e.g. ``"2025-01-01"``), named in the title.
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        One bar per stage in the stage colours, labelled with the count and the share.

    Examples
    --------
    >>> s = pd.DataFrame({"customers": [3, 1], "customer_share": [0.75, 0.25]},
    ...                  index=pd.Index(["loyal", "churned"], name="stage"))
    >>> ax = plot_stage_sizes(s, dataset="toy", date="2025-01-01")
    >>> ax.get_title()
    'toy: lifecycle stages as of 2025-01-01'
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(7.5, 4))
    x = np.arange(len(summary))
    ax.bar(x, summary["customers"], color=[STAGE_COLORS.get(s, PALETTE[4]) for s in summary.index])
    top = float(summary["customers"].max()) or 1.0
    for xi, (n, share) in enumerate(zip(summary["customers"], summary["customer_share"])):
        ax.text(xi, n + 0.01 * top, f"{n:,}\n{100 * share:.0f}%", ha="center", va="bottom", fontsize=9)
    ax.set_xticks(x, [_text(f"{by}_{s}", lang) for s in summary.index])
    ax.set_ylim(0, top * 1.2)
    ax.set_xlabel(label(by, lang))
    ax.set_ylabel(label("people", lang))
    ax.set_title(label("stages_title", lang, dataset=_text(dataset, lang), date=date))
    return ax


@shared_docs
def plan_table(plan: pd.DataFrame, lang: str = "en") -> Table:
    """The attack/defence plan as people read it: stage names, left-aligned wrapped goals and actions.

    Parameters
    ----------
    plan : DataFrame
        From :func:`helpers.lifecycle.attack_defence_plan` (``customers``, ``goal``, ``actions``, ``owner``
        per stage).
    {lang}

    Returns
    -------
    Table
        Shown as HTML in a notebook; stage names and headers from the catalog.

    Examples
    --------
    >>> from helpers.lifecycle import STAGES, attack_defence_plan
    >>> t = pd.DataFrame({"stage": pd.Categorical(["loyal", "churned"], categories=STAGES)})
    >>> table = plan_table(attack_defence_plan(t))
    >>> table.frame.columns.tolist()
    ['Customers', 'Goal', 'Actions', 'Owner']
    >>> "text-align:left;white-space:normal" in table.html
    True
    """
    shown = plan.rename(index=lambda s: _text(f"stage_{s}", lang),
                        columns={"goal": "plan_goal", "actions": "plan_actions", "owner": "plan_owner"})
    return show_table(shown, lang=lang)
