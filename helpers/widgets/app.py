"""The no-code tiering app (``make app``): upload a file, confirm its columns, read the tiers, download the list.

Widget layer only. Every number comes from :func:`helpers.io.read_transactions` (the loading
report) and :func:`helpers.capstone.course_summary` (the tiers and the tier list), every chart from
:mod:`helpers.plots`, and the download is :func:`helpers.capstone.export_tier_list`'s file.
Served by Voila from ``app/tiering_app.ipynb`` (see :mod:`helpers.app`); it works the same in a
notebook: ``TieringApp(lang="zh").widget``.

The uploaded file is kept in memory and written to a private temporary folder only while it is read;
nothing of a client's data stays on disk. Whatever goes wrong, the person sees a plain message in
their language (the importer's own message for a refusal), never a traceback.
"""

from __future__ import annotations

import base64
import html
import tempfile
import threading
import time
from collections.abc import Mapping
from pathlib import Path

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd

from helpers._docs import shared_docs
from helpers.capstone import course_summary, export_tier_list, tier_list_table, tier_name
from helpers.catalog import LABELS, join, label
from helpers.io import DataError, read_transactions, suggest_mapping
from helpers.io.mapping import REQUIRED, ROLES
from helpers.plots.abc import plot_abc_shares
from helpers.plots.capstone import plot_tier_shares
from helpers.plots.style import use_language
from helpers.plots.tables import show_table
from helpers.widgets._render import figure_png

__all__ = ["TieringApp", "MAX_UPLOAD_MB", "SHOWN_CUSTOMERS"]

#: Largest file the app takes (MB); larger exports go through the capstone notebook.
MAX_UPLOAD_MB: int = 100
#: Customers listed on screen for a tier (the download has all of them).
SHOWN_CUSTOMERS: int = 50

_MIME = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
_NONE = "__none__"
_BOX = ("border:1px solid {color};border-left:6px solid {color};border-radius:4px;padding:8px 12px;"
        "margin:4px 0;background:{background};white-space:pre-wrap")


def _header(column: str, lang: str) -> str:
    """A tier-list column's header as the exported file names it (module 12's catalog)."""
    key = f"cap_col_{column}"
    return label(key, lang) if key in LABELS else column


def _box(text: str, kind: str = "error") -> str:
    colors = {"error": ("#b2182b", "#fdf0f0"), "info": ("#2166ac", "#f0f5fb")}[kind]
    return f"<div class='kit-app-{kind}' style=\"{_BOX.format(color=colors[0], background=colors[1])}\">{text}</div>"


