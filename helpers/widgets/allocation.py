"""The allocation explorer: a budget slider and each tier's curve controls; the optimal split follows live."""

from __future__ import annotations

import html

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from helpers._docs import shared_docs
from helpers.allocation import evaluate_split, make_curves, optimal_split
from helpers.catalog import join, label
from helpers.plots.allocation import move_split_marks, plot_response_curves
from helpers.plots.loyalty import group_label
from helpers.plots.tables import show_table
from helpers.widgets._render import Blitter, image_widget


@shared_docs
class AllocationExplorer:
    """Budget slider + per tier a ceiling and a half-spend slider; the split, its return and the marginal returns follow.

    Every move re-solves the optimal split (:func:`helpers.allocation.optimal_split`)
    on the curves the sliders describe, and redraws the response curves with the
    split marked (and today's split, when given, as open circles). A budget move
    only moves the marks (the curves stay), so it redraws fast.

    Parameters
    ----------
    curves : DataFrame
        One row per tier with ``customers``, ``ceiling`` and ``rate`` (the sliders start there).
    budget : float
        The budget the slider starts at (¥).
    current : Series, optional
        Today's yuan per tier, drawn as open circles for comparison.
    max_budget : float, optional
        The slider's right end (¥); default three times ``budget``.
    {lang}

    Attributes
    ----------
    budget, ceilings, halves : ipywidgets
        The budget slider and, per tier, the ceiling (K, ¥ per customer) and half-spend sliders.
    sentence, table, image : ipywidgets
        The live sentence, the per-tier table and the chart; ``widget`` is the assembled box.
    split : Series
        The optimal split on show (¥ per tier).
    result : DataFrame
        :func:`helpers.allocation.evaluate_split` of that split.

    Examples
    --------
    >>> c = make_curves({"VIP": 100, "regular": 900}, {"VIP": 300.0, "regular": 40.0},
    ...                 half_spend={"VIP": 150.0, "regular": 20.0})
    >>> ex = AllocationExplorer(c, 10000)
    >>> ex.split.round(0).to_dict()
    {'VIP': 4545.0, 'regular': 5455.0}
    >>> ex.ceilings["VIP"].value = 150.0   # VIPs' first yuan now returns less than regular's last
    >>> ex.split.round(0).to_dict()
    {'VIP': 0.0, 'regular': 10000.0}
    >>> ex.budget.value = 30000            # a bigger budget: VIPs are funded again
    >>> ex.split.round(0).to_dict()
    {'VIP': 5455.0, 'regular': 24545.0}
    """

    def __init__(self, curves: pd.DataFrame, budget: float, *, current: pd.Series | None = None,
                 max_budget: float | None = None, lang: str = "en") -> None:
        self.lang = lang
        self._curves = make_curves(curves["customers"], curves["ceiling"], curves["rate"])
        self._current = current
        top = float(max_budget) if max_budget is not None else 3.0 * float(budget)
        step = 10 ** max(int(np.floor(np.log10(max(top, 10.0)))) - 2, 0)
        style = {"description_width": "initial"}
        self.budget = widgets.FloatSlider(value=float(budget), min=0.0, max=top, step=step, readout_format=",.0f",
                                          continuous_update=False, description=label("alloc_budget_slider", lang),
                                          style=style, layout=widgets.Layout(width="560px"))
        self.ceilings: dict[str, widgets.FloatSlider] = {}
        self.halves: dict[str, widgets.FloatSlider] = {}
        rows = []
        for tier, row in self._curves.iterrows():
            k, half = float(row["ceiling"]), float(row["half_spend"])
            self.ceilings[tier] = widgets.FloatSlider(
                value=k, min=0.0, max=max(3 * k, 1.0), step=max(k / 50, 0.01), readout_format=",.0f",
                continuous_update=False, description=label("alloc_ceiling_slider", lang), style=style,
                layout=widgets.Layout(width="330px"))
            self.halves[tier] = widgets.FloatSlider(
                value=half, min=max(half / 10, 0.01), max=4 * half, step=max(half / 50, 0.01), readout_format=",.0f",
                continuous_update=False, description=label("alloc_half_slider", lang), style=style,
                layout=widgets.Layout(width="330px"))
            name = widgets.HTML(f"<b>{html.escape(group_label(tier, lang))}</b>", layout=widgets.Layout(width="110px"))
            rows.append(widgets.HBox([name, self.ceilings[tier], self.halves[tier]]))
        self.sentence = widgets.HTML(layout=widgets.Layout(max_width="1080px"))
        self.table = widgets.HTML(layout=widgets.Layout(margin="0 0 0 8px"))
        self._max = top
        self._fig, self._ax = plt.subplots(figsize=(7.2, 4.0), dpi=80)
        self._fig.subplots_adjust(left=0.1, right=0.97, top=0.9, bottom=0.13)
        plt.close(self._fig)
        self.image = image_widget(self._fig)  # its own size: never stretched past what its text was drawn for
        self._blit = Blitter(self._fig)
        self._drawn: pd.DataFrame | None = None
        self.budget.observe(lambda change: self.update(), names="value")
        for control in [*self.ceilings.values(), *self.halves.values()]:
            control.observe(lambda change: self.update(), names="value")
        # chart and table side by side: the explorer fits a 1280×720 screen
        self.widget = widgets.VBox([self.budget, *rows, self.sentence,
                                    widgets.HBox([self.image, self.table], layout=widgets.Layout(flex_flow="row wrap"))])
        self.update()

    def curves(self) -> pd.DataFrame:
        """The curve table the sliders describe now.

        Returns
        -------
        DataFrame
            As :func:`helpers.allocation.make_curves` returns it.

        Examples
        --------
        >>> c = make_curves({"a": 10}, {"a": 50.0}, half_spend={"a": 20.0})
        >>> AllocationExplorer(c, 100).curves()["half_spend"].round(6).tolist()
        [20.0]
        """
        tiers = list(self._curves.index)
        return make_curves(self._curves["customers"], {t: self.ceilings[t].value for t in tiers},
                           half_spend={t: self.halves[t].value for t in tiers})

    def update(self) -> None:
        """Re-solve the split for the sliders' values and redraw the sentence, the table and the chart."""
        curves = self.curves()
        budget = float(self.budget.value)
        self.split = optimal_split(curves, budget)
        self.result = evaluate_split(curves, self.split)
        lang = self.lang
        funded = self.result[self.result["budget"] > 1e-6 * max(budget, 1.0)]
        level = float(funded["marginal_return"].mean()) if len(funded) else float("nan")
        unfunded = [group_label(t, lang) for t in self.result.index if t not in funded.index]
        parts = join([f"{group_label(t, lang)} ¥{r['budget']:,.0f} ({r['budget_share']:.0%})"
                      for t, r in self.result.iterrows()], lang)
        total = float(self.result["return"].sum())
        sentence = label(
            "alloc_sentence", lang, budget=f"{budget:,.0f}", parts=html.escape(parts), total=f"{total:,.0f}",
            per_yuan=f"{total / budget:.2f}" if budget > 0 else "—", level=f"{level:.2f}",
            unfunded=label("alloc_unfunded", lang, tiers=join(unfunded, lang)) if unfunded else "")
        if self._drawn is None or not self._drawn.equals(curves):  # new curves: draw everything again
            self._ax.clear()
            plot_response_curves(curves, self.split, current=self._current, max_budget=self._max, lang=lang,
                                 ax=self._ax)
            self._ax.get_legend().set_loc("lower right")  # the marks move over the upper left
            for line in self._ax.get_lines():
                if line.get_gid():
                    line.set_animated(True)
            self._blit.capture()
            self._drawn = curves
        moved = move_split_marks(self._ax, self.result, self._max)
        self.image.value = self._blit.render(moved)  # chart and numbers are sent together
        self.table.value = self._table_html()
        self.sentence.value = sentence

    def _table_html(self) -> str:
        shown = self.result[["budget", "spend_per_customer", "return", "marginal_return"]]
        shown = shown.rename(index=lambda t: group_label(t, self.lang))
        return show_table(shown, money=["budget", "return"], decimals={"spend_per_customer": 1, "marginal_return": 2},
                          lang=self.lang, font_size="12px").html

    def _repr_mimebundle_(self, **kwargs: object) -> dict:
        return self.widget._repr_mimebundle_(**kwargs)
