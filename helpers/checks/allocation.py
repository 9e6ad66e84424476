"""Self-checks for exercise 09 (resource allocation per tier, 资源配置) on the synthetic company.

In the exercise notebook::

    from helpers.checks.allocation import check
    check.task2(split)     # ✅ / ❌ with a specific hint / ⏳ not answered yet
    check.hint(2)

Task 6 is a written answer graded by the trainer with the rubric in the solution.
:class:`Reference` builds the tiers, today's budget and the response curves with
:mod:`helpers.allocation` (the notebook's assumptions, which are the defaults of
:func:`helpers.allocation.assumed_curves`); ``TASKS`` names the likely mistakes.
"""

from __future__ import annotations

from functools import cached_property

import numpy as np
import pandas as pd

from helpers import allocation, loyalty, relationship
from helpers._common import default_as_of
from helpers.checks._reference import CompanyReference
from helpers.checks.core import (
    Checks, ChoiceTask, Mistake, NumberTask, SeriesTask, Task, WrittenTask, close, msg, near,
)

#: The exercise this table belongs to.
EXERCISE = "09_allocation"
#: Salt of the multiple-choice digests (``python -m helpers.checks digest allocation task5 <letter>``).
SALT = "tiering-kit/09_allocation"
#: The budget the exercise asks learners to split (¥): the sales director's figure for next year.
NEXT_YEAR_BUDGET = 250_000.0


class Reference(CompanyReference):
    """What the exercise-09 answers are compared with (computed on the first check).

    Parameters
    ----------
    transactions, customers, contacts : DataFrame, optional
        Default: the synthetic company's tables.

    Examples
    --------
    >>> customers = pd.DataFrame({"customer_id": ["a", "b"], "membership": ["VIP", "member"]})
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "order_id": ["1", "2"], "revenue": [100.0, 50.0],
    ...                    "cost": [60.0, 40.0], "date": pd.to_datetime(["2025-06-01", "2025-06-02"])})
    >>> log = pd.DataFrame({"customer_id": ["a", "b"], "date": pd.to_datetime(["2025-05-01"] * 2),
    ...                     "initiated_by": ["company", "customer"], "cost_to_serve": [120.0, 25.0]})
    >>> ref = Reference(tx, customers=customers, contacts=log)
    >>> ref.budget, ref.all_contacts
    (120.0, 145.0)
    """

    @cached_property
    def as_of(self) -> pd.Timestamp:
        """The day after the last transaction."""
        return default_as_of(self.tx)

    @cached_property
    def economics(self) -> pd.DataFrame:
        """Per tier over the last year (tiers at the end of the data)."""
        tiers = loyalty.service_tiers(self.tx, customers=self.frame("customers"))
        return allocation.tier_economics(self.tx, self.as_of, tiers=tiers, contacts=self.frame("contacts"))

    @cached_property
    def curves(self) -> pd.DataFrame:
        """The response curves of the teaching notebook (default assumptions)."""
        start = self.as_of - pd.Timedelta(days=365)
        then = loyalty.service_tiers(self.tx, start, customers=self.frame("customers"))
        retention = allocation.retention_by_tier(self.tx, self.as_of, tiers=then, contacts=self.frame("contacts"))
        playbook = relationship.playbook_cost(relationship.default_playbook())
        return allocation.assumed_curves(self.economics, retention, playbook)

    def _log_window(self) -> pd.DataFrame:
        log = self.frame("contacts")
        dates = pd.to_datetime(log["date"])
        return log[(dates >= self.as_of - pd.Timedelta(days=365)) & (dates < self.as_of)]

    @cached_property
    def budget(self) -> float:
        """Company-started contact spend in the year before ``as_of`` (¥)."""
        return float(self.economics["contact_spend"].sum())

    @cached_property
    def all_contacts(self) -> float:
        """Every contact's cost in that year, customer-started ones included (¥)."""
        return float(self._log_window()["cost_to_serve"].sum())

    @cached_property
    def asked_for(self) -> float:
        """Customer-started contacts' cost in that year (¥)."""
        log = self._log_window()
        return float(log.loc[log["initiated_by"] == "customer", "cost_to_serve"].sum())

    @cached_property
    def company_whole_log(self) -> float:
        """Company-started contacts over the whole log (¥)."""
        log = self.frame("contacts")
        return float(log.loc[log["initiated_by"] == "company", "cost_to_serve"].sum())

    def split(self, budget: float | None = None) -> pd.Series:
        """The optimal split of ``budget`` (default: next year's)."""
        return allocation.optimal_split(self.curves, NEXT_YEAR_BUDGET if budget is None else budget)

    @cached_property
    def splits(self) -> pd.DataFrame:
        """Every heuristic and the optimum for next year's budget."""
        return allocation.heuristic_splits(self.curves, NEXT_YEAR_BUDGET, revenue=self.economics["revenue"])

    def total(self, split: pd.Series) -> float:
        """Expected extra value of a split (¥)."""
        return float(allocation.evaluate_split(self.curves, split)["return"].sum())

    def level(self, budget: float | None = None) -> float:
        """The marginal return shared by the funded tiers at the optimum (¥ per ¥)."""
        return allocation.equal_marginal_split(self.curves, NEXT_YEAR_BUDGET if budget is None else budget)[1]

    @cached_property
    def lost(self) -> float:
        """What the proportional-to-revenue split gives up against the optimum (¥)."""
        return self.total(self.splits["optimal"]) - self.total(self.splits["proportional_to_revenue"])


