"""Module 12's explorer: a slider chooses how many top customers the chart shows."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd

from helpers.catalog import label
from helpers.plots.capstone import plot_top_customers
from helpers.widgets._render import figure_png


class CapstoneExplorer:
    """A slider for the number of customers shown; the chart and a sentence follow it.

    Parameters
    ----------
    table : DataFrame
        From :func:`helpers.capstone.window_activity`.
    lang : {"en", "zh"}
        Language of the labels.
    top : int
        How many customers to show at first.

    Examples
    --------
    >>> t = pd.DataFrame({"purchases": [2, 1, 1], "value": [60.0, 30.0, 10.0]},
    ...                  index=pd.Index(["a", "b", "c"], name="customer_id"))
    >>> ex = CapstoneExplorer(t, top=1)
    >>> ex.sentence.value
    '3 customers bought in the window; the top 1 bring 60.0% of its value.'
    >>> ex.slider.value = 2
    >>> ex.sentence.value
    '3 customers bought in the window; the top 2 bring 90.0% of its value.'
    """

    def __init__(self, table: pd.DataFrame, *, lang: str = "en", top: int = 10) -> None:
        self.table, self.lang = table, lang
        self.slider = widgets.IntSlider(value=min(top, max(len(table), 1)), min=1, max=max(len(table), 1),
                                        description=label("capstone_slider", lang), style={"description_width": "initial"})
        self.sentence = widgets.HTML()
        self.image = widgets.Image(format="png")
        self._fig, self._ax = plt.subplots(figsize=(7, 4), dpi=90)
        plt.close(self._fig)
        self.slider.observe(lambda change: self.update(), names="value")
        self.widget = widgets.VBox([self.slider, self.sentence, self.image])
        self.update()

    def update(self) -> None:
        """Redraw the chart and the sentence for the slider's value (what a slider move does)."""
        top = self.slider.value
        total = float(self.table["value"].sum())
        share = float(self.table["value"].head(top).sum()) / total if total else 0.0
        self.sentence.value = label("capstone_sentence", self.lang, n=len(self.table), top=top, share=f"{share:.1%}")
        self._ax.clear()
        plot_top_customers(self.table, top, lang=self.lang, ax=self._ax)
        self._fig.tight_layout()
        self.image.value = figure_png(self._fig)

    def _repr_mimebundle_(self, **kwargs: object) -> dict:
        return self.widget._repr_mimebundle_(**kwargs)
