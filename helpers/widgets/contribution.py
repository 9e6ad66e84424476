"""The weight explorer: sliders that always add up to 100%, a live top-N table and the score distribution."""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from helpers._docs import shared_docs
from helpers.catalog import LABELS, label
from helpers.contribution import contribution_table, score_tiers, weighted_score
from helpers.plots.contribution import plot_score_distribution
from helpers.plots.tables import show_table
from helpers.widgets._render import LiveChart, image_widget, steady_limits


def rebalance(weights: Mapping[str, int], changed: str, total: int = 100) -> dict[str, int]:
    """Whole-percent weights after ``changed`` moved: the others share the rest in proportion.

    The leftover whole percents go to the weights with the largest remainders, so the result
    always adds up to ``total``. When the others are all 0 they share the rest equally.

    Parameters
    ----------
    weights : mapping of str to int
        The weights in whole percent, ``changed`` already at its new value.
    changed : str
        The weight the learner moved; it keeps its value.
    total : int, default 100
        What the weights must add up to.

    Returns
    -------
    dict of str to int
        The new weights, in the order of ``weights``.

    Examples
    --------
    >>> rebalance({"revenue": 60, "margin": 30, "marginal_contribution": 30}, "revenue")
    {'revenue': 60, 'margin': 20, 'marginal_contribution': 20}
    >>> rebalance({"a": 100, "b": 0, "c": 0}, "a")
    {'a': 100, 'b': 0, 'c': 0}
    >>> rebalance({"a": 40, "b": 0, "c": 0}, "a")
    {'a': 40, 'b': 30, 'c': 30}
    """
    rest = total - weights[changed]
    others = [k for k in weights if k != changed]
    current = sum(weights[k] for k in others)
    out = {changed: weights[changed]}
    if current == 0:
        shares = {k: rest / len(others) for k in others}
    else:
        shares = {k: rest * weights[k] / current for k in others}
    floors = {k: int(v) for k, v in shares.items()}
    left = rest - sum(floors.values())
    for k in sorted(others, key=lambda k: shares[k] - floors[k], reverse=True)[:left]:
        floors[k] += 1
    out.update(floors)
    return {k: out[k] for k in weights}