def _same_split(answer: pd.Series, other: pd.Series, tol: float = 5.0) -> bool:
    got = answer.reindex([str(t) for t in other.index])
    return bool(got.notna().all() and np.allclose(got.to_numpy(float), other.to_numpy(float), atol=tol))


_WANT_YUAN = msg("Expected one amount in ¥; you stored a {type}.", "这里需要一个金额（元），你存的是 {type}。")

TASKS: tuple[Task, ...] = (
    NumberTask(
        "task1", points=1, reference=lambda r: r.budget, tolerance=0.5, wrong_type=_WANT_YUAN,
        correct=msg("That is what the company's own contacts cost last year: the budget to split.",
                    "对：这就是去年公司主动联系的花费，也就是要分配的预算。"),
        mistakes=[
            near(lambda r: r.all_contacts, msg(
                "You added every contact, including the problem reports customers started themselves. Keep the rows "
                "with initiated_by == \"company\".",
                "你把所有联系都加进去了，包括客户自己发起的问题反馈。只保留 initiated_by == \"company\" 的行。")),
            near(lambda r: r.asked_for, msg(
                "That is the service customers asked for. The budget is what the company started itself.",
                "这是客户主动求助的服务成本。预算是公司自己发起的联系花费。")),
            near(lambda r: r.company_whole_log, msg(
                "You used the whole two-year log. Keep the 365 days before as_of.",
                "你用的是整整两年的记录。只保留 as_of 之前的 365 天。")),
        ],
        otherwise=msg("Not the amount. Company-started contacts (initiated_by == \"company\") in the 365 days before "
                      "as_of, summed over cost_to_serve; economics[\"contact_spend\"] holds it per tier.",
                      "金额不对。请把 as_of 之前 365 天里公司发起的联系（initiated_by == \"company\"）的 cost_to_serve "
                      "加总；economics[\"contact_spend\"] 里有各等级的数。"),
        hints=[msg("The budget is what the company spent on contacts it started, over the last year.",
                   "预算是过去一年公司在自己发起的联系上的花费。"),
               msg("economics[\"contact_spend\"].sum()", "economics[\"contact_spend\"].sum()")],
    ),
    SeriesTask(
        "task2", points=2, reference=lambda r: r.split(), tolerance=5.0,
        wrong_type=msg("Expected a Series of yuan per tier (what optimal_split returns); you stored a {type}.",
                       "这里需要一个按等级给出金额的 Series（optimal_split 返回的就是），你存的是 {type}。"),
        frame_message=msg("You stored a whole table. Store the Series optimal_split returns: one amount per tier.",
                          "你存的是整张表。请存 optimal_split 返回的 Series：每个等级一个金额。"),
        missing=msg("Some tiers are missing: give an amount for VIP, regular and potential.",
                    "缺少某些等级：VIP、regular 和 potential 都要有金额。"),
        correct=msg("That is the best split of next year's ¥250,000.", "对：这就是明年 25 万元预算的最优分配。"),
        mistakes=[
            Mistake(lambda s, r: _same_split(s, r.split(r.budget)), msg(
                "You split last year's budget (task 1). The director's figure for next year is ¥250,000.",
                "你分配的是去年的预算（第 1 题）。总监给明年定的是 250,000 元。")),
            Mistake(lambda s, r: _same_split(s, r.splits["proportional_to_revenue"]), msg(
                "That is the split in proportion to revenue. Let allocation.optimal_split find the best one.",
                "这是按销售额比例的分法。请用 allocation.optimal_split 求最优分配。")),
            Mistake(lambda s, r: _same_split(s, r.splits["equal_per_customer"]), msg(
                "That gives every customer the same spend. Let allocation.optimal_split find the best split.",
                "这是按人平均的分法。请用 allocation.optimal_split 求最优分配。")),
            Mistake(lambda s, r: _same_split(s, r.split() / r.curves["customers"], tol=0.05), msg(
                "Those are yuan per customer. The task asks for each tier's whole budget.",
                "这是每位客户的金额。题目要的是每个等级的总预算。")),
        ],
        otherwise=msg("Not the split. Call allocation.optimal_split(curves, 250_000) and store what it returns.",
                      "分配不对。请调用 allocation.optimal_split(curves, 250_000)，存下它的返回值。"),
        hints=[msg("The helper does the optimisation; you give it the curves and the budget.",
                   "优化由工具函数完成；你只要给它曲线和预算。"),
               msg("split = allocation.optimal_split(curves, 250_000)",
                   "split = allocation.optimal_split(curves, 250_000)")],
    ),
    NumberTask(
        "task3", points=2, reference=lambda r: r.level(), tolerance=5e-3,
        wrong_type=msg("Expected one number (¥ of return per extra ¥); you stored a {type}.",
                       "这里需要一个数字（每多投一元带来的回报），你存的是 {type}。"),
        correct=msg("At the optimum the next yuan returns the same in every funded tier.",
                    "对：在最优分配下，每个拿到预算的等级，下一元的回报都相同。"),
        mistakes=[
            near(lambda r: r.total(r.split()) / NEXT_YEAR_BUDGET, msg(
                "That is the average return per yuan of the whole budget. The task asks what the *next* yuan returns "
                "(the marginal_return column).",
                "这是整笔预算的平均每元回报。题目问的是*下一元*的回报（marginal_return 那一列）。")),
            near(lambda r: 1000 * r.level(), msg(
                "That is what the next ¥1,000 returns. Give the return of one yuan.",
                "这是再投 1,000 元的回报。请给出一元的回报。"), tol=5.0),
            Mistake(lambda x, r: any(close(x, v, 5e-3) for v in r.curves["first_return"]), msg(
                "That is a tier's *first* yuan (first_return), before any spending. Evaluate the split of task 2.",
                "这是某个等级*第一元*的回报（first_return），还没花钱时的值。请评估第 2 题的分配。")),
            near(lambda r: r.level(r.budget), msg(
                "That is the marginal return at last year's budget. Use the split of ¥250,000.",
                "这是去年预算下的边际回报。请用 250,000 元的分配。")),
        ],
        otherwise=msg("Not the value. allocation.evaluate_split(curves, split)[\"marginal_return\"] gives it per tier; "
                      "at the optimum the funded tiers share one value.",
                      "数值不对。allocation.evaluate_split(curves, split)[\"marginal_return\"] 按等级给出；"
                      "在最优分配下，拿到预算的等级是同一个值。"),
        hints=[msg("The marginal return is the slope of a tier's curve at the split: what one more yuan brings.",
                   "边际回报是曲线在该分配点的斜率：多投一元带来多少。"),
               msg("allocation.evaluate_split(curves, split)[\"marginal_return\"]",
                   "allocation.evaluate_split(curves, split)[\"marginal_return\"]")],
    ),
    NumberTask(
        "task4", points=2, reference=lambda r: r.lost, tolerance=1.0, wrong_type=_WANT_YUAN,
        correct=msg("That is what the revenue rule leaves on the table.", "对：这就是按销售额分配白白损失的价值。"),
        mistakes=[
            near(lambda r: -r.lost, msg("Right size, wrong sign: give what is *given up* as a positive amount.",
                                        "大小对了，符号反了：请把*少得*的金额写成正数。")),
            near(lambda r: r.lost / r.total(r.splits["optimal"]), msg(
                "That is a share of the optimum. The task asks for yuan.", "这是占最优回报的比例。题目要的是金额（元）。"),
                tol=5e-4),
            near(lambda r: r.total(r.splits["proportional_to_revenue"]), msg(
                "That is what the revenue rule brings. Subtract it from what the optimal split brings.",
                "这是按销售额分配带来的回报。请用最优分配的回报减去它。")),
        ],
        otherwise=msg("Not the amount. Score both splits of ¥250,000 with allocation.evaluate_split (the return "
                      "column, summed) and subtract; allocation.compare_splits does it in one step (the lost column).",
                      "金额不对。用 allocation.evaluate_split 给 250,000 元的两种分配打分（return 列求和）再相减；"
                      "allocation.compare_splits 一步就能给出（lost 列）。"),
        hints=[msg("allocation.heuristic_splits gives the revenue rule's split and the optimum side by side.",
                   "allocation.heuristic_splits 会把按销售额比例的分配和最优分配并排给出。"),
               msg("allocation.compare_splits(curves, splits).loc[\"proportional_to_revenue\", \"lost\"]",
                   "allocation.compare_splits(curves, splits).loc[\"proportional_to_revenue\", \"lost\"]")],
    ),
    ChoiceTask(
        "task5", points=2, salt=SALT,
        answer_digest="29bb598d3a165ed40b1f9f4f09eb97699fcdf1978ff069f306eee9d73a6ef6d2",
        correct=msg("The split follows what the next yuan changes, not where value already is.",
                    "分配看的是下一元能改变什么，而不是价值已经在哪里。"),
        why={
            "e78f07af2c4c5c250eb1a72ce396352e3ede4a50ee65859e3861e2de1fb03be4": msg(
                "The optimum is not equal per customer either: it spends far more per VIP than per regular customer. "
                "Compare spend_per_customer in the evaluated split.",
                "最优分配也不是按人平均：它在每位 VIP 客户身上的投入远高于常规客户。看看评估结果里的 spend_per_customer。"),
            "861c642fc7911f3d68c73e7760f26f6ab5856756f1ec4dba52e3e2bc3d050eb5": msg(
                "VIPs still get money in the optimum, more per customer than anyone. The question is what one more "
                "yuan buys there, not whether VIPs need service.",
                "最优分配仍然给了 VIP 客户预算，而且人均最多。问题在于再多投一元能换来什么，而不是 VIP 客户需不需要服务。"),
        },
        hints=[msg("Look at the half spend of each curve and at how many customers of each tier would leave.",
                   "看看每条曲线的“达到一半上限的投入”，以及每个等级有多少客户会流失。")],
    ),
    WrittenTask("task6", points=4, hints=[msg(
        "Use your numbers from tasks 2–4 and say what you would test before moving the money.",
        "用第 2–4 题的数字，并说明在挪钱之前你会先测试什么。")]),
)


