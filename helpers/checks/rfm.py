"""Self-checks for exercise 04 (RFM: 最近一次消费、消费频率、消费金额) on the synthetic company.

In the exercise notebook::

    from helpers.checks.rfm import check
    check.task1(recency, frequency, monetary)
    check.hint(1)

:class:`Reference` computes RFM with :mod:`helpers.rfm`; ``TASKS`` says what each
task compares and which known mistakes it names. The multiple-choice answer is
stored only as a salted digest.
"""

from __future__ import annotations

from functools import cached_property

import pandas as pd

from helpers import rfm
from helpers.checks._reference import CompanyReference
from helpers.checks.core import (
    Checks, ChoiceTask, FrameTask, LabelTask, Mistake, NumberTask, Part, RecordTask, Task, WrittenTask, close, msg,
    near, percent_mistake,
)

#: The exercise this table belongs to.
EXERCISE = "04_rfm"
#: Salt of the multiple-choice digests (see :func:`helpers.checks.core.choice_digest`).
SALT = "tiering-kit/04_rfm"
#: The customer whose RFM is worked out in task 1.
CUSTOMER = "C00084"
_SCORES = ("r_score", "f_score", "m_score")


class Reference(CompanyReference):
    """What the exercise-04 answers are compared with (computed on the first check).

    Parameters
    ----------
    transactions : DataFrame, optional
        Default: the synthetic company's.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["C00084", "x"], "date": pd.to_datetime(["2025-01-01", "2025-01-03"]),
    ...                    "revenue": [10.0, 5.0]})
    >>> int(Reference(tx).row["recency"])
    3
    """

    @cached_property
    def result(self) -> pd.DataFrame:
        """The kit's RFM table with scores and segments."""
        return rfm.rfm(self.tx)

    @cached_property
    def r_rfm(self) -> pd.DataFrame:
        """RFM by the R package's convention (one row = one purchase, fractional days)."""
        return rfm.rfm_table(self.tx, convention="r_rfm")

    @cached_property
    def r_scores(self) -> pd.DataFrame:
        """Scores by the R package's convention."""
        return rfm.rfm_scores(self.r_rfm, convention="r_rfm").reindex(self.result.index)

    @cached_property
    def customer(self) -> str:
        """The task-1 customer (the first one when the data has no C00084)."""
        return CUSTOMER if CUSTOMER in self.result.index else str(self.result.index[0])

    @property
    def row(self) -> pd.Series:
        """The task-1 customer's row of :attr:`result`."""
        return self.result.loc[self.customer]

    def r_value(self, column: str) -> float | None:
        """The task-1 customer's ``column`` in the R convention (None when absent)."""
        return self.r_rfm.loc[self.customer, column] if self.customer in self.r_rfm.index else None

    @cached_property
    def buys_only(self) -> float:
        """The task-1 customer's revenue without the return."""
        tx = self.tx
        return float(tx.loc[(tx["customer_id"] == self.customer) & (tx["revenue"] > 0), "revenue"].sum())

    @cached_property
    def summary(self) -> pd.DataFrame:
        """Segment summary of revenue."""
        return rfm.segment_summary(self.result, self.result["segment"])


def _same_scores(answer: pd.DataFrame, other: pd.DataFrame) -> bool:
    return bool((answer[list(_SCORES)].to_numpy() == other[list(_SCORES)].to_numpy()).all())


