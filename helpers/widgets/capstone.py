"""Module 12's explorer: choose a tier and see its customers, their value and why they are there."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd

from helpers._common import SERVICE_TIERS
from helpers.capstone import tier_name
from helpers.catalog import label
from helpers.plots.capstone import plot_top_customers
from helpers.widgets._render import figure_png, image_widget


class TierExplorer:
    """A tier picker (drop-down); a chart of the tier's top customers, a sentence and the first reasons follow it.

    Parameters
    ----------
    tiers : DataFrame
        A tier list from :func:`helpers.capstone.tier_list` (``tier``, ``value``, ``reasons``).
    lang : {"en", "zh"}
        Language of the labels.
    top : int
        How many customers the chart shows.

    Examples
    --------
    >>> t = pd.DataFrame({"tier": ["VIP", "regular", "regular"], "value": [60.0, 30.0, 10.0],
    ...                   "reasons": ["x", "y", "z"]}, index=pd.Index(["a", "b", "c"], name="customer_id"))
    >>> ex = TierExplorer(t)
    >>> ex.sentence.value
    'Tier <b>VIP</b>: 1 customer(s) (33.3% of customers) with 60.0% of the value.'
    >>> ex.picker.value = "regular"
    >>> ex.sentence.value
    'Tier <b>Regular</b>: 2 customer(s) (66.7% of customers) with 40.0% of the value.'
    """

    def __init__(self, tiers: pd.DataFrame, *, lang: str = "en", top: int = 10) -> None:
        self.tiers, self.lang, self.top = tiers, lang, top
        names = [(tier_name(t, lang), t) for t in SERVICE_TIERS]
        self.picker = widgets.Dropdown(options=names, value=SERVICE_TIERS[0], description=label("cap_pick_tier", lang),
                                       style={"description_width": "initial"})
        self.sentence = widgets.HTML()
        self.reasons = widgets.HTML()
        self._fig, self._ax = plt.subplots(figsize=(8, 3.6), dpi=90)
        plt.close(self._fig)
        self.image = image_widget(self._fig)
        self.picker.observe(lambda change: self.update(), names="value")
        self.widget = widgets.VBox([self.picker, self.sentence, self.image, self.reasons])
        self.update()

    def update(self) -> None:
        """Redraw for the chosen tier (what a click does)."""
        tier = self.picker.value
        inside = self.tiers[self.tiers["tier"] == tier]
        total = float(self.tiers["value"].sum())
        share = float(inside["value"].sum()) / total if total else 0.0
        name = tier_name(tier, self.lang)
        sentence_text = label("cap_tier_sentence", self.lang, tier=name, n=len(inside),
                              share=f"{len(inside) / max(len(self.tiers), 1):.1%}", value=f"{share:.1%}")
        self._ax.clear()
        plot_top_customers(inside, self.top, tier=tier, lang=self.lang, ax=self._ax)
        self._fig.tight_layout()
        self.image.value = figure_png(self._fig)  # the chart first, then the numbers (one handler)
        self.sentence.value = sentence_text
        self.reasons.value = "<br>".join(f"<b>{i}</b>: {r}" for i, r in inside["reasons"].head(3).items())

    def _repr_mimebundle_(self, **kwargs: object) -> dict:
        return self.widget._repr_mimebundle_(**kwargs)
