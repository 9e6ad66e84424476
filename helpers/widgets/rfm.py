"""The RFM explorer: convention, bins and segment table selectable; live segment counts and revenue shares."""

from __future__ import annotations


import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd

from helpers import rfm
from helpers._docs import shared_docs
from helpers.catalog import label
from helpers.plots.rfm import plot_segment_sizes, segment_label
from helpers.plots.tables import readable_table
from helpers.widgets._render import figure_png

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
        self.image = widgets.Image(format="png")
        for w in (self.convention, self.bins, self.segment_table):
            w.observe(lambda change: self.update(), names="value")
        self.widget = widgets.VBox([widgets.HBox([self.convention, self.bins, self.segment_table]), self.sentence,
                                    widgets.HBox([self.image, self.table])])
        self.update()

    def update(self) -> None:
        """Rescore, resegment and redraw (what any control change does)."""
        conv = self.convention.value
        self.bins.disabled = conv == "pymc"
        bins = 4 if conv == "pymc" else self.bins.value
        scores = rfm.rfm_scores(self.tables[conv], convention=conv, bins=bins)
        table = SEGMENT_TABLES[self.segment_table.value]
        if not isinstance(table, dict) and bins != 5:
            scores = scores.assign(**{c: (scores[c] * 5 + bins - 1) // bins for c in ("r_score", "f_score", "m_score")})
        self.segments = rfm.rfm_segments(scores, table)
        revenue = self.revenue.reindex(scores.index).to_frame()
        self.summary = rfm.segment_summary(revenue, self.segments)
        tiers = rfm.KIT_TIERS if self.segment_table.value == "kit" else None
        top = self.summary.index[0]
        pct = lambda x: f"{100 * x:.1f}%"  # noqa: E731
        self.sentence.value = label("rfm_sentence", self.lang, n=int(self.summary["customers"].sum()),
                                    k=len(self.summary), top=segment_label(top, self.lang),
                                    share=pct(self.summary.loc[top, "value_share"]),
                                    cshare=pct(self.summary.loc[top, "customer_share"]))
        excluded = self.tables[conv].attrs.get("excluded", {}).get("customers", [])
        if excluded:
            self.sentence.value += " " + label("rfm_excluded", self.lang, n=len(excluded))
        shown = self.summary.rename(index=lambda s: segment_label(s, self.lang)).rename(columns={"value": "revenue"})
        self.table.value = readable_table(shown, percent=["customer_share", "value_share"], money=["revenue", "average_value"],
                                          lang=self.lang).to_html()
        fig, ax = plt.subplots(figsize=(7, 0.42 * len(self.summary) + 1.8), dpi=90)
        plot_segment_sizes(self.summary, tiers, dataset=self.dataset, lang=self.lang, ax=ax)
        fig.tight_layout()
        self.image.value = figure_png(fig)
        plt.close(fig)

    def _repr_mimebundle_(self, **kwargs: object) -> dict:
        return self.widget._repr_mimebundle_(**kwargs)


