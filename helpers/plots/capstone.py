"""Charts for module 12 (Capstone: tier your own customers): they draw frames computed by :mod:`helpers.capstone`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes

from helpers.catalog import label
from helpers.plots.style import PALETTE


def plot_top_customers(table: pd.DataFrame, top: int = 10, *, lang: str = "en", ax: Axes | None = None) -> Axes:
    """Horizontal bars of the ``top`` customers by value, largest at the top.

    Parameters
    ----------
    table : DataFrame
        From :func:`helpers.capstone.window_activity` (index customer id, column ``value``).
    top : int
        How many customers to draw.
    lang : {"en", "zh"}
        Language of the title and axis labels.
    ax : Axes, optional
        Where to draw; a new figure when None.

    Returns
    -------
    Axes
        The chart, titled and labelled.

    Examples
    --------
    >>> t = pd.DataFrame({"purchases": [2, 1], "value": [80.0, 50.0]}, index=pd.Index(["a", "b"], name="customer_id"))
    >>> ax = plot_top_customers(t, top=5)
    >>> ax.get_title()
    'The 2 customers with the most value in the window'
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4))
    shown = table.head(top)
    ax.barh([str(c) for c in shown.index][::-1], shown["value"].to_numpy()[::-1], color=PALETTE[0])
    ax.set_title(label("capstone_chart_title", lang, n=len(shown)))
    ax.set_xlabel(label("capstone_value_axis", lang))
    ax.set_ylabel(label("capstone_customer_axis", lang))
    return ax
