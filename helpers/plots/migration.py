"""Charts for module 08 (tier migration): they draw frames computed by :mod:`helpers.migration`.

The flow chart (an alluvial or Sankey diagram) is drawn here with plain matplotlib: the
maintained Sankey/alluvial packages for matplotlib are GPL-3, which the kit's MIT licence
cannot ship. Bands are filled polygons between two stacks of bars, one collection for all.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.colors import to_rgba
from matplotlib.patches import Rectangle

from helpers._docs import shared_docs
from helpers.catalog import LABELS, label
from helpers.migration import LAPSED, NEW
from helpers.plots.lifecycle import STAGE_COLORS
from helpers.plots.style import PALETTE, TIER_COLORS

#: Colours of the two states every matrix has: new customers arrive in sky blue, lapsed ones leave in vermilion.
STATE_COLORS: dict[str, str] = {NEW: PALETTE[9], LAPSED: PALETTE[3]}

#: Catalog prefixes tried, in order, for a state's name (ABC classes, RFM tiers, lifecycle stages).
_PREFIXES = ("mig_", "tier_", "stage_")


def state_label(state: str, lang: str = "en") -> str:
    """The name people see for a tier or state: ``"A"``, ``"VIP"``, ``"loyal"``, ``"new"``, ``"lapsed"`` ….

    Parameters
    ----------
    state : str
        A tier of :data:`helpers.migration.TIERS`, ``"new"`` or ``"lapsed"``; other text is shown as it is.
    lang : {"en", "zh"}, default "en"
        Language of the name.

    Returns
    -------
    str

    Examples
    --------
    >>> state_label("lapsed"), state_label("VIP", "zh"), state_label("one_time"), state_label("X")
    ('Lapsed', 'VIP客户', 'One-time', 'X')
    """
    for prefix in _PREFIXES:
        if f"{prefix}{state}" in LABELS:
            return label(f"{prefix}{state}", lang)
    return str(state)


def state_color(state: str) -> str:
    """The colour of a tier or state, the same in every chart (A / VIP always the kit's first colour).

    Parameters
    ----------
    state : str
        A tier, a lifecycle stage, ``"new"`` or ``"lapsed"``.

    Returns
    -------
    str
        A hex colour.

    Examples
    --------
    >>> state_color("A") == TIER_COLORS["A"], state_color("lapsed") == STATE_COLORS["lapsed"]
    (True, True)
    """
    return STATE_COLORS.get(state) or TIER_COLORS.get(state) or STAGE_COLORS.get(state) or PALETTE[4]


def _text(key: str, lang: str) -> str:
    return label(key, lang) if key in LABELS else key


def _stack(sizes: np.ndarray, gap: float) -> tuple[np.ndarray, np.ndarray]:
    """Tops and heights of nodes stacked from the top of [0, 1], ``gap`` apart, heights ∝ sizes."""
    total = sizes.sum()
    room = 1.0 - gap * (len(sizes) - 1)
    heights = room * sizes / total if total > 0 else np.zeros_like(sizes)
    tops = 1.0 - np.concatenate([[0.0], np.cumsum(heights[:-1] + gap)])
    return tops, heights


@shared_docs
def plot_flows(counts: pd.DataFrame, *, before: str = "", after: str = "", dataset: str = "", lang: str = "en",
               ax: Axes | None = None) -> Axes:
    """Alluvial (Sankey) chart of a transition matrix: where each tier's customers went.

    The left stack shows the tiers before and the new customers, the right stack the tiers
    after and the lapsed customers; a band joins a left node to a right node, as thick as the
    number of customers who made that move, coloured by where they came from.

    Parameters
    ----------
    counts : DataFrame
        Counts from :func:`helpers.migration.transition_matrix` (rows: tiers then ``new``;
        columns: tiers then ``lapsed``).
    before : str, default ""
        Name of the first period (e.g. its label), shown under the left stack.
    after : str, default ""
        Name of the second period, shown under the right stack.
    {dataset}
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        The chart: one collection of bands, one rectangle per node, a label with the count
        beside each node.

    Examples
    --------
    >>> from helpers.migration import TEN_CUSTOMERS, transition_matrix
    >>> counts = transition_matrix(TEN_CUSTOMERS["before"], TEN_CUSTOMERS["after"], tiers="ABC")
    >>> ax = plot_flows(counts, before="H1", after="H2", dataset="toy")
    >>> ax.get_title(), len(ax.collections[0].get_paths())    # one band per non-empty cell
    ("toy: where each tier's customers went", 10)
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(7.5, 5))
    values = counts.to_numpy(dtype=float)
    if np.isnan(values).any() or (values < 0).any() or not np.allclose(values, np.round(values)):
        raise ValueError("plot_flows needs counts of customers (transition_matrix without shares=True).")
    left_states, right_states = [str(s) for s in counts.index], [str(s) for s in counts.columns]
    gap = 0.025
    left_top, left_h = _stack(values.sum(axis=1), gap)
    right_top, right_h = _stack(values.sum(axis=0), gap)
    total = values.sum()
    unit = (1.0 - gap * (len(left_states) - 1)) / total if total > 0 else 0.0
    x0, x1, width = 0.0, 1.0, 0.06
    # band ends: within a left node the bands go to the right nodes in order; within a right node they arrive in order
    left_off, right_off = left_top.copy(), right_top.copy()
    t = np.linspace(0.0, 1.0, 32)
    s = t * t * (3 - 2 * t)  # smoothstep: a band leaves and arrives horizontally
    xs = x0 + width + (x1 - x0 - 2 * width) * t
    polygons, colours = [], []
    for i in range(len(left_states)):
        for j in range(len(right_states)):
            h = values[i, j] * unit
            if values[i, j] <= 0:
                continue
            a_top, b_top = left_off[i], right_off[j]
            top = a_top + (b_top - a_top) * s
            bottom = top - h
            polygons.append(np.column_stack([np.concatenate([xs, xs[::-1]]), np.concatenate([top, bottom[::-1]])]))
            colours.append(to_rgba(state_color(left_states[i]), 0.45))
            left_off[i] -= h
            right_off[j] -= h
    ax.add_collection(PolyCollection(polygons, facecolors=colours, edgecolors="none"))
    for states, tops, heights, x, side in ((left_states, left_top, left_h, x0, "left"),
                                           (right_states, right_top, right_h, x1 - width, "right")):
        for state, top, h in zip(states, tops, heights):
            ax.add_patch(Rectangle((x, top - h), width, h, facecolor=state_color(state), edgecolor="white", lw=0.5))
            n = int(values[states.index(state)].sum()) if side == "left" else int(values[:, states.index(state)].sum())
            tx = x - 0.015 if side == "left" else x + width + 0.015
            ax.text(tx, top - h / 2, f"{state_label(state, lang)}  {n:,}", ha="right" if side == "left" else "left",
                    va="center", fontsize=10)
    ax.set_xlim(-0.32, 1.32)
    ax.set_ylim(-0.01, 1.01)
    ax.set_yticks([])
    ax.set_xticks([x0 + width / 2, x1 - width / 2],
                  [before or label("mig_before", lang), after or label("mig_after", lang)])
    ax.tick_params(axis="x", length=0)
    ax.grid(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_ylabel(label("mig_flows_axis", lang))
    ax.set_title(label("mig_flows_title", lang, dataset=_text(dataset, lang)))
    return ax


@shared_docs
def plot_matrix(shares: pd.DataFrame, counts: pd.DataFrame | None = None, *, before: str = "", after: str = "",
                dataset: str = "", lang: str = "en", ax: Axes | None = None) -> Axes:
    """Heat map of a transition matrix's row shares, each cell labelled with its share (and count).

    Parameters
    ----------
    shares : DataFrame
        Row shares from ``transition_matrix(..., shares=True)``.
    counts : DataFrame, optional
        The counts of the same matrix, written under each share.
    before : str, default ""
        Name of the first period, in the y-axis label.
    after : str, default ""
        Name of the second period, in the x-axis label.
    {dataset}
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        The heat map (darker = larger share); the impossible cell new × lapsed shows "—".

    Examples
    --------
    >>> from helpers.migration import TEN_CUSTOMERS, transition_matrix
    >>> shares = transition_matrix(TEN_CUSTOMERS["before"], TEN_CUSTOMERS["after"], tiers="ABC", shares=True)
    >>> ax = plot_matrix(shares, before="H1", after="H2", dataset="toy")
    >>> ax.get_xlabel(), ax.texts[0].get_text(), ax.texts[-1].get_text()
    ('Tier in H2', '33%', '—')
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 4.8))
    values = shares.to_numpy(dtype=float)
    ax.imshow(np.nan_to_num(values, nan=0.0), cmap="Blues", vmin=0.0, vmax=1.0, aspect="auto")
    rows, cols = [str(r) for r in shares.index], [str(c) for c in shares.columns]
    for i, row in enumerate(rows):
        for j, col in enumerate(cols):
            v = values[i, j]
            if (row == NEW and col == LAPSED) or np.isnan(v):
                text, colour = "—", "black"
            else:
                text = f"{v:.0%}" + (f"\n{int(counts.iloc[i, j]):,}" if counts is not None else "")
                colour = "white" if v > 0.55 else "black"
            ax.text(j, i, text, ha="center", va="center", fontsize=10, color=colour)
    ax.set_xticks(range(len(cols)), [state_label(c, lang) for c in cols])
    ax.set_yticks(range(len(rows)), [state_label(r, lang) for r in rows])
    ax.grid(False)
    ax.set_xlabel(label("mig_tier_in", lang, period=after or label("mig_after", lang)))
    ax.set_ylabel(label("mig_tier_in", lang, period=before or label("mig_before", lang)))
    ax.set_title(label("mig_matrix_title", lang, dataset=_text(dataset, lang)))
    return ax


@shared_docs
def plot_projection(with_inflow: pd.DataFrame, without_inflow: pd.DataFrame | None = None, *, dataset: str = "",
                    lang: str = "en", ax: Axes | None = None) -> Axes:
    """Lines of projected customers per tier: with new customers (solid) and without them (dashed).

    Parameters
    ----------
    with_inflow : DataFrame
        From :func:`helpers.migration.project_tiers` with ``inflow`` > 0 (one column per tier and ``total``).
    without_inflow : DataFrame, optional
        The same projection with ``inflow=0``: the classic mistake, drawn dashed.
    {dataset}
    {lang}
    {ax}

    Returns
    -------
    matplotlib Axes
        One line per tier and projection (``total`` is not drawn), in the tier colours.

    Examples
    --------
    >>> from helpers.migration import TEN_CUSTOMERS, project_tiers, transition_matrix
    >>> shares = transition_matrix(TEN_CUSTOMERS["before"], TEN_CUSTOMERS["after"], tiers="ABC", shares=True)
    >>> now = pd.Series({"A": 2, "B": 3, "C": 2})
    >>> ax = plot_projection(project_tiers(now, shares, inflow=2), project_tiers(now, shares), dataset="toy")
    >>> len(ax.lines), ax.get_xlabel()
    (6, 'Periods ahead')
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(7.5, 4.2))
    tiers = [c for c in with_inflow.columns if c != "total"]
    for tier in tiers:
        colour = state_color(tier)
        ax.plot(with_inflow.index, with_inflow[tier], color=colour, lw=2.2, marker="o", ms=4,
                label=label("mig_with_inflow", lang, tier=state_label(tier, lang)))
        if without_inflow is not None:
            ax.plot(without_inflow.index, without_inflow[tier], color=colour, lw=1.8, ls="--",
                    label=label("mig_without_inflow", lang, tier=state_label(tier, lang)))
    ax.set_xticks(list(with_inflow.index))
    ax.set_ylim(0, None)
    ax.set_xlabel(label("mig_periods_ahead", lang))
    ax.set_ylabel(label("customers", lang))
    ax.set_title(label("mig_projection_title", lang, dataset=_text(dataset, lang)))
    ax.legend(fontsize=8, ncol=2, loc="center right", frameon=True)
    return ax

