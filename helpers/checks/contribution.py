"""Self-checks for exercise 03 (contribution scoring, 客户贡献度) on the synthetic company.

In the exercise notebook::

    from helpers.checks.contribution import check
    check.task3(scored)
    check.hint(3)

:class:`Reference` scores the customers with :mod:`helpers.contribution`;
``TASKS`` says what each task compares and which known mistakes it names.
"""

from __future__ import annotations

from functools import cached_property

import pandas as pd

from helpers import contribution
from helpers.checks._reference import CompanyReference
from helpers.checks.core import (
    Checks, CountTask, FrameTask, IdListTask, Mistake, Task, WrittenTask, close, msg,
)

#: The exercise this table belongs to.
EXERCISE = "03_contribution"
#: The weights the exercise asks for.
WEIGHTS: dict[str, float] = {"revenue": 0.4, "margin": 0.3, "marginal_contribution": 0.3}


class Reference(CompanyReference):
    """What the exercise-03 answers are compared with (computed on the first check).

    Parameters
    ----------
    transactions : DataFrame, optional
    contacts : DataFrame, optional
        The contact log with ``cost_to_serve``; default the synthetic company's.

    Examples
    --------
    >>> ref = Reference(pd.DataFrame({"customer_id": list("ab"), "revenue": [100.0, 60], "cost": [50.0, 20]}),
    ...                 contacts=pd.DataFrame({"customer_id": ["b"], "cost_to_serve": [50.0]}))
    >>> ref.table["marginal_contribution"].to_dict()
    {'a': 50.0, 'b': -10.0}
    """

    @cached_property
    def table(self) -> pd.DataFrame:
        """The contribution table (margin, cost to serve, marginal contribution per customer)."""
        return contribution.contribution_table(self.tx, contacts=self.frame("contacts"))

    @cached_property
    def scored(self) -> pd.DataFrame:
        """The table scored with the exercise's weights, best first."""
        return contribution.weighted_score(self.table, WEIGHTS)

    @cached_property
    def minmax(self) -> pd.DataFrame:
        """Scored with min–max scaling instead of percentiles."""
        return contribution.weighted_score(self.table, WEIGHTS, method="minmax")

    @cached_property
    def revenue_only(self) -> pd.DataFrame:
        """Scored on revenue alone."""
        return contribution.weighted_score(self.table, {"revenue": 1.0})

    @cached_property
    def overlap10(self) -> int:
        """How many customers the weighted and the revenue-only top 10 share."""
        return int(contribution.top_n_overlap(self.scored, self.revenue_only, 10)["overlap"])


def _max_gap(frame: pd.DataFrame, column: str, other: pd.Series) -> float:
    return float((frame[column] - other.reindex(frame.index)).abs().max())