@shared_docs
class WeightExplorer:
    """Weight sliders (kept at 100% in total), the top-N customers and the score distribution, live.

    Parameters
    ----------
    table : DataFrame
        From :func:`helpers.contribution.contribution_table` (one row per customer, one column per metric).
    weights : mapping of str to int
        Starting weights in whole percent, adding up to 100, e.g.
        ``{"revenue": 40, "margin": 30, "marginal_contribution": 30}``: one slider per metric.
    top_n : int, default 10
        How many customers the live table shows.
    {dataset}
    {lang}

    Examples
    --------
    >>> t = pd.DataFrame({"revenue": [100.0, 50, 10], "margin": [5.0, 30, 2]}, index=list("abc"))
    >>> ex = WeightExplorer(t, {"revenue": 50, "margin": 50}, top_n=2)
    >>> ex.sliders["revenue"].value = 80
    >>> ex.sliders["margin"].value, ex.scored.index[0]
    (20, 'a')
    """

    def __init__(self, table: pd.DataFrame, weights: Mapping[str, int], *, top_n: int = 10,
                 dataset: str = "", lang: str = "en") -> None:
        self.table, self.top_n, self.dataset, self.lang = table, top_n, dataset, lang
        style = {"description_width": "initial"}
        self.sliders = {
            m: widgets.IntSlider(value=int(w), min=0, max=100, step=1, style=style, layout=widgets.Layout(width="480px"),
                                 description=label("weight_slider", lang, metric=label(m, lang) if m in LABELS else m))
            for m, w in weights.items()
        }
        self._busy = False
        for name, slider in self.sliders.items():
            slider.observe(lambda change, name=name: self._moved(name), names="value")
        self.sentence = widgets.HTML()
        self.top = widgets.HTML()
        self._fig, self._ax = plt.subplots(figsize=(5.4, 3.5), dpi=90)
        plt.close(self._fig)
        self._chart = LiveChart(self._fig)
        self.image = image_widget(self._fig)
        self.widget = widgets.VBox([widgets.VBox(list(self.sliders.values())), self.sentence,
                                    widgets.HBox([self.top, self.image])])
        self._moved(next(iter(self.sliders)))

    @classmethod
    @shared_docs
    def from_transactions(cls, transactions: pd.DataFrame, as_of: object = None, *, weights: Mapping[str, int],
                          contacts: pd.DataFrame | None = None, customer: str = "customer_id", date: str = "date",
                          amount: str = "revenue", cost: str = "cost", **kwargs: object) -> "WeightExplorer":
        """The explorer for the contribution table of an order table (and its contact log).

        Parameters
        ----------
        {transactions}
        {as_of}
        weights : mapping of str to int
            Starting weights in percent, e.g. ``{"revenue": 40, "margin": 60}``.
        contacts : DataFrame, optional
            The contact log with ``cost_to_serve`` (see :func:`helpers.contribution.contribution_table`).
        {customer}
        {date}
        {amount}
        {cost}
        **kwargs
            Passed to :class:`WeightExplorer` (``top_n``, ``dataset``, ``lang``).

        Returns
        -------
        WeightExplorer

        Examples
        --------
        >>> tx = pd.DataFrame({"customer_id": list("ab"), "revenue": [10.0, 5.0], "cost": [4.0, 1.0]})
        >>> WeightExplorer.from_transactions(tx, weights={"revenue": 100}).scored.index[0]
        'a'
        """
        table = contribution_table(transactions, as_of, contacts=contacts, customer=customer, date=date,
                                   amount=amount, cost=cost)
        return cls(table, weights, **kwargs)

    @property
    def weights(self) -> dict[str, float]:
        """The current weights as fractions adding up to 1."""
        return {m: s.value / 100 for m, s in self.sliders.items()}

    def _moved(self, name: str) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            new = rebalance({m: s.value for m, s in self.sliders.items()}, name)
            for m, v in new.items():
                self.sliders[m].value = v
        finally:
            self._busy = False
        self.update()

    def update(self) -> None:
        """Rescore with the current weights and redraw the table and the chart."""
        self.scored = weighted_score(self.table, {m: w for m, w in self.weights.items() if w > 0} or {next(iter(self.weights)): 1.0})
        tiers = score_tiers(self.scored)
        sentence = label("weights_sentence", self.lang, weights=", ".join(
            f"{label(m, self.lang) if m in LABELS else m} {100 * w:.0f}%" for m, w in self.weights.items()))
        shown = self.scored.head(self.top_n)[["score", "rank"]].join(self.table[list(self.sliders)])
        top = show_table(shown, money=list(self.sliders), decimals={"score": 3}, lang=self.lang, font_size="12px").html
        if not self._ax.containers:
            plot_score_distribution(self.scored, tiers, dataset=self.dataset, lang=self.lang, ax=self._ax)
        else:  # same bins, same tiers: restack the bars in place (far cheaper than drawing new ones)
            bins = self._ax.containers[0].patches
            edges = [p.get_x() for p in bins] + [bins[-1].get_x() + bins[-1].get_width()]
            bottom = np.zeros(len(bins))
            for container, tier in zip(self._ax.containers, ("A", "B", "C")):
                counts, _ = np.histogram(self.scored.loc[tiers.reindex(self.scored.index) == tier, "score"], bins=edges)
                for patch, b, c in zip(container.patches, bottom, counts):
                    patch.set_y(b)
                    patch.set_height(c)
                bottom = bottom + counts
            self._ax.set_ylim(0, max(1.0, float(bottom.max())) * 1.05)
        steady_limits(self._ax)
        self.image.value = self._chart.render()  # chart and numbers are sent together
        self.top.value = top
        self.sentence.value = sentence

    def _repr_mimebundle_(self, **kwargs: object) -> dict:
        return self.widget._repr_mimebundle_(**kwargs)