@shared_docs
class TieringApp:
    """Upload → columns → loading report → tier summary → customers of a tier → download.

    Parameters
    ----------
    {lang}
    as_of : date-like, optional
        The analysis date passed to the importer and the tier list; default: the day after the
        file's last purchase (the importer still refuses rows dated in the future).

    Attributes
    ----------
    widget : ipywidgets.VBox
        What to display.
    transactions : DataFrame or None
        The rows the importer kept (standard columns).
    report : CleaningReport or None
        The loading report of the last read.
    summary : CapstoneSummary or None
        The figures and the tier list of the last read.
    error : str
        The message shown for the last failure ("" when the last read worked).

    Examples
    --------
    >>> app = TieringApp(lang="en")
    >>> csv = b"Client,Date,Paid\\nA,2024-01-05,100\\nB,2024-02-01,30\\nA,2024-03-01,50\\nC,2024-03-02,5\\n"
    >>> app.load("orders.csv", csv)
    >>> {role: app.columns[role].value for role in ("customer", "date", "amount")}
    {'customer': 'Client', 'date': 'Date', 'amount': 'Paid'}
    >>> app.summary.customers, app.error
    (3, '')
    >>> app.load("notes.pdf", b"%PDF-1.7 ...")
    >>> print(app.error)
    notes.pdf: this is a PDF document, not a table. Export the data from your system as CSV or Excel (.xlsx) and pass that file.
    """

    def __init__(self, lang: str = "en", *, as_of: object = None) -> None:
        if lang not in ("en", "zh"):
            raise ValueError(f"lang={lang!r} is not supported; use lang='en' or lang='zh'.")
        self.lang = lang
        self.chart_lang = use_language(lang)
        self.as_of = as_of
        self.transactions: pd.DataFrame | None = None
        self.report = None
        self.summary = None
        self.error = ""
        self.seconds: dict[str, float] = {}
        self._name = ""
        self._content = b""
        self._busy = False
        self._downloads: dict[str, bytes] = {}
        self._excel: threading.Thread | None = None
        wide = {"description_width": "160px"}
        self.upload = widgets.FileUpload(accept=".csv,.txt,.tsv,.xlsx,.gz", multiple=False,
                                         description=label("app_upload", lang), layout=widgets.Layout(width="auto"))
        self.upload.observe(self._on_upload, names="value")
        self.status = widgets.HTML(label("app_no_file", lang))
        self.status.add_class("kit-app-status")
        self.runs = 0
        self.message = widgets.HTML()
        self.columns = {role: widgets.Dropdown(description=label(f"app_role_{role}", lang), style=wide,
                                               layout=widgets.Layout(width="440px"), disabled=True)
                        for role in ROLES}
        self.dayfirst = widgets.Dropdown(
            description=label("app_dayfirst", lang), style=wide, layout=widgets.Layout(width="440px"),
            options=[(label("app_dayfirst_auto", lang), "auto"), (label("app_dayfirst_true", lang), "day"),
                     (label("app_dayfirst_false", lang), "month")], value="auto")
        self.decimal = widgets.Dropdown(
            description=label("app_decimal", lang), style=wide, layout=widgets.Layout(width="440px"),
            options=[(label("app_decimal_auto", lang), "auto"), (label("app_decimal_point", lang), "."),
                     (label("app_decimal_comma", lang), ",")], value="auto")
        for control in [*self.columns.values(), self.dayfirst, self.decimal]:
            control.observe(self._on_change, names="value")
        self.report_view = widgets.HTML()
        self.figures_view = widgets.HTML(label("app_summary_empty", lang))
        self.tier_table = widgets.HTML()
        self.charts = widgets.HBox([widgets.Image(format="png", layout=widgets.Layout(max_width="49%")),
                                    widgets.Image(format="png", layout=widgets.Layout(max_width="49%"))])
        self.tier_choice = widgets.Dropdown(description=label("app_customers_of", lang), style=wide,
                                            layout=widgets.Layout(width="440px"), disabled=True)
        self.tier_choice.observe(lambda change: self._show_customers(), names="value")
        self.customers_view = widgets.HTML()
        self.download_view = widgets.HTML()
        file_step = widgets.VBox([widgets.HTML(f"<p>{html.escape(label('app_columns_help', lang))}</p>"),
                                  widgets.HBox([widgets.VBox([self.columns[r] for r in ROLES]),
                                                widgets.VBox([self.dayfirst, self.decimal])])])
        tiers_step = widgets.VBox([self.figures_view, self.tier_table, self.charts])
        customers_step = widgets.VBox([self.download_view, self.tier_choice, self.customers_view])
        self.steps = widgets.Tab(children=[file_step, self.report_view, tiers_step, customers_step])
        for i, key in enumerate(("app_step_file", "app_step_report", "app_step_tiers", "app_step_customers")):
            self.steps.set_title(i, label(key, lang))
        other = "zh" if lang == "en" else "en"
        header = widgets.HTML(
            f"<div style='margin:4px 0;font-size:21px'>{html.escape(label('app_title', lang))}"
            f"<a href='?lang={other}' style='float:right;font-size:14px;margin-top:6px'>"
            f"{html.escape(label('app_other_language', lang))}</a></div>"
            f"<p style='margin:2px 0 6px 0'>{html.escape(label('app_intro', lang))}</p>")
        self.widget = widgets.VBox([header, widgets.HBox([self.upload, self.status]), self.message, self.steps],
                                   layout=widgets.Layout(max_width="1240px"))
        self.widget.add_class("kit-tiering-app")

    # --- reading ---------------------------------------------------------------------------------

    def _on_upload(self, change: dict) -> None:
        files = change["new"]
        if not files:
            return
        item = files[0]
        name, content = item["name"], bytes(item["content"])
        self.upload.value = ()  # one copy of the file is enough, and the same file can be chosen again
        self.load(name, content)

    def load(self, name: str, content: bytes) -> None:
        """Take a file's name and bytes (what the upload button received), suggest its columns and read it.

        Parameters
        ----------
        name : str
            The file's name (its suffix tells CSV from Excel; the report names it).
        content : bytes
            The file's content.

        Examples
        --------
        >>> app = TieringApp()
        >>> app.load("empty.csv", b"")
        >>> app.error.startswith("empty.csv: the file is empty")
        True
        """
        started = time.perf_counter()
        self._name, self._content = Path(name).name or "upload.csv", bytes(content)
        self.seconds = {}
        self._clear_results()
        self.status.value = html.escape(label("app_reading", self.lang, name=self._name))
        size_mb = len(self._content) / 1e6
        if size_mb > MAX_UPLOAD_MB:
            self._fail(label("app_error_too_big", self.lang, name=self._name, size=f"{size_mb:,.0f}",
                             limit=MAX_UPLOAD_MB))
            return
        try:
            with tempfile.TemporaryDirectory(prefix="tiering-app-") as folder:
                path = Path(folder) / self._name
                path.write_bytes(self._content)
                suggestion = suggest_mapping(path)
        except DataError as exc:
            self._set_columns([], {})
            self._fail_data(exc)
            return
        except Exception as exc:  # noqa: BLE001 - a person sees a plain sentence, never a traceback
            self._set_columns([], {})
            self._fail(label("app_error_unexpected", self.lang, what=f"{type(exc).__name__}: {exc}"))
            return
        self._set_columns(suggestion.columns, suggestion.mapping)
        self.seconds["suggest"] = time.perf_counter() - started
        self.run()

    def _set_columns(self, names: list[str], mapping: Mapping[str, str]) -> None:
        self._busy = True
        try:
            self.dayfirst.value, self.decimal.value = "auto", "auto"
            for role, control in self.columns.items():
                blank = label("app_choose_column" if role in REQUIRED else "app_no_column", self.lang)
                control.options = [(blank, _NONE)] + [(n, n) for n in names]
                control.value = mapping.get(role, _NONE)
                control.disabled = not names
        finally:
            self._busy = False

    def _on_change(self, change: dict) -> None:
        if not self._busy and self._content:
            self.run()

    def _given(self) -> dict[str, str | None]:
        return {role: (None if c.value in (_NONE, None) else c.value) for role, c in self.columns.items()}

    def run(self) -> None:
        """Read the file with the chosen columns and options, then show the report, the tiers and the download.

        Examples
        --------
        >>> app = TieringApp()
        >>> app.load("o.csv", b"Kunde,Datum,Betrag\\nA,2024-01-05,100\\nB,2024-02-01,30\\n")
        >>> app.columns["amount"].value = "Datum"
        >>> app.error.startswith("o.csv: column 'Datum' is given for two roles")
        True
        """
        if not self._content:
            return
        given = self._given()
        missing = [r for r in REQUIRED if given[r] is None]
        self._clear_results()
        if missing:
            names = join([label(f"app_role_{r}", self.lang) for r in missing], self.lang)
            self._fail(label("app_missing_roles", self.lang, roles=names), step=0)
            return
        started = time.perf_counter()
        dayfirst = {"auto": None, "day": True, "month": False}[self.dayfirst.value]
        decimal = None if self.decimal.value == "auto" else self.decimal.value
        try:
            with tempfile.TemporaryDirectory(prefix="tiering-app-") as folder:
                path = Path(folder) / self._name
                path.write_bytes(self._content)
                frame, report = read_transactions(path, **given, dayfirst=dayfirst, decimal=decimal,
                                                  as_of=self.as_of, lang=self.lang)
        except DataError as exc:
            self._fail_data(exc)
            return
        except Exception as exc:  # noqa: BLE001
            self._fail(label("app_error_unexpected", self.lang, what=f"{type(exc).__name__}: {exc}"))
            return
        self.seconds["read"] = time.perf_counter() - started
        self.transactions, self.report = frame, report
        self.report_view.value = report.to_html(self.lang)
        started = time.perf_counter()
        try:
            self.summary = course_summary(frame, self.as_of, order="order_id" if given["order"] else None,
                                          cost="cost" if given["cost"] else None, lang=self.lang)
        except (ValueError, KeyError) as exc:
            self._fail(html.escape(str(exc).strip("'\"")), step=1, escaped=True)
            return
        except Exception as exc:  # noqa: BLE001
            self._fail(label("app_error_unexpected", self.lang, what=f"{type(exc).__name__}: {exc}"), step=1)
            return
        self.seconds["tiers"] = time.perf_counter() - started
        started = time.perf_counter()
        self._show_summary()
        self._show_downloads()
        self._show_customers()
        self.seconds["show"] = time.perf_counter() - started
        last = frame["date"].max()
        self.status.value = html.escape(label("app_done", self.lang, name=self._name, rows=f"{len(frame):,}",
                                              customers=f"{self.summary.customers:,}",
                                              last=f"{last:%Y-%m-%d}"))
        if report.warnings:  # e.g. many rows excluded: worth a look before anyone acts on the tiers
            self.status.value += (" <b style='color:#b2182b'>⚠ "
                                  f"{html.escape(label('app_report_warnings', self.lang, n=len(report.warnings)))}</b>")
        self.steps.selected_index = 2
        self._mark("kit-ready")

    # --- showing ---------------------------------------------------------------------------------

    def _mark(self, state: str) -> None:
        """Tag the status line with the read's number and how it ended (a browser test waits for the tags)."""
        for name in list(self.status._dom_classes):
            if name.startswith("kit-run-") or name in ("kit-ready", "kit-failed"):
                self.status.remove_class(name)
        self.status.add_class(f"kit-run-{self.runs}")
        if state:
            self.status.add_class(state)

    def _clear_results(self) -> None:
        self.runs += 1
        self._mark("")
        self.error = ""
        self.message.value = ""
        self.transactions = self.report = self.summary = None
        self._downloads = {}
        self.report_view.value = ""
        self.figures_view.value = label("app_summary_empty", self.lang)
        self.tier_table.value = ""
        for image in self.charts.children:
            image.value = b""
        self.tier_choice.disabled = True
        self.customers_view.value = ""
        self.download_view.value = ""

    def _fail(self, text: str, step: int = 0, escaped: bool = False) -> None:
        self.error = text
        self.status.value = ""
        self._mark("kit-failed")
        self.message.value = _box(f"<b>{html.escape(label('app_error_title', self.lang))}</b>\n"
                                  + (text if escaped else html.escape(text)))
        self.steps.selected_index = step

    def _fail_data(self, exc: DataError) -> None:
        text = exc.text(self.lang)
        fix = {"dayfirst": "app_error_fix_dayfirst", "decimal": "app_error_fix_decimal",
               "columns": "app_error_fix_columns"}.get(getattr(exc, "option", None) or "")
        self._fail(text)
        if fix:
            self.message.value += _box(html.escape(label(fix, self.lang)), "info")
        self.error = text

    def _show_summary(self) -> None:
        s, lang = self.summary, self.lang
        figures = pd.DataFrame({
            label("customers", lang): [f"{s.customers:,}"],
            label("top_share", lang, pct="20%"): [f"{s.top20_share:.1%}"],
            label("gini", lang): ["" if s.gini is None else f"{s.gini:.2f}"],
        })
        self.figures_view.value = show_table(figures, index=False, lang=lang).html
        columns = [c for c in ("customers", "customer_share", "value", "value_share", "service") if c in s.tiers.columns]
        tiers = s.tiers[columns].rename(columns={"service": _header("service", lang)})
        tiers.insert(0, label("app_tier", lang), [tier_name(t, lang) for t in tiers.index])
        self.tier_table.value = show_table(tiers, percent=("customer_share", "value_share"), money=("value",),
                                           index=False, lang=lang).html
        left, right = self.charts.children
        def tiers_chart(ax: object) -> None:
            plot_tier_shares(s.tiers, dataset=self._name, lang=self.chart_lang, ax=ax)
            ax.set_ylim(0, ax.get_ylim()[1] * 1.3)  # room above the tallest bar: the legend never covers a bar
            ax.legend(loc="upper center", ncol=2, fontsize=9, frameon=False)

        for image, draw in ((left, tiers_chart),
                            (right, lambda ax: plot_abc_shares(s.classes, dataset=self._name, lang=self.chart_lang,
                                                               ax=ax))):
            fig, ax = plt.subplots(figsize=(6.2, 3.6), dpi=90)
            draw(ax)
            ax.title.set_fontsize(10.5)  # the file's name makes titles long: each must fit half a laptop screen
            fig.tight_layout()
            image.value = figure_png(fig)
            plt.close(fig)
        options = [(label("app_all_tiers", lang), "")] + [(tier_name(t, lang), str(t)) for t in s.tiers.index]
        self._busy = True
        try:
            self.tier_choice.options = options
            self.tier_choice.value = str(s.tiers.index[0])
            self.tier_choice.disabled = False
        finally:
            self._busy = False

    def _show_customers(self) -> None:
        if self.summary is None or self._busy:
            return
        tiers = self.summary.tier_list
        chosen = self.tier_choice.value
        rows = tiers if not chosen else tiers[tiers["tier"] == chosen]
        rows = rows.sort_values("value", ascending=False, kind="stable")
        head = rows.head(SHOWN_CUSTOMERS)
        columns = [c for c in ("abc_class", "segment", "tier", "stage", "value", "service") if c in head.columns]
        shown = tier_list_table(head[columns], self.lang)  # as the downloaded file writes it
        table = show_table(shown, money=(_header("value", self.lang),), index=False, lang=self.lang)
        note = label("app_showing", self.lang, shown=f"{len(head):,}", total=f"{len(rows):,}")
        self.customers_view.value = (f"<p>{html.escape(note)}</p>"
                                     f"<div style='max-height:440px;overflow:auto'>{table.html}</div>")

    def _export(self, kind: str, tiers: pd.DataFrame, stem: str) -> tuple[bytes, str]:
        """Write the tier list as ``kind`` with export_tier_list; its bytes and its download link."""
        with tempfile.TemporaryDirectory(prefix="tiering-app-") as folder:
            path = export_tier_list(tiers, Path(folder) / f"{stem}_tiers.{kind}", lang=self.lang)
            data = path.read_bytes()
        encoded = base64.b64encode(data).decode("ascii")
        return data, (f"<a class='kit-download-{kind}' download='{html.escape(path.name)}' "
                f"href='data:{_MIME[kind]};base64,{encoded}' style='margin-right:16px;font-weight:bold'>"
                f"⬇ {html.escape(label(f'app_download_{kind}', self.lang))}</a>")

    def _show_downloads(self) -> None:
        """The CSV link at once; the Excel file (seconds for thousands of customers) is written in a thread and
        its link added when it is ready, so the summary never waits for it."""
        stem = Path(self._name).stem or "tiers"
        tiers, run, lang = self.summary.tier_list, self.runs, self.lang
        head = f"<p>{html.escape(label('app_download', lang))} "
        self._downloads["csv"], csv_link = self._export("csv", tiers, stem)
        self.download_view.value = head + csv_link + f"<span>{html.escape(label('app_preparing_xlsx', lang))}</span></p>"

        def excel() -> None:
            data = b""
            try:
                data, link = self._export("xlsx", tiers, stem)
            except Exception as exc:  # noqa: BLE001 - said in words, the CSV stays available
                link = html.escape(label("app_error_unexpected", lang, what=f"{type(exc).__name__}: {exc}"))
            if run == self.runs:  # a newer file has not replaced this one meanwhile
                self._downloads["xlsx"] = data
                self.download_view.value = head + csv_link + link + "</p>"

        self._excel = threading.Thread(target=excel, name="tier-list-xlsx", daemon=True)
        self._excel.start()

    def download(self, kind: str = "csv") -> bytes:
        """The bytes of the last tier list the download links offer.

        Parameters
        ----------
        kind : {"csv", "xlsx"}, default "csv"

        Returns
        -------
        bytes
            The file :func:`helpers.capstone.export_tier_list` wrote (empty before a file was read).

        Examples
        --------
        >>> app = TieringApp()
        >>> app.load("o.csv", b"Client,Date,Paid\\nA,2024-01-05,100\\nB,2024-02-01,30\\n")
        >>> app.download("csv")[:3] == b"\\xef\\xbb\\xbf"
        True
        """
        if kind == "xlsx" and self._excel is not None:
            self._excel.join()
        return self._downloads.get(kind, b"")
