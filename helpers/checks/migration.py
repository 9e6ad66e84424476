"""Self-checks for exercise 08 (tier migration, 客户分级动态调整) on the synthetic company.

In the exercise notebook::

    from helpers.checks.migration import TEN, check
    check.task1(by_hand)
    check.hint(1)

:class:`Reference` builds the matrices with :mod:`helpers.migration`; ``TASKS`` says what
each task compares and which known mistakes it names. The multiple-choice answer is stored
only as a salted digest.
"""

from __future__ import annotations

from functools import cached_property

import numpy as np
import pandas as pd

from helpers import migration
from helpers._common import CLASSES
from helpers.checks._reference import CompanyReference
from helpers.checks.core import (Checks, ChoiceTask, FrameTask, Mistake, NumberTask, Task, WrittenTask, close, msg,
                                 near, percent_mistake)

#: The exercise this table belongs to.
EXERCISE = "08_migration"
#: Salt of the multiple-choice digests (see :func:`helpers.checks.core.choice_digest`).
SALT = "tiering-kit/08_migration"
#: The period length of tasks 2 and 3, in months.
MONTHS = 6

#: The ten customers of task 1: their ABC class at two half-year ends (``None``: no purchase that half-year).
TEN: pd.DataFrame = pd.DataFrame(
    {"before": ["A", "A", "A", "B", "B", "C", "C", "C", None, None],
     "after": ["A", "A", "C", "A", None, "B", "C", None, "A", "C"]},
    index=pd.Index([f"P{i:02d}" for i in range(1, 11)], name="customer_id"),
)


class Reference(CompanyReference):
    """What the exercise-08 answers are compared with (computed on the first check).

    Parameters
    ----------
    transactions : DataFrame, optional
        Default: the synthetic company's.

    Examples
    --------
    >>> Reference().by_hand.loc["new"].tolist()      # the ten customers need no data
    [1, 0, 1, 0]
    """

    @cached_property
    def by_hand(self) -> pd.DataFrame:
        """Task 1: the count matrix of the ten customers."""
        return migration.transition_matrix(TEN["before"], TEN["after"], tiers=CLASSES)

    @cached_property
    def history(self) -> pd.DataFrame:
        """ABC classes at every half-year end."""
        return migration.tier_history(self.tx, rule="abc", months=MONTHS)

    def counts(self, first: int = -2) -> pd.DataFrame:
        """The count matrix from half-year ``first`` to the next (default: the last two half-years)."""
        return migration.transition_matrix(self.history.iloc[:, first], self.history.iloc[:, first + 1])

    @cached_property
    def latest(self) -> pd.DataFrame:
        """The count matrix of the last two half-years."""
        return self.counts(-2)

    def lapse(self, tier: str = "A", counts: pd.DataFrame | None = None) -> float:
        """Lapse rate of ``tier`` in ``counts`` (default: the last two half-years)."""
        counts = self.latest if counts is None else counts
        return float(counts.loc[tier, migration.LAPSED] / counts.loc[tier].sum())

    def kappa(self, weights: str | None = "linear") -> float:
        """Weighted κ between the last two half-years' classes."""
        return migration.weighted_kappa(self.history.iloc[:, -2], self.history.iloc[:, -1], weights=weights)


def _shares_given(answer: pd.DataFrame, ref: object) -> bool:
    values = answer[list(ref.expected.columns)].to_numpy(dtype=float)
    return bool(np.allclose(values.sum(axis=1), 1.0) and (values <= 1).all())


def _same_except(answer: pd.DataFrame, ref: object, row: str | None = None, column: str | None = None) -> bool:
    """The answer equals the reference everywhere except a row or column left at zero."""
    expected = ref.expected.copy()
    got = answer.reindex(index=expected.index.astype(str))[list(expected.columns)].astype(float)
    if row is not None:
        expected.loc[row] = 0
    if column is not None:
        expected[column] = 0
    return bool(np.allclose(got.to_numpy(), expected.to_numpy(dtype=float)))


