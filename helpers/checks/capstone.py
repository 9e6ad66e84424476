"""Self-checks for exercise 12 (Capstone: tier your own customers, 综合实战：为你自己的客户分级).

The learner runs the capstone on the synthetic company's raw CRM export
(``datasets/raw/crm_export.csv``) and answers a sales director's questions about it. In the
exercise notebook::

    from helpers.checks.capstone import check
    check.task1(excluded)
    check.hint(1)

:class:`Reference` reads the export with :func:`helpers.io.read_transactions` and runs
:func:`helpers.capstone.course_summary`; ``TASKS`` says what each task compares and which known
mistakes it names.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

import pandas as pd

from helpers import capstone
from helpers.checks._reference import CompanyReference
from helpers.checks.core import Checks, CountTask, Mistake, NumberTask, Task, WrittenTask, msg, percent_mistake
from helpers.io import CleaningReport, read_transactions
from helpers.paths import DATA_DIR

#: The exercise this table belongs to.
EXERCISE = "12_capstone"

#: The raw export the exercise reads, and its column names (as the notebook passes them).
EXPORT: Path = DATA_DIR / "raw" / "crm_export.csv"
COLUMNS: dict[str, str] = {"customer": "客户编号", "date": "下单时间", "amount": "实付金额(元)", "cost": "成本(元)",
                           "order": "订单编号"}


class Reference(CompanyReference):
    """What the exercise-12 answers are compared with: the raw export, read and summarised (on the first check).

    Parameters
    ----------
    transactions : DataFrame, optional
        Not used by this exercise (it reads a file); kept for the common signature.
    path : Path, optional
        The export to read; default :data:`EXPORT`.
    columns : dict, optional
        Its column names by role; default :data:`COLUMNS`.

    Examples
    --------
    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "e.csv"
    >>> _ = p.write_text("id,day,paid\\na,2025-01-01,30\\n,2025-01-02,5\\nb,2025-01-03,10\\n", encoding="utf-8")
    >>> ref = Reference(path=p, columns={"customer": "id", "date": "day", "amount": "paid"})
    >>> ref.report.excluded_rows, ref.summary.customers
    (1, 2)
    """

    def __init__(self, transactions: pd.DataFrame | None = None, *, path: Path | None = None,
                 columns: dict[str, str] | None = None) -> None:
        super().__init__(transactions)
        self.path = Path(path) if path is not None else EXPORT
        self.columns = dict(COLUMNS if columns is None else columns)

    @cached_property
    def loaded(self) -> tuple[pd.DataFrame, CleaningReport]:
        """The export as the importer reads it, and its report."""
        return read_transactions(self.path, **self.columns)

    @property
    def report(self) -> CleaningReport:
        """The importer's report on the export."""
        return self.loaded[1]

    @cached_property
    def summary(self) -> capstone.CapstoneSummary:
        """The capstone's figures on the export."""
        tx = self.loaded[0]
        return capstone.course_summary(tx, order="order_id" if "order" in self.columns else None)

    @cached_property
    def slipping_any_class(self) -> int:
        """Customers of any class in the slipping segments (the mistake of forgetting "key")."""
        return int(self.summary.tier_list["segment"].isin(capstone.SLIPPING_SEGMENTS).sum())


def _largest_step(r: Reference) -> int:
    return max((s.rows_excluded for s in r.report.steps), default=0)


