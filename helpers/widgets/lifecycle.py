"""The lifecycle explorer: threshold sliders with live stage counts and a chart of stage sizes."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd

from helpers import lifecycle
from helpers._common import resolve_as_of
from helpers._docs import shared_docs
from helpers.catalog import label
from helpers.plots.lifecycle import plot_stage_sizes
from helpers.widgets._render import LiveChart, image_widget, steady_limits


@shared_docs
class LifecycleExplorer:
    """Sliders for the silence, churn and loyalty thresholds; stage counts and chart follow.

    Parameters
    ----------
    {transactions}
    {as_of}
    {customers}
    leads : DataFrame, optional
        Leads with ``lead_id`` and ``created_date`` (counted as potential).
    silent_days : int, default 90
        The silence slider's starting value, in days (see :func:`helpers.lifecycle.lifecycle_table`).
    churn_days : int, default 365
        The churn slider's starting value, in days.
    loyal_days : int, default 5
        The loyalty slider's starting value, in purchase days.
    {customer}
    {date}
    {amount}
    {dataset}
    {lang}

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"],
    ...                    "date": pd.to_datetime(["2025-01-01", "2025-03-01", "2024-06-01"]),
    ...                    "revenue": [5.0, 7.0, 2.0]})
    >>> ex = LifecycleExplorer(tx, silent_days=30, churn_days=200, loyal_days=2)
    >>> ex.table["stage"].astype(str).tolist()
    ['loyal', 'churned']
    >>> ex.churn.value = 365
    >>> ex.table["stage"].astype(str).tolist()
    ['loyal', 'one_time']
    """

    def __init__(self, transactions: pd.DataFrame, as_of: object = None, *, customers: pd.DataFrame | None = None,
                 leads: pd.DataFrame | None = None, silent_days: int = 90, churn_days: int = 365, loyal_days: int = 5,
                 customer: str = "customer_id", date: str = "date", amount: str = "revenue",
                 dataset: str = "", lang: str = "en") -> None:
        self.transactions, self.customers, self.leads = transactions, customers, leads
        self.columns = {"customer": customer, "date": date, "amount": amount}
        self.as_of = resolve_as_of(transactions, as_of, date=date)
        self.dataset, self.lang = dataset, lang
        style = {"description_width": "initial"}
        self.silent = widgets.IntSlider(value=silent_days, min=7, max=730, step=1, description=label("slider_silent", lang), style=style,
                                        layout=widgets.Layout(width="360px"))
        self.churn = widgets.IntSlider(value=churn_days, min=7, max=730, step=1, description=label("slider_churn", lang), style=style,
                                        layout=widgets.Layout(width="360px"))
        self.loyal = widgets.IntSlider(value=loyal_days, min=2, max=20, step=1, description=label("slider_loyal", lang), style=style,
                                        layout=widgets.Layout(width="360px"))
        self.sentence = widgets.HTML()
        self._fig, self._ax = plt.subplots(figsize=(7, 3.7), dpi=90)
        plt.close(self._fig)
        self._chart = LiveChart(self._fig)
        self.image = image_widget(self._fig)
        self._cache: dict[tuple[int, int, int], tuple] = {}
        for w in (self.silent, self.churn, self.loyal):
            w.observe(lambda change: self.update(), names="value")
        sliders = widgets.HBox([self.silent, self.churn, self.loyal], layout=widgets.Layout(flex_flow="row wrap"))
        self.widget = widgets.VBox([sliders, self.sentence, self.image])
        self.update()

    def update(self) -> None:
        """Recompute the stages with the sliders' thresholds and redraw."""
        key = (self.silent.value, self.churn.value, self.loyal.value)
        if key not in self._cache:  # the same thresholds again (a slider moved back): no recomputation
            table = lifecycle.lifecycle_table(self.transactions, self.as_of, customers=self.customers, leads=self.leads,
                                              **self.columns, churn_days=self.churn.value, silent_days=self.silent.value,
                                              loyal_days=self.loyal.value)
            self._cache[key] = (table, lifecycle.stage_summary(table), lifecycle.stage_summary(table, "activity")["customers"])
        self.table, self.summary, act = self._cache[key]
        sentence = label("lifecycle_sentence", self.lang, active=int(act["active"]), silent=int(act["silent"]),
                                    potential=int(act["potential"]), loyal=int(self.summary.loc["loyal", "customers"]),
                                    churned=int(self.summary.loc["churned", "customers"]))
        if not self._ax.patches:
            plot_stage_sizes(self.summary, dataset=self.dataset, date=str(self.as_of.date()), lang=self.lang, ax=self._ax)
        else:  # the same five stages: new heights and labels (as plot_stage_sizes places them), the rest kept
            top = float(self.summary["customers"].max()) or 1.0
            for patch, text, n, share in zip(self._ax.patches, self._ax.texts, self.summary["customers"],
                                             self.summary["customer_share"]):
                patch.set_height(n)
                text.set_y(n + 0.01 * top)
                text.set_text(f"{n:,}\n{100 * share:.0f}%")
            self._ax.set_ylim(0, top * 1.2)
        steady_limits(self._ax)
        self.image.value = self._chart.render()  # chart and numbers are sent together
        self.sentence.value = sentence

    def _repr_mimebundle_(self, **kwargs: object) -> dict:
        return self.widget._repr_mimebundle_(**kwargs)