TASKS: tuple[Task, ...] = (
    RecordTask(
        "task1", points=3,
        wrong_type=msg("Store three single numbers: recency (days), frequency (purchase days) and monetary (net revenue).",
                       "请存三个单独的数字：最近一次消费（天数）、消费频率（购买天数）和消费金额（净销售额）。"),
        parts={
            "recency": Part(lambda r: r.row["recency"], 0, [
                Mistake(lambda x, r: x == r.row["recency"] - 1, msg(
                    "recency is one day short: count from the last purchase day to as_of (the day after the last "
                    "transaction), not to the last transaction",
                    "最近一次消费少了一天：要从最后购买日数到 as_of（最后一笔交易的后一天），而不是数到最后一笔交易")),
                Mistake(lambda x, r: r.r_value("recency") is not None and close(x, r.r_value("recency"), 1e-3), msg(
                    "recency has a fraction of a day: count whole days between the purchase *day* and as_of",
                    "最近一次消费带了小数：请按整天计算购买*日期*到 as_of 之间的天数")),
            ], msg("recency is off: days from the customer's last purchase day to as_of",
                   "最近一次消费不对：应是客户最后购买日到 as_of 的天数")),
            "frequency": Part(lambda r: r.row["frequency"], 0, [
                Mistake(lambda x, r: r.r_value("frequency") is not None and x == r.r_value("frequency"), msg(
                    "frequency counts every row, including the return: count the days with a purchase (revenue > 0)",
                    "消费频率把每一行（包括退货）都算进去了：请数有购买（revenue > 0）的天数")),
            ], msg("frequency is off: count the distinct days on which the customer bought",
                   "消费频率不对：请数客户有购买的不同日期数")),
            "monetary": Part(lambda r: r.row["monetary"], 0.01, [
                Mistake(lambda x, r: close(x, r.buys_only, 0.01), msg(
                    "monetary leaves out the return: add up all rows, returns are negative",
                    "消费金额漏掉了退货：请把所有行加起来，退货是负数")),
            ], msg("monetary is off: the sum of the customer's revenue, returns included",
                   "消费金额不对：应是该客户全部销售额之和，包括退货")),
        },
        correct=msg("R, F and M match the kit's definitions.", "R、F、M 都符合课程的定义。"),
        hints=[msg("Filter the customer's rows; as_of is the day after the last transaction.",
                   "先筛出这位客户的行；as_of 是最后一笔交易的后一天。"),
               msg("recency = (as_of − last purchase day).days; frequency = number of distinct purchase days with "
                   "revenue > 0; monetary = sum of all revenue rows.",
                   "recency = (as_of − 最后购买日).days；frequency = revenue > 0 的不同购买日期数；"
                   "monetary = 所有 revenue 行之和。")],
    ),
    FrameTask(
        "task2", points=2, reference=lambda r: r.result, columns=_SCORES, tolerance=0,
        wrong_type=msg("Expected the table from rfm.rfm_scores (a DataFrame); you stored a {type}.",
                       "这里需要 rfm.rfm_scores 返回的表（DataFrame）；你存的是 {type}。"),
        missing_columns=msg("The table has no column(s) {missing}. Pass the RFM table to rfm.rfm_scores(table).",
                            "表里缺少这些列：{missing}。请把 RFM 表传给 rfm.rfm_scores(table)。"),
        guards=[Mistake(lambda f, r: len(f) != len(r.result), msg(
            "You scored {got:,} customers; the company has {n:,}. Score the whole table.",
            "你给 {got:,} 位客户打了分；公司有 {n:,} 位。请给整张表打分。"))],
        missing=msg("Some customers are missing: score the table built from all transactions.",
                    "有些客户不见了：请给用全部交易做出的表打分。"),
        correct=msg("Every customer has the kit's quintile scores.", "每位客户都是课程的五分位得分。"),
        mistakes=[
            Mistake(lambda f, r: f[list(_SCORES)].max().max() != 5 or f[list(_SCORES)].min().min() != 1, msg(
                "Scores should run from 1 to 5: use bins=5 (the default).", "得分应当从 1 到 5：请用 bins=5（默认值）。")),
            Mistake(lambda f, r: _same_scores(f.reindex(r.result.index), r.r_scores), msg(
                "These are the R package's scores. The exercise uses the kit's convention (convention=\"kit\").",
                "这是 R 包口径的得分。练习用的是课程的口径（convention=\"kit\"）。")),
            Mistake(lambda f, r: bool((f.reindex(r.result.index)["r_score"] == 6 - r.result["r_score"]).all()), msg(
                "Recency runs the wrong way: a recent buyer (few days) should get a high R score.",
                "最近一次消费的方向反了：最近刚买过（天数少）的客户应当得高 R 分。")),
        ],
        otherwise=msg("Some scores differ. Use rfm.rfm_scores(table) on the kit table from task 2.",
                      "有些得分不对。请对第 2 题的课程口径表用 rfm.rfm_scores(table)。"),
        hints=[msg("Two steps: a table of R, F, M per customer, then scores.", "分两步：先做每位客户的 R、F、M 表，再打分。"),
               msg("table = rfm.rfm_table(transactions, as_of); scores = rfm.rfm_scores(table)",
                   "table = rfm.rfm_table(transactions, as_of)；scores = rfm.rfm_scores(table)")],
    ),
    LabelTask(
        "task3", points=2, reference=lambda r: r.row["segment"], labels=tuple(s.name for s in rfm.KIT_SEGMENTS),
        wrong_type=msg("Answer with the segment name in quotes, e.g. \"new\".", "请用引号写出细分名称，例如 \"new\"。"),
        unknown=msg("Use one of the kit's segment names: {labels}.", "请用课程的细分名称之一：{labels}。"),
        correct=msg("Right: read the scores, then the first matching rule of rfm.KIT_SEGMENTS.",
                    "对了：先读得分，再找 rfm.KIT_SEGMENTS 里第一条符合的规则。"),
        mistakes=[Mistake(lambda s, r: s in ("vip", "regular", "potential"), msg(
            "That is a tier. The task asks for the segment (one of the names in rfm.KIT_SEGMENTS).",
            "这是客户等级。题目问的是客户细分（rfm.KIT_SEGMENTS 里的名称之一）。"))],
        otherwise=msg("Look up the customer's r_score, f_score and m_score and walk down rfm.KIT_SEGMENTS: the first "
                      "rule that matches wins.",
                      "查出这位客户的 r_score、f_score 和 m_score，再沿着 rfm.KIT_SEGMENTS 往下找：第一条符合的规则就是答案。"),
        hints=[msg("Find the customer's row in `scores` and read the three scores.", "在 `scores` 里找到这位客户的行，读出三个得分。"),
               msg("Walk down rfm.KIT_SEGMENTS in order; each rule gives ranges (low, high) for R, F and M.",
                   "按顺序看 rfm.KIT_SEGMENTS；每条规则给出 R、F、M 的范围（下限, 上限）。")],
    ),
    NumberTask(
        "task4", points=2, reference=lambda r: r.summary.loc["champions", "value_share"], tolerance=5e-4,
        wrong_type=msg("Store one number between 0 and 1.", "请存一个 0 到 1 之间的数。"),
        guards=[Mistake(lambda x, r: "champions" not in r.summary.index, msg(
            "This data has no champions; ask your trainer.", "这份数据里没有核心客户（champions）；请问你的培训师。"),
            status="error")],
        correct=msg("That is the champions' share of revenue.", "这就是核心客户（champions）的销售额占比。"),
        mistakes=[
            percent_mistake(msg("Give the share as a fraction (0.5), not a percentage (50).",
                                "占比请写成小数（0.5），不要写百分数（50）。")),
            near(lambda r: r.summary.loc["champions", "customer_share"], msg(
                "That is the champions' share of *customers*. The task asks for their share of *revenue*.",
                "这是核心客户占*客户数*的比例。题目问的是他们占*销售额*的比例。")),
        ],
        otherwise=msg("Make rfm.segment_summary(result, result[\"segment\"]) and read value_share in the row \"champions\".",
                      "用 rfm.segment_summary(result, result[\"segment\"]) 做汇总，读 \"champions\" 行的 value_share。"),
        hints=[msg("rfm.segment_summary(result, result[\"segment\"]) has one row per segment.",
                   "rfm.segment_summary(result, result[\"segment\"]) 每个细分一行。"),
               msg("Read the column value_share in the row \"champions\".", "读 \"champions\" 行的 value_share 列。")],
    ),
    ChoiceTask(
        "task5", points=2, salt=SALT,
        answer_digest="ce2640ebc0ec898568b2235745f58381b5187019b3ad2d2aee43c12965d1174f",
        correct=msg("They were among the best customers and have gone quiet: a person should find out why, now.",
                    "他们曾是最好的客户之一，现在却沉默了：应该马上有人去了解原因。"),
        why={
            "f732b694511319f54c67fc32a6ed1689e58777cfbb0365bdcd05bfd91577ef93": msg(
                "A mass discount treats your best past customers like everybody else and costs margin. "
                "What would you do for a key account that stopped ordering?",
                "群发折扣把你过去最好的客户当成普通人对待，还损失毛利。一个关键客户突然不下单了，你会怎么做？"),
            "e70273c25d1e1f9f88768c8366cefe4a26f8d5238fe278628055d3af2f0060a9": msg(
                "Waiting is how 'can't lose' becomes 'lost'. Their recency score is already low.",
                "再等下去，“不能失去”就会变成“已经失去”。他们的最近一次消费得分已经很低了。"),
        },
        hints=[msg("Their R score is 1–2 but F and M are 4–5. What does that history deserve?",
                   "他们的 R 分是 1–2，但 F 和 M 是 4–5。这样的历史值得怎样对待？")],
    ),
    WrittenTask("task6", points=3, hints=[msg(
        "For the segment you chose: the goal, the first action, who owns it and how you will measure it.",
        "针对你选的细分：目标是什么、第一步做什么、由谁负责、怎么衡量。")]),
)


def make_checks(transactions: pd.DataFrame | None = None, *, lang: str = "en") -> Checks:
    """The checks of exercise 04 against ``transactions`` (default: the synthetic company).

    Parameters
    ----------
    transactions : DataFrame, optional
        Columns ``customer_id``, ``date``, ``revenue``.
    lang : {"en", "zh"}
        Language of the feedback and hints.

    Returns
    -------
    Checks

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["C00084", "C00084", "x"],
    ...                    "date": pd.to_datetime(["2025-01-01", "2025-01-05", "2025-01-02"]),
    ...                    "revenue": [10.0, 20.0, 5.0]})
    >>> check = make_checks(tx)
    >>> check.task1.evaluate(1, 2, 30).status, check.task1.evaluate(1, 2, 15).status
    ('correct', 'incorrect')
    """
    return Checks(TASKS, Reference(transactions), lang=lang)


#: The checks used by ``exercises/04_rfm.ipynb``.
check = make_checks()
