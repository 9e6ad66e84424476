"""Module 08's explorer: choose the tiering rule, the period length and the transition; see the matrix, the flows and the stability figures."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd

from helpers import migration
from helpers._docs import shared_docs
from helpers.catalog import label
from helpers.plots.migration import plot_flows, plot_matrix, state_label
from helpers.plots.tables import show_table
from helpers.widgets._render import figure_png, fit_titles, image_widget

#: The period lengths offered, in months.
MONTHS: tuple[int, ...] = (3, 6, 12)


@shared_docs
class MigrationExplorer:
    """Drop-downs for the rule, the period length and the transition; matrix, flows and stability follow.

    Tier histories are computed once per rule and period length, and each transition's matrix,
    figures, table and chart once when it is first shown; going back to a choice is instant.

    Parameters
    ----------
    {transactions}
    {as_of}
    rule : {"abc", "rfm", "lifecycle"}, default "abc"
        The rule shown first (:data:`helpers.migration.RULES`).
    months : int, default 6
        The period length shown first, one of :data:`MONTHS`.
    {customer}
    {date}
    {amount}
    {dataset}
    {lang}

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "c", "a", "c", "d"],
    ...                    "date": pd.to_datetime(["2025-01-01", "2025-02-01", "2025-03-01", "2025-07-02",
    ...                                            "2025-08-01", "2025-12-01"]),
    ...                    "revenue": [90.0, 8.0, 2.0, 85.0, 10.0, 5.0]})
    >>> ex = MigrationExplorer(tx, "2026-01-01", months=6)
    >>> ex.counts.to_numpy().tolist()     # a stays A, b lapses, c moves up to B, d is new in C
    [[1, 0, 0, 0], [0, 0, 0, 1], [0, 1, 0, 0], [0, 0, 1, 0]]
    >>> ex.months.value = 3               # quarters: the latest transition is chosen
    >>> ex.transition.value
    '2025-07-01 – 2025-09-30'
    >>> ex.rule.value = "rfm"
    >>> ex.counts.columns.tolist()
    ['VIP', 'regular', 'potential', 'lapsed']
    """

    def __init__(self, transactions: pd.DataFrame, as_of: object = None, *, rule: str = "abc", months: int = 6,
                 customer: str = "customer_id", date: str = "date", amount: str = "revenue", dataset: str = "",
                 lang: str = "en") -> None:
        if rule not in migration.RULES:
            raise ValueError(f"rule must be one of {migration.RULES}; got {rule!r}.")
        if months not in MONTHS:
            raise ValueError(f"months must be one of {MONTHS}; got {months!r}.")
        self.transactions, self.as_of = transactions, as_of
        self.columns = {"customer": customer, "date": date, "amount": amount}
        self.dataset, self.lang = dataset, lang
        self._histories: dict[tuple[str, int], pd.DataFrame] = {}
        style = {"description_width": "initial"}
        self.rule = widgets.Dropdown(options=[(label(f"mig_rule_{r}", lang), r) for r in migration.RULES], value=rule,
                                     description=label("mig_rule", lang), style=style)
        self.months = widgets.Dropdown(options=[(label("mig_months", lang, n=m), m) for m in MONTHS], value=months,
                                       description=label("mig_period_length", lang), style=style)
        self.transition = widgets.Dropdown(description=label("mig_transition", lang), style=style,
                                           layout=widgets.Layout(width="330px"))
        self._shown: dict[tuple[str, int, str], tuple] = {}
        self.sentence = widgets.HTML(layout=widgets.Layout(max_width="1080px"))
        self.table = widgets.HTML()
        # sized for a 1280×720 screen: the two charts side by side, the table below them
        self._fig, self._axes = plt.subplots(1, 2, figsize=(12, 3.7), dpi=90, gridspec_kw={"width_ratios": [1.15, 1]})
        plt.close(self._fig)
        self.image = image_widget(self._fig)
        self.rule.observe(lambda change: self._new_history(), names="value")
        self.months.observe(lambda change: self._new_history(), names="value")
        self.transition.observe(lambda change: self.update(), names="value")
        controls = widgets.HBox([self.rule, self.months, self.transition], layout=widgets.Layout(flex_flow="row wrap"))
        self.widget = widgets.VBox([controls, self.sentence, self.image, self.table])
        self._new_history()

    @property
    def history(self) -> pd.DataFrame:
        """The tier history of the chosen rule and period length (computed once, then kept)."""
        key = (self.rule.value, self.months.value)
        if key not in self._histories:
            self._histories[key] = migration.tier_history(self.transactions, self.as_of, rule=key[0], months=key[1],
                                                          **self.columns)
        return self._histories[key]

    def _new_history(self) -> None:
        """A new rule or period length: offer its transitions, the latest first chosen."""
        starts = list(self.history.columns[:-1])
        self._updating = True
        self.transition.options = starts
        self._updating = False
        if self.transition.value == starts[-1]:
            self.update()
        else:
            self.transition.value = starts[-1]  # calls update

    def update(self) -> None:
        """Recompute the matrix and the stability figures for the chosen transition, and redraw."""
        if getattr(self, "_updating", False) or self.transition.value is None:
            return
        key = (self.rule.value, self.months.value, self.transition.value)
        if key not in self._shown:
            self._shown[key] = self._compute()
        (self.counts, self.shares, self.by_tier, self.summary, sentence, table, png) = self._shown[key]
        self.image.value = png  # chart and numbers are sent together
        self.table.value = table
        self.sentence.value = sentence

    def _compute(self) -> tuple:
        """The chosen transition's matrix, figures, sentence, table and chart (done once per transition)."""
        columns = list(self.history.columns)
        i = columns.index(self.transition.value)
        before, after = columns[i], columns[i + 1]
        tiers = migration.TIERS[self.rule.value]
        b, a = self.history[before].dropna(), self.history[after].dropna()
        counts = migration.transition_matrix(b, a, tiers=tiers)
        shares = migration.row_shares(counts)
        by_tier = migration.stability_by_tier(counts)
        summary = migration.stability_summary(b, a, tiers=tiers)
        pct = lambda x: "—" if pd.isna(x) else f"{100 * x:.1f}%"  # noqa: E731
        num = lambda x: "—" if pd.isna(x) else f"{x:.2f}"  # noqa: E731
        sentence = label("mig_sentence", self.lang, before=before, after=after,
                         stay=pct(summary["stay_share"]), lapse=pct(summary["lapse_rate"]),
                         top_lapse=pct(by_tier["lapse_rate"].iloc[0]),
                         kappa=num(summary["kappa_linear"]), m=num(summary["shorrocks"]))
        shown = by_tier.rename(columns=lambda c: f"mig_{c}" if c != "customers" else c)
        shown.index = [state_label(t, self.lang) for t in shown.index]
        table = show_table(shown, percent=["mig_stay_share", "mig_up_share", "mig_down_share", "mig_lapse_rate"],
                           lang=self.lang, font_size="12px").html
        for ax in self._axes:
            ax.clear()
        plot_flows(counts, before=before, after=after, dataset=self.dataset, lang=self.lang, ax=self._axes[0])
        plot_matrix(shares, counts, before=before, after=after, dataset=self.dataset, lang=self.lang, ax=self._axes[1])
        fit_titles(self._fig)  # a long title on two lines instead of running off the picture
        return counts, shares, by_tier, summary, sentence, table, figure_png(self._fig)

    def _repr_mimebundle_(self, **kwargs: object) -> dict:
        return self.widget._repr_mimebundle_(**kwargs)