TASKS: tuple[Task, ...] = (
    FrameTask(
        "task1", points=2, reference=lambda r: r.table, columns=("marginal_contribution",), tolerance=0.01,
        missing_columns=msg("The table has no marginal_contribution column. Use contribution.contribution_table.",
                            "表里没有 marginal_contribution 列。请用 contribution.contribution_table。"),
        missing=msg("Some customers are missing. Pass all transactions.", "有些客户不见了。请传入全部交易。"),
        correct=msg("Margin minus cost to serve, for every customer.", "每位客户都是毛利减去服务成本。"),
        mistakes=[Mistake(lambda f, r: _max_gap(f, "marginal_contribution", r.table["margin"]) < 0.01, msg(
            "Your marginal contribution equals the margin: the cost to serve is missing. Pass the contacts table too.",
            "你的边际贡献等于毛利：少了服务成本。请把 contacts 表也传进去。"))],
        otherwise=msg("Some values differ. Use contribution.contribution_table(transactions, contacts=contacts).",
                      "有些值不对。请用 contribution.contribution_table(transactions, contacts=contacts)。"),
        hints=[msg("Marginal contribution needs the cost to serve from the contacts log.",
                   "边际贡献要用到联系记录里的服务成本。"),
               msg("contribution.contribution_table(transactions, contacts=contacts)",
                   "contribution.contribution_table(transactions, contacts=contacts)")],
    ),
    CountTask(
        "task2", points=1, reference=lambda r: int((r.table["marginal_contribution"] < 0).sum()),
        wrong_type=msg("Store one whole number: how many customers have a negative marginal contribution.",
                       "请存一个整数：边际贡献为负的客户有多少位。"),
        correct=msg("These customers cost more to serve than they earn.", "这些客户的服务成本比他们带来的毛利还高。"),
        mistakes=[
            Mistake(lambda x, r: x == int((r.table["margin"] < 0).sum()), msg(
                "You counted negative *margin*. Count negative *marginal contribution* (after cost to serve).",
                "你数的是*毛利*为负的客户。请数*边际贡献*（扣除服务成本后）为负的客户。")),
            Mistake(lambda x, r: 0 < x < 1, msg("That looks like a share; the task asks for a number of customers.",
                                                "这看起来是占比；题目问的是客户人数。")),
        ],
        otherwise=msg("Count the rows where marginal_contribution < 0.", "数一数 marginal_contribution < 0 的行。"),
        hints=[msg("A customer costs more than they bring when marginal_contribution is below zero.",
                   "marginal_contribution 小于 0，说明这位客户的成本高于贡献。"),
               msg("(table[\"marginal_contribution\"] < 0).sum()", "(table[\"marginal_contribution\"] < 0).sum()")],
    ),
    FrameTask(
        "task3", points=2, reference=lambda r: r.scored, columns=("score",), tolerance=1e-6,
        wrong_type=msg("Expected the table returned by contribution.weighted_score (with a score column).",
                       "这里需要 contribution.weighted_score 返回的表（带 score 列）。"),
        missing_columns=msg("Expected the table returned by contribution.weighted_score (with a score column).",
                            "这里需要 contribution.weighted_score 返回的表（带 score 列）。"),
        missing=msg("Some customers are missing: score the whole table from task 1.",
                    "有些客户不见了：请给第 1 题的整张表打分。"),
        correct=msg("Scores with weights 40/30/30, percentile method.", "按 40/30/30 的权重、百分位方法算出的得分。"),
        mistakes=[Mistake(lambda f, r: _max_gap(f, "score", r.minmax["score"]) < 1e-6, msg(
            "You used min–max scaling. The course's default, percentile, keeps one whale from squeezing everyone else.",
            "你用的是最小–最大缩放。课程默认用百分位，这样一位超级大客户不会把其他人都压扁。"))],
        otherwise=msg("Check the weights: revenue 0.4, margin 0.3, marginal_contribution 0.3.",
                      "检查权重：revenue 0.4、margin 0.3、marginal_contribution 0.3。"),
        hints=[msg("Weights are fractions that add up to 1.", "权重是加起来等于 1 的小数。"),
               msg("contribution.weighted_score(table, {\"revenue\": 0.4, \"margin\": 0.3, \"marginal_contribution\": 0.3})",
                   "contribution.weighted_score(table, {\"revenue\": 0.4, \"margin\": 0.3, \"marginal_contribution\": 0.3})")],
    ),
    IdListTask(
        "task4", points=2, reference=lambda r: list(r.scored.index[:10]), ordered=True,
        wrong_type=msg("Store the ten customer ids (a list, or the first ten rows of the scored table).",
                       "请存十个客户编号（一个列表，或打分表的前十行）。"),
        number_message=msg("Store the ten customer ids (a list, or the first ten rows of the scored table).",
                           "请存十个客户编号（一个列表，或打分表的前十行）。"),
        guards=[Mistake(lambda ids, r: len(ids) != 10, msg("You have {got} customers; the task asks for exactly 10.",
                                                           "你有 {got} 位客户；题目要的正好是 10 位。"))],
        correct=msg("The ten highest scores, best first.", "得分最高的十位，最好的在前。"),
        mistakes=[
            Mistake(lambda ids, r: set(ids) == set(r.scored.index[:10]), msg(
                "The right ten customers, in the wrong order. Sort by rank (best first).",
                "十位客户对了，顺序不对。请按排名排序（最好的在前）。")),
            Mistake(lambda ids, r: ids in (list(r.scored.index[-10:]), list(r.scored.index[-10:][::-1])), msg(
                "These are the lowest scores. Take the first ten rows: rank 1 is the best.",
                "这些是得分最低的。请取前十行：排名第 1 是最好的。")),
            Mistake(lambda ids, r: ids == list(r.revenue_only.index[:10]), msg(
                "These are the top 10 by revenue alone. Use the weighted score from task 3.",
                "这是只按销售额排的前 10 名。请用第 3 题的加权得分。")),
        ],
        otherwise=msg("Take the index of the first ten rows of `scored` (it is sorted by rank).",
                      "取 `scored` 前十行的索引（它已按排名排好）。"),
        hints=[msg("The scored table is sorted with the best customer first.", "打分表已经按得分排好，最好的客户在最前面。"),
               msg("list(scored.index[:10])", "list(scored.index[:10])")],
    ),
    CountTask(
        "task5", points=2, reference=lambda r: r.overlap10,
        wrong_type=msg("Store one whole number between 0 and 10.", "请存一个 0 到 10 之间的整数。"),
        correct=msg("That is how many customers both top-10 lists share.", "这就是两份前 10 名单共有的客户数。"),
        mistakes=[
            Mistake(lambda x, r: 0 < x <= 1 and close(x, r.overlap10 / 10, 1e-9), msg(
                "That is the share; the task asks for the number of customers.", "这是占比；题目问的是客户人数。")),
            Mistake(lambda x, r: x > 10, msg("Two lists of ten share at most 10 customers.",
                                             "两份各 10 人的名单，最多只能有 10 位共同客户。")),
        ],
        otherwise=msg("Score the table with revenue weight 1.0, take its top 10, and count the ids that are also in your top10.",
                      "用销售额权重 1.0 再打一次分，取前 10 名，数一数其中有几位也在你的 top10 里。"),
        hints=[msg("Make a second ranking with {\"revenue\": 1.0}.", "用 {\"revenue\": 1.0} 再排一次名。"),
               msg("contribution.top_n_overlap(scored, revenue_only, 10)[\"overlap\"]",
                   "contribution.top_n_overlap(scored, revenue_only, 10)[\"overlap\"]")],
    ),
    WrittenTask("task6", points=3, hints=[msg(
        "Who should agree on the weights, and why can a big buyer rank lower?",
        "权重应该由谁来商定？为什么销售额大的客户排名反而可能靠后？")]),
)


def make_checks(transactions: pd.DataFrame | None = None, contacts: pd.DataFrame | None = None, *,
                lang: str = "en") -> Checks:
    """The checks of exercise 03 (default data: the synthetic company).

    Parameters
    ----------
    transactions : DataFrame, optional
    contacts : DataFrame, optional
        The contact log (``customer_id``, ``cost_to_serve``).
    lang : {"en", "zh"}
        Language of the feedback and hints.

    Returns
    -------
    Checks

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": list("abc"), "revenue": [100.0, 60, 20], "cost": [50.0, 20, 10]})
    >>> sv = pd.DataFrame({"customer_id": ["c"], "cost_to_serve": [30.0]})
    >>> check = make_checks(tx, sv)
    >>> check.task2.evaluate(1).status, check.task2.evaluate(0).status
    ('correct', 'incorrect')
    """
    return Checks(TASKS, Reference(transactions, contacts=contacts), lang=lang)


#: The checks used by ``exercises/03_contribution.ipynb``.
check = make_checks()
