"""The 80/20 explorer: a slider for the top x% that redraws the curve and the share."""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
from numpy.typing import ArrayLike

from helpers._docs import shared_docs
from helpers.catalog import LABELS, label
from helpers.pareto import concentration_curve, share_at, value_by_customer
from helpers.plots.pareto import mark_top, plot_concentration
from helpers.widgets._render import Blitter, image_widget


@shared_docs
class ParetoExplorer:
    """Slider (top 1–100% of customers) + a sentence + the Pareto chart, for one or more datasets.

    Parameters
    ----------
    values : array-like or mapping of name -> array-like
        Per-customer values. A mapping adds a drop-down to switch between them
        (e.g. ``{"Synthetic · revenue": ..., "Synthetic · margin": ...}``).
    measure : str or mapping of str to str, default "revenue"
        Catalog key or text for the measure (used in the sentence and axis);
        a mapping gives each option of ``values`` its own measure.
    dataset : str, default ""
        Catalog key or text for the title when ``values`` is a single array (with a mapping,
        each option's name is its title).
    {lang}
    percent : int, default 20
        Starting position of the slider, in percent of customers (1–100).

    Attributes
    ----------
    slider, choice, sentence, image : ipywidgets
        The parts; ``widget`` is the assembled box that a notebook displays.

    Examples
    --------
    >>> ex = ParetoExplorer([50, 30, 10, 5, 5], dataset="toy")
    >>> ex.slider.value = 40
    >>> ex.share
    0.8
    >>> "<b>80.0%</b>" in ex.sentence.value
    True
    """

    def __init__(
        self,
        values: ArrayLike | Mapping[str, ArrayLike],
        *,
        measure: str | Mapping[str, str] = "revenue",
        dataset: str = "",
        lang: str = "en",
        percent: int = 20,
    ) -> None:
        self.lang = lang
        options = dict(values) if isinstance(values, Mapping) else {dataset: values}
        per_option = measure if isinstance(measure, Mapping) else {name: measure for name in options}
        self._measures = {name: label(m, lang) if m in LABELS else m for name, m in per_option.items()}
        # Sorting happens once per dataset here; a slider move is a lookup.
        self._curves = {name: concentration_curve(v) for name, v in options.items()}
        self.slider = widgets.IntSlider(
            value=percent, min=1, max=100, step=1, description=label("slider_top", lang),
            readout_format="d", continuous_update=True,
            style={"description_width": "initial"}, layout=widgets.Layout(width="480px"),
        )
        self.choice = widgets.Dropdown(options=list(options), value=list(options)[0],
                                       layout=widgets.Layout(width="320px"))
        self.sentence = widgets.HTML()
        self._fig, self._ax = plt.subplots(figsize=(7, 4.2), dpi=90)
        plt.close(self._fig)  # shown through self.image, not by the inline backend
        self.image = image_widget(self._fig)
        self._blit = Blitter(self._fig)
        self._markers: list = []
        self._draw_curve()
        self.slider.observe(lambda change: self.update(), names="value")
        self.choice.observe(lambda change: self._draw_curve(), names="value")
        controls = [self.slider] if len(options) == 1 else [self.choice, self.slider]
        self.widget = widgets.VBox([widgets.HBox(controls), self.sentence, self.image])

    @classmethod
    @shared_docs
    def from_transactions(
        cls, transactions: pd.DataFrame, as_of: object = None, *, customer: str = "customer_id", date: str = "date",
        amount: str = "revenue", **kwargs: object
    ) -> "ParetoExplorer":
        """The explorer for per-customer totals of ``amount`` in an order table.

        Parameters
        ----------
        {transactions}
        {as_of}
        {customer}
        {date}
        {amount}
        **kwargs
            Passed to :class:`ParetoExplorer` (``dataset``, ``lang``, ``percent``).

        Returns
        -------
        ParetoExplorer

        Examples
        --------
        >>> orders = pd.DataFrame({"customer_id": list("aab"), "revenue": [3.0, 1.0, 1.0]})
        >>> ParetoExplorer.from_transactions(orders, dataset="toy").share
        0.8
        """
        values = value_by_customer(transactions, as_of, customer=customer, date=date, amount=amount)
        return cls(values, measure=amount, **kwargs)

    @property
    def measure(self) -> str:
        """The measure of the dataset on show, as a label."""
        return self._measures[self.choice.value]

    @property
    def curve(self) -> pd.DataFrame:
        """The concentration curve of the dataset on show."""
        return self._curves[self.choice.value]

    def _draw_curve(self) -> None:
        self._ax.clear()
        self._markers = []
        plot_concentration(self.curve, None, dataset=self.choice.value, measure=self.measure,
                           lang=self.lang, ax=self._ax)
        self._fig.tight_layout()
        self._blit.capture()  # the curve, axes and legend: drawn once per dataset
        self.update()

    def update(self) -> None:
        """Recompute the share for the slider's value and redraw (what a slider move does)."""
        fraction = self.slider.value / 100
        self.k, self.share = share_at(self.curve, fraction)
        for artist in self._markers:
            artist.remove()
        self._markers = mark_top(self._ax, self.curve, fraction, lang=self.lang)
        for artist in self._markers:
            artist.set_animated(True)  # drawn on top of the saved background only
        n = len(self.curve) - 1
        self.image.value = self._blit.render(self._markers)  # chart and numbers are sent together
        self.sentence.value = label(
            "widget_sentence", self.lang, pct=f"{self.slider.value}%", k=self.k, n=n,
            share=f"{100 * self.share:.1f}%", measure=self.measure.lower() if self.lang == "en" else self.measure,
        )

    def _repr_mimebundle_(self, **kwargs: object) -> dict:
        return self.widget._repr_mimebundle_(**kwargs)