def make_checks(
    customers: pd.DataFrame | None = None,
    transactions: pd.DataFrame | None = None,
    contacts: pd.DataFrame | None = None,
    *,
    lang: str = "en",
) -> Checks:
    """The checks of exercise 09 (default data: the synthetic company).

    Parameters
    ----------
    customers, transactions, contacts : DataFrame, optional
        The tables the reference is computed from.
    lang : {"en", "zh"}
        Language of the feedback and hints.

    Returns
    -------
    Checks

    Examples
    --------
    >>> customers = pd.DataFrame({"customer_id": ["a", "b"], "membership": ["VIP", "member"]})
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "order_id": ["1", "2"], "revenue": [100.0, 50.0],
    ...                    "cost": [60.0, 40.0], "date": pd.to_datetime(["2025-06-01", "2025-06-02"])})
    >>> log = pd.DataFrame({"customer_id": ["a", "b"], "date": pd.to_datetime(["2025-05-01"] * 2),
    ...                     "initiated_by": ["company", "customer"], "cost_to_serve": [120.0, 25.0]})
    >>> check = make_checks(customers, tx, log)
    >>> check.task1.evaluate(120.0).status, check.task1.evaluate(145.0).status, check.task1.evaluate(...).status
    ('correct', 'incorrect', 'unanswered')
    """
    return Checks(TASKS, Reference(transactions, customers=customers, contacts=contacts), lang=lang)


#: The checks used by ``exercises/09_allocation.ipynb``.
check = make_checks()