TASKS: tuple[Task, ...] = (
    CountTask(
        "task1", points=2, reference=lambda r: r.report.excluded_rows,
        wrong_type=msg("Store one whole number, the count of rows; you stored a {type}.",
                       "请存一个整数，即行数；你存的是 {type}。"),
        guards=[Mistake(lambda n, r: n < 0, msg("A count of rows cannot be negative.", "行数不可能是负数。"))],
        mistakes=[
            Mistake(lambda n, r: n == r.report.kept_rows, msg(
                "That is the number of rows kept. The director asks how many were left out.",
                "这是保留下来的行数。总监问的是被排除了多少行。")),
            Mistake(lambda n, r: n == r.report.raw_rows, msg(
                "That is every row read. Subtract the rows kept, or add up the exclusions.",
                "这是读入的全部行数。请减去保留的行数，或把各项排除加起来。")),
            Mistake(lambda n, r: n == _largest_step(r), msg(
                "That is one reason only. Add up the rows of every reason in the report.",
                "这只是其中一个原因。请把报告中每个原因的行数加起来。")),
            Mistake(lambda n, r: n == int((r.loaded[0]["revenue"] < 0).sum()), msg(
                "Those are the refunds: they are kept (netted against purchases), not excluded.",
                "这些是退款行：它们被保留（与购买相抵），并没有被排除。")),
        ],
        correct=msg("Right: every excluded row is counted under one reason, so rows read = rows excluded + rows kept.",
                    "对：每个被排除的行都只计入一个原因，读入 = 排除 + 保留。"),
        otherwise=msg("Read the report: the rows excluded, for all reasons together.",
                      "看导入报告：所有原因合计被排除的行数。"),
        hints=[msg("The loading report lists each reason with its number of rows.",
                   "导入报告列出了每个排除原因及其行数。"),
               msg("The report knows the total too: it is one of its attributes.", "报告本身也有合计：是它的一个属性。"),
               msg("report.excluded_rows is the total of all reasons.", "report.excluded_rows 就是所有原因的合计。")],
    ),
    NumberTask(
        "task2", points=2, reference=lambda r: r.summary.top20_share, tolerance=5e-4,
        guards=[percent_mistake()],
        mistakes=[
            Mistake(lambda x, r: abs(x - 0.2) < 1e-9, msg(
                "0.2 is the share of customers; the question asks for the share of value they hold.",
                "0.2 是客户的占比；题目问的是他们贡献的价值占比。")),
            Mistake(lambda x, r: abs(x - r.summary.classes.loc["A", "value_share"]) < 5e-4, msg(
                "That is the share of class A, not of the top 20% of customers.",
                "这是A类客户的价值占比，不是前20%客户的占比。")),
        ],
        correct=msg("Right: the share of the net value held by the top fifth of customers.",
                    "对：这是前五分之一客户贡献的净价值占比。"),
        otherwise=msg("Rank customers by their net value and take the share of the top 20%.",
                      "按净价值给客户排序，取前20%客户的价值占比。"),
        hints=[msg("course_summary computes it for you.", "course_summary 已经替你算好了。"),
               msg("Look at the attributes of summary whose name starts with top.", "看看 summary 中以 top 开头的属性。"),
               msg("summary.top20_share is a fraction between 0 and 1.", "summary.top20_share 是 0 到 1 之间的小数。")],
    ),
    CountTask(
        "task3", points=2, reference=lambda r: r.summary.slipping,
        wrong_type=msg("Store one whole number, a count of customers; you stored a {type}.",
                       "请存一个整数，即客户数；你存的是 {type}。"),
        guards=[Mistake(lambda n, r: n < 0, msg("A count of customers cannot be negative.", "客户数不可能是负数。"))],
        mistakes=[
            Mistake(lambda n, r: n == r.slipping_any_class, msg(
                "You counted every customer in the slipping segments. Keep only the key customers: class A.",
                "你数的是这两个细分中的所有客户。只保留关键客户，即A类客户。")),
            Mistake(lambda n, r: n == int(r.summary.classes.loc["A", "customers"]), msg(
                "That is every key customer. Count only those who bought a lot but not lately.",
                "这是全部关键客户。只数那些买得多、但最近没有再买的客户。")),
            Mistake(lambda n, r: n == int(r.summary.stages.loc["churned", "customers"]), msg(
                "Those are the churned customers of any class. The question is about key customers who are slipping.",
                "这是所有类别中已流失的客户。题目问的是正在流失的关键客户。")),
        ],
        correct=msg("Right: class A customers in the segments can't lose or at risk. They are the first calls to make.",
                    "对：处于“不能失去”或“有流失风险”细分的A类客户，应最先联系他们。"),
        otherwise=msg("Count the class A customers whose RFM segment is can't lose or at risk.",
                      "数一数RFM细分为“不能失去”或“有流失风险”的A类客户。"),
        hints=[msg("Slipping = bought often and much, but not lately: two RFM segments.",
                   "正在流失 = 买得多、买得勤，但最近没买：对应两个RFM细分。"),
               msg("Key customers are class A; capstone.SLIPPING_SEGMENTS names the two segments.",
                   "关键客户是A类客户；capstone.SLIPPING_SEGMENTS 给出这两个细分。"),
               msg("summary.slipping holds the count.", "summary.slipping 就是这个数。")],
    ),
    NumberTask(
        "task4", points=2, reference=lambda r: r.summary.service_cost, tolerance=0.5,
        mistakes=[
            Mistake(lambda x, r: abs(x - r.summary.tiers["service_cost"].sum()) < 0.5, msg(
                "You added the cost for one customer of each tier. Multiply each by the tier's number of customers.",
                "你把每个等级一位客户的成本加在了一起。请乘以每个等级的客户数。")),
            Mistake(lambda x, r: abs(x - r.summary.tiers.loc["VIP", "plan_cost"]) < 0.5, msg(
                "That is the VIP tier alone. The plan serves every tier.", "这只是VIP等级的成本。服务方案覆盖所有等级。")),
        ],
        correct=msg("Right: every customer served by the playbook of their tier, for a year.",
                    "对：每位客户按其等级的服务方案服务一年的总成本。"),
        otherwise=msg("Per tier: customers × cost per customer per year; then add the tiers.",
                      "每个等级：客户数 × 每位客户每年成本；再把各等级相加。"),
        hints=[msg("The table of tiers has the cost per customer and the plan cost of each tier.",
                   "等级汇总表中有每位客户的成本和每个等级的方案成本。"),
               msg("summary.tiers['plan_cost'] holds one number per tier.", "summary.tiers['plan_cost'] 每个等级一个数。"),
               msg("summary.service_cost is their sum.", "summary.service_cost 就是它们的合计。")],
    ),
    WrittenTask("task5", points=2, hints=[
        msg("Start with what the loading report says: can the figures be trusted?", "先说导入报告：这些数字可信吗？"),
        msg("Then name one list to act on this week, with its number of customers.",
            "再说本周要处理的一份名单，以及其中的客户数。"),
    ]),
)


def make_checks(transactions: pd.DataFrame | None = None, *, path: Path | None = None,
                columns: dict[str, str] | None = None, lang: str = "en") -> Checks:
    """The checks of exercise 12 against the raw export (default: the synthetic company's).

    Parameters
    ----------
    transactions : DataFrame, optional
        Not used (the exercise reads a file); kept for the common signature.
    path : Path, optional
        The export; default :data:`EXPORT`.
    columns : dict, optional
        Its column names by role; default :data:`COLUMNS`.
    lang : {"en", "zh"}
        Language of the feedback and hints.

    Returns
    -------
    Checks

    Examples
    --------
    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "e.csv"
    >>> _ = p.write_text("id,day,paid\\na,2025-01-01,30\\n,2025-01-02,5\\nb,2025-01-03,10\\n", encoding="utf-8")
    >>> check = make_checks(path=p, columns={"customer": "id", "date": "day", "amount": "paid"})
    >>> check.task1.evaluate(1).status, check.task1.evaluate(2).status, check.task1.evaluate(...).status
    ('correct', 'incorrect', 'unanswered')
    """
    return Checks(TASKS, Reference(transactions, path=path, columns=columns), lang=lang)


#: The checks used by ``exercises/12_capstone.ipynb``.
check = make_checks()
