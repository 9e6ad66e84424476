"""The loyalty explorer: pick a segment, see its NPS with uncertainty and its loyalty mix."""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd

from helpers._docs import shared_docs
from helpers.catalog import label
from helpers.loyalty import LoyaltyRule, loyalty_mix, loyalty_tier, nps_table
from helpers.plots.loyalty import group_label, grouping_labels, plot_loyalty_mix, plot_nps
from helpers.widgets._render import figure_png, image_widget


@shared_docs
class LoyaltyExplorer:
    """Drop-down of segments + a sentence + two charts (NPS with its 95% interval, loyalty mix).

    Parameters
    ----------
    survey : DataFrame
        Survey answers (``satisfaction``, ``repurchase_probability``,
        ``recommend_score``) with a segment column.
    segment : str or sequence of str, default "tier"
        The column that holds each respondent's segment. With several columns
        (e.g. ``["tier", "segment"]``) a "Group by" toggle switches between them.
    rule : LoyaltyRule, default LoyaltyRule()
        The points needed for high and medium loyalty (see :func:`helpers.loyalty.loyalty_tier`).
    {lang}

    Attributes
    ----------
    choice, sentence, image : ipywidgets
        The parts; ``widget`` is the assembled box a notebook displays.
    result : Series
        The NPS row of the segment on show.

    Examples
    --------
    >>> s = pd.DataFrame({"satisfaction": [5, 4, 2, 1], "repurchase_probability": [90, 80, 10, 20],
    ...                   "recommend_score": [10, 9, 3, 6], "tier": ["VIP", "VIP", "potential", "potential"]})
    >>> ex = LoyaltyExplorer(s)
    >>> ex.choice.value = "potential"
    >>> float(ex.result["nps"])
    -100.0
    >>> "NPS <b>-100</b>" in ex.sentence.value
    True
    >>> s["segment"] = ["champions", "loyal", "lost", "lost"]
    >>> ex = LoyaltyExplorer(s, ["tier", "segment"])
    >>> ex.grouping.value = "segment"
    >>> ex.choice.options[0], float(ex.result["nps"])
    (('Champions', 'champions'), 100.0)
    """

    def __init__(self, survey: pd.DataFrame, segment: str | Sequence[str] = "tier", *,
                 rule: LoyaltyRule = LoyaltyRule(), lang: str = "en") -> None:
        self.lang = lang
        columns = [segment] if isinstance(segment, str) else list(segment)
        if not columns:
            raise ValueError("LoyaltyExplorer: give at least one segment column, e.g. 'tier'.")
        loyalty = loyalty_tier(survey, rule)["loyalty"]
        # every grouping is computed once; the controls only choose what to show
        self._tables = {col: (nps_table(survey, by=col), loyalty_mix(loyalty, survey[col].astype(str).rename(col)))
                        for col in columns}
        self.grouping = widgets.ToggleButtons(options=[(grouping_labels(c, lang)[0], c) for c in columns],
                                              value=columns[0], description=label("loy_group_by", lang))
        self.choice = widgets.Dropdown(description=label("loy_choose", lang), layout=widgets.Layout(width="320px"))
        self.sentence = widgets.HTML()
        self._fig, (self._left, self._right) = plt.subplots(1, 2, figsize=(11, 3.4), dpi=80)
        plt.close(self._fig)
        self.image = image_widget(self._fig)
        self._png: dict[tuple[str, str], bytes] = {}
        for grouping in columns[:1]:  # the first grouping's charts are drawn now: switching among them is a lookup
            nps, mix = self._tables[grouping]
            for name in nps.index:
                if name != "all":
                    self._chart_png(grouping, name)
        self._set_options()
        self.grouping.observe(lambda change: self._set_options(), names="value")
        self.choice.observe(lambda change: self.update(), names="value")
        self.update()
        parts = [self.choice, self.sentence, self.image]
        self.widget = widgets.VBox(([self.grouping] if len(columns) > 1 else []) + parts)

    def _set_options(self) -> None:
        self._nps, self._mix = self._tables[self.grouping.value]
        names = [n for n in self._nps.index if n != "all"]
        self.choice.options = [(group_label(n, self.lang), n) for n in names]  # resets the value to names[0]
        self.choice.value = names[0]

    def _chart_png(self, grouping: str, name: object) -> bytes:
        """The two charts of one group (drawn once, then kept)."""
        key = (grouping, str(name))
        if key not in self._png:
            nps, mix = self._tables[grouping]
            self._left.clear()
            self._right.clear()
            plot_nps(nps.loc[[name, "all"]], lang=self.lang, ax=self._left)
            plot_loyalty_mix(mix.loc[[str(name)]], lang=self.lang, ax=self._right)
            for ax in (self._left, self._right):
                ax.title.set_fontsize(10.5)  # two charts side by side: a long title must fit its half
            self._fig.tight_layout()
            self._png[key] = figure_png(self._fig, dpi=80)
        return self._png[key]

    def update(self) -> None:
        """Recompute the sentence and redraw the charts for the chosen segment."""
        name = self.choice.value
        self.result = self._nps.loc[name]
        r = self.result
        sentence = label(
            "loy_sentence", self.lang, segment=group_label(name, self.lang), nps=f"{r['nps']:.0f}",
            margin=f"{r['nps_margin']:.0f}", low=f"{r['nps_low']:.0f}", upper=f"{r['nps_high']:.0f}",
            n=int(r["respondents"]), loyal=f"{self._mix.loc[str(name), 'high']:.0%}",
        )
        self.image.value = self._chart_png(self.grouping.value, name)  # chart and numbers are sent together
        self.sentence.value = sentence

    def _repr_mimebundle_(self, **kwargs: object) -> dict:
        return self.widget._repr_mimebundle_(**kwargs)
