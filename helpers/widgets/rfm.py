"""The RFM explorer: convention, bins and segment table selectable; live segment counts and revenue shares."""

from __future__ import annotations


import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd

from helpers import rfm
from helpers._docs import shared_docs
from helpers.catalog import label
from helpers.plots.rfm import plot_segment_sizes, segment_label
from helpers.plots.tables import show_table
from helpers.widgets._render import LiveChart, image_widget, steady_limits

#: Segment tables the explorer offers, by the name shown in the (English) drop-down.
SEGMENT_TABLES: dict[str, object] = {
    "kit": rfm.KIT_SEGMENTS,
    "R rfm": rfm.R_SEGMENTS,
    "PyMC-Marketing": rfm.PYMC_SEGMENTS,
}
#: The convention each segment table comes with (its name in the drop-downs is the catalog's ``conv_<convention>``).
_TABLE_CONVENTIONS: dict[str, str] = {"kit": "kit", "R rfm": "r_rfm", "PyMC-Marketing": "pymc"}


@shared_docs
class RfmExplorer:
    """Pick a convention, the number of bins and a segment table; the segment table and chart follow.

    Rule tables (kit, R) are written for 5-point scores: with other bins the scores
    are put on a 1–5 scale first (``ceil(5 × score / bins)``). Revenue shares always
    use each customer's total revenue.

    Parameters
    ----------
    {transactions}
    {as_of}
    {customer}
    {date}
    {amount}
    {dataset}
    {lang}

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": list("aabcdeff"),
    ...     "date": pd.to_datetime(["2025-01-01", "2025-01-09", "2025-01-02", "2025-01-05", "2025-01-09",
    ...                             "2025-01-03", "2025-01-04", "2025-01-08"]),
    ...     "revenue": [10.0, 30.0, 5.0, 20.0, 8.0, 3.0, 50.0, 60.0]})
    >>> ex = RfmExplorer(tx, dataset="toy")
    >>> int(ex.summary["customers"].sum())
    6
    >>> ex.convention.value = "pymc"
    >>> ex.bins.disabled
    True
    """

    def __init__(self, transactions: pd.DataFrame, as_of: object = None, *, customer: str = "customer_id",
                 date: str = "date", amount: str = "revenue", dataset: str = "", lang: str = "en") -> None:
        self.dataset, self.lang = dataset, lang
        # customers with only returns or zero rows have no recency: left out and counted in the sentence
        self.tables = rfm.convention_tables(transactions, as_of, customer=customer, date=date, amount=amount)
        self.revenue = transactions.groupby(customer)[amount].sum().rename("monetary")
        style = {"description_width": "initial"}
        self.convention = widgets.Dropdown(options=[(label(f"conv_{c}", lang), c) for c in _TABLE_CONVENTIONS.values()],
                                           value="kit", description=label("convention", lang), style=style)
        self.bins = widgets.IntSlider(value=5, min=3, max=7, step=1, description=label("bins_slider", lang), style=style)
        self.segment_table = widgets.Dropdown(options=[(label(f"conv_{_TABLE_CONVENTIONS[t]}", lang), t) for t in SEGMENT_TABLES],
                                              value="kit", description=label("segment_table_choice", lang), style=style)
        self.sentence = widgets.HTML()
        self.table = widgets.HTML()
        self._fig, self._ax = plt.subplots(figsize=(5.6, 4.6), dpi=90)
        plt.close(self._fig)
        self._chart = LiveChart(self._fig)
        self.image = image_widget(self._fig)
        self._cache: dict[tuple, tuple] = {}
        for w in (self.convention, self.bins, self.segment_table):
            w.observe(lambda change: self.update(), names="value")
        controls = widgets.HBox([self.convention, self.bins, self.segment_table], layout=widgets.Layout(flex_flow="row wrap"))
        self.widget = widgets.VBox([controls, self.sentence, widgets.HBox([self.image, self.table])])
        self.update()

    def _compute(self, conv: str, bins: int, table_name: str) -> tuple[pd.Series, pd.DataFrame]:
        """Segments and their summary for one setting of the controls (kept: moving back is a lookup)."""
        key = (conv, bins, table_name)
        if key not in self._cache:
            scores = rfm.rfm_scores(self.tables[conv], convention=conv, bins=bins)
            table = SEGMENT_TABLES[table_name]
            if not isinstance(table, dict) and bins != 5:
                scores = scores.assign(**{c: (scores[c] * 5 + bins - 1) // bins for c in ("r_score", "f_score", "m_score")})
            segments = rfm.rfm_segments(scores, table)
            revenue = self.revenue.reindex(scores.index).to_frame()
            summary = rfm.segment_summary(revenue, segments)
            # the rule table's order, every segment shown (empty ones too): the chart keeps its rows
            order = list(table) if isinstance(table, dict) else [rule.name for rule in table]
            order += [name for name in summary.index if name not in order]
            summary = summary.reindex(order).fillna({"customers": 0, "customer_share": 0.0, "value": 0.0,
                                                     "value_share": 0.0, "average_value": 0.0})
            summary["customers"] = summary["customers"].astype(int)
            self._cache[key] = (segments, summary)
        return self._cache[key]

    def update(self) -> None:
        """Rescore, resegment and redraw (what any control change does)."""
        conv = self.convention.value
        self.bins.disabled = conv == "pymc"
        bins = 4 if conv == "pymc" else self.bins.value
        self.segments, self.summary = self._compute(conv, bins, self.segment_table.value)
        tiers = rfm.KIT_TIERS if self.segment_table.value == "kit" else None
        top = self.summary["value"].idxmax()
        pct = lambda x: f"{100 * x:.1f}%"  # noqa: E731
        sentence = label("rfm_sentence", self.lang, n=int(self.summary["customers"].sum()),
                                    k=len(self.summary), top=segment_label(top, self.lang),
                                    share=pct(self.summary.loc[top, "value_share"]),
                                    cshare=pct(self.summary.loc[top, "customer_share"]))
        excluded = self.tables[conv].attrs.get("excluded", {}).get("customers", [])
        if excluded:
            sentence += " " + label("rfm_excluded", self.lang, n=len(excluded))
        shown = self.summary.rename(index=lambda s: segment_label(s, self.lang)).rename(columns={"value": "revenue"})
        table = show_table(shown, percent=["customer_share", "value_share"], money=["revenue", "average_value"],
                           lang=self.lang, font_size="12px").html
        height = 0.3 * len(self.summary) + 1.4
        if abs(self._fig.get_size_inches()[1] - height) > 0.01:
            self._fig.set_size_inches(5.6, height)
        rows = (self.segment_table.value, tuple(self.summary.index))
        if rows != getattr(self, "_rows", None):
            self._ax.clear()
            plot_segment_sizes(self.summary, tiers, dataset=self.dataset, lang=self.lang, ax=self._ax)
            self._rows = rows
        else:  # same rows: move the bars and their labels (as plot_segment_sizes places them), keep the rest
            customers, revenue = self._ax.containers[:2]
            texts = self._ax.texts
            for i, (cs, vs) in enumerate(zip(self.summary["customer_share"], self.summary["value_share"])):
                customers.patches[i].set_width(cs)
                revenue.patches[i].set_width(vs)
                texts[2 * i].set_x(cs + 0.005)
                texts[2 * i].set_text(f"{100 * cs:.0f}%")
                texts[2 * i + 1].set_x(vs + 0.005)
                texts[2 * i + 1].set_text(f"{100 * vs:.0f}%")
            right = float(max(self.summary["customer_share"].max(), self.summary["value_share"].max()))
            self._ax.set_xlim(0, min(1.0, right + 0.1))
        steady_limits(self._ax, "x")
        self.image.value = self._chart.render()  # chart and numbers are sent together
        self.table.value = table
        self.sentence.value = sentence

    def _repr_mimebundle_(self, **kwargs: object) -> dict:
        return self.widget._repr_mimebundle_(**kwargs)


