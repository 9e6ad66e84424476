"""Self-checks for exercise 12 (Capstone: tier your own customers, 综合实战：为你自己的客户分级) on the synthetic company.

In the exercise notebook::

    from helpers.checks.capstone import check
    check.task1(n_active)
    check.hint(1)

:class:`Reference` computes the activity table with :mod:`helpers.capstone`; ``TASKS`` says
what each task compares and which known mistakes it names.
"""

from __future__ import annotations

from functools import cached_property

import pandas as pd

from helpers import capstone
from helpers.checks._reference import CompanyReference
from helpers.checks.core import Checks, CountTask, Mistake, Task, WrittenTask, msg

#: The exercise this table belongs to.
EXERCISE = "12_capstone"


class Reference(CompanyReference):
    """What the exercise-12 answers are compared with (computed on the first check).

    Parameters
    ----------
    transactions : DataFrame, optional
        Default: the synthetic company's.

    Examples
    --------
    >>> ref = Reference(pd.DataFrame({"customer_id": ["a", "b", "a"], "revenue": [10.0, 5.0, 3.0],
    ...                               "date": pd.to_datetime(["2025-01-01", "2025-02-01", "2025-03-01"])}))
    >>> ref.table.index.tolist()
    ['a', 'b']
    """

    @cached_property
    def table(self) -> pd.DataFrame:
        """Purchases and value per customer in the year before the analysis date."""
        return capstone.tier_list(self.tx)


TASKS: tuple[Task, ...] = (
    CountTask(
        "task1", points=2, reference=lambda r: len(r.table),
        wrong_type=msg("Store one whole number, the count of customers; you stored a {type}.",
                       "请存一个整数，即客户数；你存的是 {type}。"),
        guards=[
            Mistake(lambda n, r: n < 0, msg("A count of customers cannot be negative.", "客户数不可能是负数。")),
        ],
        mistakes=[
            Mistake(lambda n, r: n == int(r.table["purchase_days"].sum()), msg(
                "You counted purchases. Count customers: one row of the table per customer.",
                "你数的是购买次数。请数客户：表中每位客户一行。")),
            Mistake(lambda n, r: n == len(r.tx), msg(
                "You counted the rows of the transaction table. Count the rows of the activity table.",
                "你数的是交易表的行数。请数活跃表的行数。")),
            Mistake(lambda n, r: n == r.tx["customer_id"].nunique(), msg(
                "That is every customer who ever bought. Keep only the year before the analysis date.",
                "这是所有买过东西的客户。只保留分析日期前一年内的客户。")),
        ],
        correct=msg("That is the number of customers who bought in the window.",
                    "对：这就是窗口期内购买过的客户数。"),
        otherwise=msg("Count the rows of the table that window_activity returns.",
                      "请数一数 window_activity 返回的表有多少行。"),
        hints=[msg("The table has one row per active customer.", "表中每位活跃客户占一行。"),
               msg("Make the table with window_activity(transactions) first.",
                   "先用 window_activity(transactions) 生成这张表。"),
               msg("len(table) counts the rows of a table.", "len(table) 可以数出表的行数。")],
    ),
    WrittenTask("task2", points=2, hints=[
        msg("Name one action you would take for these customers.", "写出你会对这些客户采取的一个具体做法。"),
        msg("Give a reason based on the share of value they bring.", "用他们贡献的价值占比说明理由。"),
    ]),
)


def make_checks(transactions: pd.DataFrame | None = None, *, lang: str = "en") -> Checks:
    """The checks of exercise 12 against ``transactions`` (default: the synthetic company).

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
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "a"], "revenue": [10.0, 5.0, 3.0],
    ...                    "date": pd.to_datetime(["2025-01-01", "2025-02-01", "2025-03-01"])})
    >>> check = make_checks(tx)
    >>> check.task1.evaluate(2).status, check.task1.evaluate(3).status, check.task1.evaluate(...).status
    ('correct', 'incorrect', 'unanswered')
    """
    return Checks(TASKS, Reference(transactions), lang=lang)


#: The checks used by ``exercises/12_capstone.ipynb``.
check = make_checks()
