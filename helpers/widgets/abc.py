"""The ABC explorer: two threshold sliders and a value selector redraw the classes and their table."""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from helpers._docs import shared_docs
from helpers.abc import abc_classes, abc_summary
from helpers.catalog import LABELS, label
from helpers.pareto import concentration_curve
from helpers.plots.abc import _text, plot_abc_curve
from helpers.plots.tables import show_table
from helpers.widgets._render import LiveChart, image_widget


@shared_docs
class AbcExplorer:
    """Sliders for the A and B thresholds, a drop-down for the value; live chart and class table.

    Parameters
    ----------
    values : mapping of str to Series
        Per-customer values to classify, e.g. ``{"revenue": revenue, "margin": margin}``; the
        drop-down offers the names (a catalog key is translated in the title).
    {dataset}
    {lang}
    thresholds : (float, float), default (0.80, 0.95)
        The sliders' starting A and B thresholds, as cumulative shares.

    Examples
    --------
    >>> v = pd.Series([40, 30, 20, 10], index=list("abcd"))
    >>> ex = AbcExplorer({"revenue": v}, dataset="toy")
    >>> ex.summary["customers"].tolist()
    [3, 1, 0]
    >>> ex.slider_a.value = 70
    >>> ex.summary["customers"].tolist()
    [2, 2, 0]
    """

    def __init__(
        self,
        values: Mapping[str, pd.Series],
        *,
        dataset: str = "",
        lang: str = "en",
        thresholds: tuple[float, float] = (0.80, 0.95),
    ) -> None:
        self.values = dict(values)
        self.dataset, self.lang = dataset, lang
        self._curves = {k: concentration_curve(v) for k, v in self.values.items()}
        style = {"description_width": "initial"}
        self.slider_a = widgets.IntSlider(value=round(100 * thresholds[0]), min=40, max=98, step=1,
                                          description=label("slider_a", lang), style=style)
        self.slider_b = widgets.IntSlider(value=round(100 * thresholds[1]), min=41, max=99, step=1,
                                          description=label("slider_b", lang), style=style)
        # the measures by their catalog names ("revenue" -> Revenue / 销售额); the values stay the keys
        self.choice = widgets.Dropdown(options=[(label(k, lang) if k in LABELS else k, k) for k in self.values],
                                       value=list(self.values)[0], layout=widgets.Layout(width="160px"))
        self.sentence = widgets.HTML(layout=widgets.Layout(max_width="1080px"))
        self.table = widgets.HTML()
        self._fig, self._ax = plt.subplots(figsize=(6.2, 3.8), dpi=90)
        plt.close(self._fig)
        # the thresholds are named in the title: it is redrawn with the bands, the rest of the frame is kept
        self._chart = LiveChart(self._fig, live_titles=True)
        self.image = image_widget(self._fig)
        for w in (self.slider_a, self.slider_b, self.choice):
            w.observe(lambda change: self.update(), names="value")
        controls = widgets.HBox([self.choice, self.slider_a, self.slider_b], layout=widgets.Layout(flex_flow="row wrap"))
        self.widget = widgets.VBox([controls, self.sentence,
                                    widgets.HBox([self.image, self.table])])
        self.update()

    def update(self) -> None:
        """Reclassify with the sliders' thresholds and redraw (what any control change does)."""
        if self.slider_b.value <= self.slider_a.value:  # keep A < B
            self.slider_b.value = min(99, self.slider_a.value + 1)
            return  # the change above calls update again
        thresholds = (self.slider_a.value / 100, self.slider_b.value / 100)
        name = self.choice.value
        values = self.values[name]
        self.classes = abc_classes(values, thresholds)
        self.summary = abc_summary(values, self.classes)
        measure = label(name, self.lang) if name in LABELS else name
        s = self.summary
        pct = lambda x: f"{100 * x:.1f}%"  # noqa: E731
        sentence = label(
            "abc_sentence", self.lang, measure=measure.lower() if self.lang == "en" else measure,
            na=int(s.loc["A", "customers"]), pa=pct(s.loc["A", "customer_share"]), va=pct(s.loc["A", "value_share"]),
            nb=int(s.loc["B", "customers"]), pb=pct(s.loc["B", "customer_share"]), vb=pct(s.loc["B", "value_share"]),
            nc=int(s.loc["C", "customers"]), pc=pct(s.loc["C", "customer_share"]), vc=pct(s.loc["C", "value_share"]),
        )
        table = show_table(s, percent=["customer_share", "value_share"], money=["value", "average_value"],
                           lang=self.lang, font_size="12px").html
        full = (s["customers"] > 0).all()
        if not (full and getattr(self, "_drawn", None) == name):
            self._ax.clear()
            plot_abc_curve(self._curves[name], s, thresholds, dataset=self.dataset, measure=name, lang=self.lang,
                           ax=self._ax)
            self._drawn = name if full else None
        else:  # same curve, three classes: move the bands, threshold lines and title (as plot_abc_curve places them)
            edges = np.concatenate([[0.0], np.cumsum(s["customer_share"].to_numpy())])
            for band, left, right in zip(self._ax.patches[-3:], edges[:-1], edges[1:]):
                band.set_x(left)
                band.set_width(right - left)
            for line, text, t in zip(self._ax.lines[-2:], self._ax.texts[-2:], thresholds):
                line.set_ydata([t, t])
                text.set_y(t)
                text.set_text(label("threshold_line", self.lang, pct=f"{100 * t:.0f}%"))
            a, b = (f"{100 * t:.0f}%" for t in thresholds)
            self._ax.set_title(label("abc_curve_title", self.lang, dataset=_text(self.dataset, self.lang),
                                     measure=_text(name, self.lang), a=a, b=b))
        self.image.value = self._chart.render()  # chart and numbers are sent together
        self.table.value = table
        self.sentence.value = sentence

    def _repr_mimebundle_(self, **kwargs: object) -> dict:
        return self.widget._repr_mimebundle_(**kwargs)
