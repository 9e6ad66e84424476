"""The relationship explorer: pick a tier, see how it is served against the recommendation and what the playbook costs."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd

from helpers._docs import shared_docs
from helpers.catalog import label
from helpers.plots.loyalty import group_label
from helpers.plots.relationship import plot_cost_vs_margin, plot_level_mix
from helpers.relationship import gap_table, level_gap, level_mix, playbook_vs_margin
from helpers.widgets._render import figure_png, fit_titles, image_widget


@shared_docs
class RelationshipExplorer:
    """Drop-down of tiers + a sentence + two charts (served levels vs the recommendation; cost vs margin).

    Parameters
    ----------
    served : Series
        Served level per customer (:func:`helpers.relationship.served_level`).
    tiers : Series
        Tier per customer (same index).
    profile : DataFrame
        :func:`helpers.relationship.tier_profile` (``recommended``, ``margin_per_customer``).
    playbook : DataFrame
        The service playbook (:func:`helpers.relationship.default_playbook` or your own).
    current : Series, optional
        Today's cost to serve per customer per tier (:func:`helpers.relationship.current_cost`).
    {lang}

    Attributes
    ----------
    choice, sentence, image : ipywidgets
        The parts; ``widget`` is the assembled box a notebook displays.
    gap : Series
        Shares below / at / above for the tier on show.

    Examples
    --------
    >>> from helpers.relationship import default_playbook
    >>> served = pd.Series(["partnership", "proactive", "basic", "reactive"], index=list("abcd"))
    >>> tiers = pd.Series(["VIP", "VIP", "potential", "potential"], index=list("abcd"))
    >>> profile = pd.DataFrame({"customers": [2, 2], "recommended": ["partnership", "reactive"],
    ...                         "margin_per_customer": [900.0, 20.0]}, index=["VIP", "potential"])
    >>> ex = RelationshipExplorer(served, tiers, profile, default_playbook())
    >>> ex.choice.value = "potential"
    >>> float(ex.gap["below"]), float(ex.gap["at"])
    (0.5, 0.5)
    """

    def __init__(self, served: pd.Series, tiers: pd.Series, profile: pd.DataFrame, playbook: pd.DataFrame,
                 current: pd.Series | None = None, *, lang: str = "en") -> None:
        self.lang = lang
        self._profile = profile
        self._mix = level_mix(served, tiers)
        recommended = tiers.astype(str).map(profile["recommended"])
        self._gaps = gap_table(level_gap(served, recommended), tiers)
        self._costs = playbook_vs_margin(playbook, profile, current)
        names = list(profile.index)
        self.choice = widgets.Dropdown(options=[(group_label(n, lang), n) for n in names], value=names[0],
                                       description=label("rel_choose", lang), layout=widgets.Layout(width="320px"))
        self.sentence = widgets.HTML()
        self._fig, (self._left, self._right) = plt.subplots(1, 2, figsize=(12, 3.6), dpi=80,
                                                            gridspec_kw={"width_ratios": [3, 2]})
        plt.close(self._fig)
        self.image = image_widget(self._fig)
        # a few tiers: every tier's charts are drawn now, so choosing one is a lookup
        self._png = {tier: self._draw(tier) for tier in names}
        self.choice.observe(lambda change: self.update(), names="value")
        self.update()
        self.widget = widgets.VBox([self.choice, self.sentence, self.image])

    def _draw(self, tier: object) -> bytes:
        self._left.clear()
        self._right.clear()
        plot_level_mix(self._mix.loc[[tier]], self._profile["recommended"], lang=self.lang, ax=self._left)
        plot_cost_vs_margin(self._costs.loc[[tier]], lang=self.lang, ax=self._right)
        low, high = self._right.get_ylim()  # room above the bars for the legend
        self._right.set_ylim(low, high * (1.6 if self._right.get_yscale() == "linear" else 4.0))
        for ax in (self._left, self._right):
            ax.title.set_fontsize(10.5)  # two charts side by side: a long title must fit its half
        fit_titles(self._fig)  # lays the figure out; a title too long for its half goes on two lines
        return figure_png(self._fig, dpi=80)

    def update(self) -> None:
        """Recompute the sentence and redraw the charts for the chosen tier."""
        tier = self.choice.value
        self.gap = self._gaps.loc[tier]
        cost = self._costs.loc[tier]
        typical = str(self._mix.loc[tier].idxmax())
        sentence = label(
            "rel_sentence", self.lang, tier=group_label(tier, self.lang), n=int(self._profile.loc[tier, "customers"]),
            recommended=label(f"rel_{self._profile.loc[tier, 'recommended']}", self.lang),
            typical=label(f"rel_{typical}", self.lang), below=f"{self.gap['below']:.0%}", at=f"{self.gap['at']:.0%}",
            above=f"{self.gap['above']:.0%}", cost=f"¥{cost['playbook_cost']:,.0f}",
            margin=f"¥{cost['margin_per_customer']:,.0f}", share=f"{cost['cost_share']:.0%}",
        )
        self.image.value = self._png[tier]  # chart and numbers are sent together
        self.sentence.value = sentence

    def _repr_mimebundle_(self, **kwargs: object) -> dict:
        return self.widget._repr_mimebundle_(**kwargs)