TASKS: tuple[Task, ...] = (
    FrameTask(
        "task1", points=3, reference=lambda r: r.by_hand, columns=("A", "B", "C", "lapsed"), tolerance=0,
        wrong_type=msg("Store a table (DataFrame) built with pd.DataFrame(...); you stored a {type}.",
                       "请用 pd.DataFrame(...) 做一张表（DataFrame）；你存的是 {type}。"),
        missing_columns=msg(
            "The matrix has no column(s) {missing}. Columns are the classes *after* (A, B, C) and \"lapsed\" for the "
            "customers with no purchase after; rows are the classes *before* and \"new\". Did you swap rows and columns?",
            "矩阵缺少这些列：{missing}。列是*期末*的类别（A、B、C），再加上期末没有购买的 \"lapsed\"；"
            "行是*期初*的类别，再加上 \"new\"。是不是把行和列弄反了？"),
        missing=msg(
            "A row is missing: the matrix needs the rows A, B, C and \"new\" (customers with no class before). "
            "Pass index=[\"A\", \"B\", \"C\", \"new\"].",
            "少了一行：矩阵要有 A、B、C 和 \"new\"（期初没有类别的客户）这几行。请传入 index=[\"A\", \"B\", \"C\", \"new\"]。"),
        correct=msg("Every customer sits in exactly one cell: the ten counts add up to 10.",
                    "每位客户恰好落在一个格子里：十个计数加起来正好是 10。"),
        mistakes=[
            Mistake(_shares_given, msg(
                "Your rows add up to 1: those are shares. The task asks for counts of customers (whole numbers).",
                "你的每一行加起来等于 1：这是占比。题目要的是客户人数（整数）。")),
            Mistake(lambda a, r: _same_except(a, r, row="new"), msg(
                "The \"new\" row is empty, but two customers had no class before and a class after: they are new. "
                "Leaving them out is the classic mistake that makes projections shrink to zero.",
                "\"new\" 这一行是空的，但有两位客户期初没有类别、期末有：他们是新增客户。"
                "漏掉他们正是会让预测一路萎缩到零的经典错误。")),
            Mistake(lambda a, r: _same_except(a, r, column="lapsed"), msg(
                "The \"lapsed\" column is empty, but some customers had a class before and none after: count them there.",
                "\"lapsed\" 这一列是空的，但有些客户期初有类别、期末没有：把他们记在这一列。")),
        ],
        otherwise=msg("Count again: for each customer, find the row of their class before (\"new\" if none) and the "
                      "column of their class after (\"lapsed\" if none), and add 1 to that cell.",
                      "再数一遍：每位客户，先找期初类别所在的行（没有就是 \"new\"），再找期末类别所在的列"
                      "（没有就是 \"lapsed\"），给那个格子加 1。"),
        hints=[msg("Rows: A, B, C, new. Columns: A, B, C, lapsed. Each customer adds 1 to one cell.",
                   "行：A、B、C、new。列：A、B、C、lapsed。每位客户给一个格子加 1。"),
               msg("P01 was A before and A after: cell (A, A). P09 had no class before and A after: cell (new, A).",
                   "P01 期初是 A、期末是 A：记在 (A, A)。P09 期初没有类别、期末是 A：记在 (new, A)。"),
               msg("You can check your counts with migration.transition_matrix(TEN[\"before\"], TEN[\"after\"]), "
                   "after you have counted by hand.",
                   "手工数完之后，可以用 migration.transition_matrix(TEN[\"before\"], TEN[\"after\"]) 核对。")],
    ),
    NumberTask(
        "task2", points=2, reference=lambda r: r.lapse("A"), tolerance=1e-3,
        wrong_type=msg("Store one number, a share between 0 and 1; you stored a {type}.",
                       "请存一个数：0 到 1 之间的占比；你存的是 {type}。"),
        correct=msg("That share of last half-year's A customers bought nothing in the next half-year.",
                    "上半年的 A 类客户中，有这么大比例在下半年一次也没有买。"),
        mistakes=[
            percent_mistake(),
            Mistake(lambda x, r: x > 1 and close(x, float(r.latest.loc["A", "lapsed"]), 0.5), msg(
                "That is the number of A customers who lapsed. Divide it by the number of A customers before.",
                "这是未复购的 A 类客户人数。请再除以期初 A 类客户的人数。")),
            near(lambda r: float(r.latest.loc["A", "lapsed"] / r.latest["lapsed"].sum()), msg(
                "That is the share of the lapsed customers who were A (a column share). The lapse rate of A is a row "
                "share: lapsed A customers divided by all A customers before.",
                "这是未复购客户中 A 类所占的比例（按列算的占比）。A 类的未复购率按行算：未复购的 A 类客户除以期初全部 A 类客户。")),
            near(lambda r: float(r.latest.loc["A", "lapsed"] / r.latest.loc[list(CLASSES)].to_numpy().sum()), msg(
                "You divided by every customer tiered before. Divide by the A customers only.",
                "你除以的是期初全部已分级客户。请只除以 A 类客户。")),
            near(lambda r: r.lapse("A", r.counts(0)), msg(
                "That is the first transition (2024). Use the last two half-years: the last two columns of the history.",
                "这是第一次迁移（2024 年）。请用最近的两个半年：历史表的最后两列。")),
        ],
        otherwise=msg("Build the history with months=6, take its last two columns, and divide the (A, lapsed) cell "
                      "by the A row's total.",
                      "用 months=6 生成历史表，取最后两列，再用 (A, lapsed) 格子的人数除以 A 这一行的合计。"),
        hints=[msg("history = migration.tier_history(transactions, months=6); before, after = its last two columns.",
                   "history = migration.tier_history(transactions, months=6)；before、after 是它的最后两列。"),
               msg("With shares=True the matrix already holds row shares: read the cell (A, lapsed).",
                   "加上 shares=True，矩阵里就是按行的占比：读 (A, lapsed) 这个格子。")],
    ),
    NumberTask(
        "task3", points=2, reference=lambda r: r.kappa("linear"), tolerance=1e-3,
        wrong_type=msg("Store one number (κ); you stored a {type}.", "请存一个数（κ）；你存的是 {type}。"),
        correct=msg("Well above 0 and far from 1: the classes mean something from one half-year to the next, "
                    "but customers do move.",
                    "明显大于 0 又远小于 1：类别在半年与半年之间是有意义的，但客户确实会流动。"),
        mistakes=[
            near(lambda r: r.kappa(None), msg(
                "That is Cohen's unweighted κ: a move from A to C counts the same as A to B. Pass weights=\"linear\".",
                "这是不加权的 κ：A 到 C 和 A 到 B 算得一样。请传入 weights=\"linear\"。")),
            near(lambda r: r.kappa("quadratic"), msg(
                "That is the quadratic weighting. The task asks for linear weights.",
                "这是二次加权。题目要的是线性加权。")),
            near(lambda r: migration.spearman_rho(r.history.iloc[:, -2], r.history.iloc[:, -1]), msg(
                "That is Spearman's ρ, a rank correlation. Use migration.weighted_kappa.",
                "这是斯皮尔曼 ρ（排名相关）。请用 migration.weighted_kappa。")),
        ],
        otherwise=msg("Call migration.weighted_kappa(before, after, weights=\"linear\") with the same two columns as "
                      "in task 2.",
                      "用第 2 题的两列调用 migration.weighted_kappa(before, after, weights=\"linear\")。"),
        hints=[msg("κ compares the customers classified both times; the function leaves out new and lapsed ones.",
                   "κ 只比较两次都有类别的客户；函数会自动排除新增和未复购的客户。"),
               msg("kappa = migration.weighted_kappa(before, after, weights=\"linear\")",
                   "kappa = migration.weighted_kappa(before, after, weights=\"linear\")")],
    ),
    ChoiceTask(
        "task4", points=2, salt=SALT,
        answer_digest="f9f609742dd78bbc7d2bb64141088dea2cac140ada99280c1fdeab14066e4062",
        correct=msg("Without the inflow of new customers the chain only loses people; add the new row and the "
                    "number of new customers per period, and the projection settles.",
                    "没有新增客户流入，这条马尔可夫链只会不断流失客户；加上 new 这一行和每期新增的客户数，预测就会稳定下来。"),
        why={
            "be536eec4c0099c3b440466fc6b7dff5a79b790f504e5937076846cd41f16f84": msg(
                "A stricter rule moves customers between tiers, but the total still falls only if nobody joins.",
                "规则严一些只会让客户在各级之间移动；总人数一路下降，是因为没有人加入。"),
            "e6e2d1b20159133ca1e1ebe89067abe1a16cbe38b72967e4c380e4df590db051": msg(
                "The matrix shows customers moving up as well as down; the total falls because lapsed customers are "
                "never replaced.",
                "矩阵里既有降级也有升级；总人数下降，是因为流失的客户从来没有人补上。"),
        },
        hints=[msg("Look at the total: where do customers leave the chain, and where would they enter it?",
                   "看看总人数：客户从哪里离开这条链，又该从哪里进来？")],
    ),
    WrittenTask("task5", points=3, hints=[
        msg("The lapse rate alone is not enough: what is a customer of each tier worth?",
            "只看未复购率是不够的：每一级的客户值多少钱？"),
        msg("Multiply customers × lapse rate × customer value per tier and compare.",
            "按级别算一算：客户数 × 未复购率 × 客户价值，再比较。"),
    ]),
)


def make_checks(transactions: pd.DataFrame | None = None, *, lang: str = "en") -> Checks:
    """The checks of exercise 08 against ``transactions`` (default: the synthetic company).

    Parameters
    ----------
    transactions : DataFrame, optional
        Columns ``customer_id``, ``date``, ``revenue``; default the shipped data.
    lang : {"en", "zh"}
        Language of the feedback and hints.

    Returns
    -------
    Checks

    Examples
    --------
    >>> check = make_checks()
    >>> right = migration.transition_matrix(TEN["before"], TEN["after"], tiers="ABC")
    >>> check.task1.evaluate(right).status, check.task1.evaluate(right.T).status, check.task1.evaluate(...).status
    ('correct', 'incorrect', 'unanswered')
    """
    return Checks(TASKS, Reference(transactions), lang=lang)


#: The checks used by ``exercises/08_migration.ipynb``.
check = make_checks()
