"""Self-checks for exercise 01 (the 80/20 rule, 二八定律) on the synthetic company.

In the exercise notebook::

    from helpers.checks.pareto import check
    check.task2(top20)   # ✅ / ❌ with a specific hint / ⏳ not answered yet
    check.hint(2)

The expected values come from :class:`Reference` (computed from the shipped data
with :mod:`helpers.pareto`); the ``TASKS`` table says what each task compares
and which known mistakes it recognises (percent instead of share, order lines
instead of customers, bottom instead of top …). Feedback never shows the value.
"""

from __future__ import annotations

from functools import cached_property

import numpy as np
import pandas as pd

from helpers import pareto
from helpers.checks._reference import CompanyReference
from helpers.checks.core import (
    Checks, CountTask, FunctionTask, LabelTask, Mistake, NumberTask, SeriesTask, Task, WrittenTask, close, msg, near,
    percent_mistake,
)

#: The exercise this table belongs to.
EXERCISE = "01_pareto"

#: The answer letters of task 6 and the range of the top-20% share each statement claims
#: (the right letter follows from the data; the statements are in the exercise text).
TASK6_OPTIONS: dict[str, tuple[float, float]] = {
    "a": (0.80, 1.00),  # the 80/20 rule holds (or is beaten)
    "b": (0.50, 0.80),  # concentrated, but less than the slogan
    "c": (0.00, 0.50),  # spread out: the top fifth bring less than half
}


class Reference(CompanyReference):
    """What the exercise-01 answers are compared with (computed on the first check).

    Parameters
    ----------
    transactions : DataFrame, optional
        Default: the synthetic company's.

    Examples
    --------
    >>> ref = Reference(pd.DataFrame({"customer_id": list("abcde"), "revenue": [60.0, 20, 10, 5, 5],
    ...                               "cost": [30.0, 10, 5, 4, 4]}))
    >>> ref.top_share(0.2), ref.reading
    (0.6, 'b')
    """

    def top_share(self, fraction: float = 0.2, of: str = "revenue") -> float:
        """Share of ``of`` (revenue or margin per customer) held by the top ``fraction`` of customers."""
        return pareto.top_share(getattr(self, of), fraction)

    def bottom_share(self, of: str = "revenue") -> float:
        """Share held by the *smallest* 20% of customers (the sort-the-wrong-way mistake)."""
        values = getattr(self, of)
        k = pareto.top_count(len(values), 0.2)
        return float(np.sort(values.to_numpy())[:k].sum() / values.sum())

    @cached_property
    def line_share(self) -> float:
        """Top-20% share of order lines instead of customers."""
        return pareto.top_share(self.tx["revenue"].clip(lower=0), 0.2)

    @cached_property
    def gini(self) -> float:
        """Gini coefficient of revenue per customer."""
        return pareto.gini(self.revenue)

    @cached_property
    def revenue_without_returns(self) -> float:
        """Total of the positive rows only (returns left out)."""
        return float(self.tx.loc[self.tx["revenue"] > 0, "revenue"].sum())

    @cached_property
    def pct_for_half(self) -> int:
        """The smallest whole percent of top customers holding at least half of revenue."""
        return next(p for p in range(1, 101) if pareto.top_share(self.revenue, p / 100) >= 0.5)

    @cached_property
    def reading(self) -> str:
        """The statement (letter) that matches the measured top-20% share."""
        share = self.top_share(0.2)
        return next(k for k, (low, high) in TASK6_OPTIONS.items() if low <= share < high or (high == 1.0 and share >= low))


def _total(answer: pd.Series) -> float:
    return float(pd.to_numeric(answer, errors="coerce").sum())


def _share_task(name: str, points: int, of: str, hints: list[dict[str, str]]) -> NumberTask:
    """Tasks 2 and 4: the top-20% share of revenue or of margin per customer."""
    mistakes = [
        percent_mistake(),
        Mistake(lambda x, r: x > 1, msg("A share is a fraction between 0 and 1: yours is larger than 1.",
                                        "占比是 0 到 1 之间的小数，你的结果大于 1。")),
        near(lambda r: 0.2, msg("0.2 is the share of *customers*. The question asks what share of the *value* they hold.",
                                "0.2 是*客户数*的占比。题目问的是这些客户贡献了多少*价值*。"), tol=1e-9),
        near(lambda r: r.bottom_share(of), msg(
            "You took the smallest customers. Sort from the largest down (or use pareto.top_share).",
            "你取的是贡献最小的客户。请从大到小排序（或直接用 pareto.top_share）。")),
    ]
    if of == "margin":
        mistakes.append(near(lambda r: r.top_share(0.2), msg(
            "That is the revenue share again. Compute margin = revenue − cost per customer first.",
            "这还是销售额的占比。请先按客户算出毛利 = 销售额 − 成本。")))
    mistakes.append(near(lambda r: r.line_share, msg(
        "You ranked order lines, not customers. Use the per-customer totals.",
        "你排序的是订单行，不是客户。请用每位客户的合计。")))
    return NumberTask(
        name, points=points, reference=lambda r: r.top_share(0.2, of), tolerance=5e-4,
        wrong_type=msg("Expected one number (a share such as 0.42); you stored a {type}.",
                       "这里需要一个数字（例如占比 0.42），你存的是 {type}。"),
        correct=msg("That is the share of the top fifth of customers.", "这就是前五分之一客户的贡献占比。"),
        mistakes=mistakes,
        otherwise=msg("Not the share of the top 20% of customers. Check that you pass the per-customer totals and fraction=0.2.",
                      "这不是前 20% 客户的占比。检查一下：传入的是每位客户的合计吗？fraction 是 0.2 吗？"),
        hints=hints,
    )


def _reference_top_share(values: list[float], fraction: float) -> float:
    return pareto.top_share(values, fraction)


def _floor_k_share(values: list[float], fraction: float) -> float | None:
    k, floor_k = pareto.top_count(len(values), fraction), max(1, int(fraction * len(values)))
    return None if floor_k == k else sum(sorted(values, reverse=True)[:floor_k]) / sum(values)


TASKS: tuple[Task, ...] = (
    SeriesTask(
        "task1", points=1, reference=lambda r: r.revenue, tolerance=0.01,
        frame_message=msg("You stored a whole table. Keep one column: the revenue per customer (a Series).",
                          "你存的是整张表。只保留一列：每位客户的销售额（一个 Series）。"),
        wrong_type=msg("Expected a pandas Series with one value per customer; you stored a {type}.",
                       "这里需要一个 pandas Series，每位客户一个值；你存的是 {type}。"),
        guards=[
            Mistake(lambda s, r: len(s) == len(r.tx), msg(
                "You have one value per order line. Add the lines up per customer (group by customer_id).",
                "你得到的是每个订单行一个值。请按客户把订单行加总（按 customer_id 分组）。")),
            Mistake(lambda s, r: len(s) != len(r.revenue), msg(
                "You have {got:,} values, but the company has a different number of buying customers. "
                "Group by customer_id over all transactions.",
                "你有 {got:,} 个值，但公司有购买记录的客户数不是这个。请用全部交易按 customer_id 分组。")),
        ],
        missing=msg("Some customer ids are not the company's. Group all transactions by customer_id.",
                    "有些客户编号不是公司的客户。请把全部交易按 customer_id 分组。"),
        correct=msg("One total per customer, returns included.", "每位客户一个合计，退货也算在内。"),
        mistakes=[
            Mistake(lambda s, r: close(_total(s), r.revenue_without_returns, 0.01), msg(
                "Your totals leave out the returns (negative rows). Keep every row: returns reduce what a customer brought.",
                "你的合计漏掉了退货（负数行）。保留所有行：退货会减少客户带来的销售额。")),
            Mistake(lambda s, r: not close(_total(s), float(r.revenue.sum()), 0.01), msg(
                "The totals do not add up to the company's revenue. Did you add up the 'revenue' column?",
                "合计加起来不等于公司的销售额。你加总的是 'revenue' 列吗？")),
        ],
        otherwise=msg("The grand total is right, but some customers' totals differ. Group all rows by customer_id.",
                      "总额对了，但有些客户的合计不对。请把所有行按 customer_id 分组。"),
        hints=[msg("Each transaction row belongs to a customer; you need one total per customer.",
                   "每一行交易属于一位客户；你需要的是每位客户一个合计。"),
               msg("pareto.value_by_customer(transactions, amount=\"revenue\") adds the rows up per customer.",
                   "pareto.value_by_customer(transactions, amount=\"revenue\") 会按客户加总。")],
    ),
    _share_task("task2", 2, "revenue", [
        msg("The share of the top 20% is what the top fifth of customers bring, divided by the total.",
            "前 20% 的占比 = 前五分之一客户贡献的金额 ÷ 总额。"),
        msg("pareto.top_share(values, fraction=0.2) does the sorting and dividing for you.",
            "pareto.top_share(values, fraction=0.2) 会帮你排序并相除。"),
    ]),
    NumberTask(
        "task3", points=2, reference=lambda r: r.gini, tolerance=5e-4,
        correct=msg("That is the Gini coefficient of revenue per customer.", "这就是客户销售额的基尼系数。"),
        mistakes=[
            Mistake(lambda x, r: not 0 <= x < 1, msg(
                "A Gini coefficient lies between 0 (all equal) and 1 (one customer holds everything).",
                "基尼系数在 0（人人相同）和 1（一位客户占了全部）之间。")),
            near(lambda r: r.top_share(0.2), msg("That is the top-20% share, not the Gini coefficient. Use pareto.gini().",
                                                 "这是前 20% 客户的占比，不是基尼系数。请用 pareto.gini()。")),
            near(lambda r: 1 - r.gini, msg("You computed 1 − Gini. The Gini grows with inequality.",
                                           "你算的是 1 − 基尼系数。基尼系数越大，越不平均。")),
        ],
        otherwise=msg("Not the Gini of revenue per customer. Pass the Series from task 1 to pareto.gini().",
                      "这不是客户销售额的基尼系数。把第 1 题得到的 Series 传给 pareto.gini()。"),
        hints=[msg("The Gini coefficient summarises the whole Lorenz curve in one number.",
                   "基尼系数用一个数概括整条洛伦兹曲线。"),
               msg("pareto.gini(values) takes the per-customer totals from task 1.",
                   "pareto.gini(values) 的参数是第 1 题的客户合计。")],
    ),
    _share_task("task4", 2, "margin", [
        msg("Margin = revenue − cost, first for each row, then added up per customer.",
            "毛利 = 销售额 − 成本：先逐行计算，再按客户加总。"),
        msg("Add a column with transactions.assign(margin=...), then use value_by_customer(..., amount=\"margin\").",
            "用 transactions.assign(margin=...) 加一列，再用 value_by_customer(..., amount=\"margin\")。"),
    ]),
    CountTask(
        "task5", points=2, reference=lambda r: r.pct_for_half,
        wrong_type=msg("Record a whole number of percent, e.g. 12 for 12%.", "请填一个整数百分数，例如 12 表示 12%。"),
        guards=[Mistake(lambda x, r: 0 < x < 1, msg(
            "Record the slider position in percent (a whole number such as 12), not a fraction.",
            "请填滑块位置的百分数（例如 12 这样的整数），不要填小数。"))],
        correct=msg("That is the smallest slice of customers holding half the revenue.",
                    "这就是贡献一半销售额所需的最少客户比例。"),
        mistakes=[Mistake(lambda x, r: x > r.expected, msg(
            "At that position the top customers hold at least half, but a smaller slice already does. "
            "Move the slider down until the share drops below 50%, then one step back up.",
            "在这个位置，头部客户确实贡献了至少一半，但更小的比例就已经够了。把滑块往下拖，直到占比低于 50%，再往回拖一格。"))],
        otherwise=msg("At that position the top customers hold less than half of revenue. Move the slider up.",
                      "在这个位置，头部客户贡献的销售额不到一半。把滑块往上拖。"),
        hints=[msg("Drag the slider and watch the sentence under it.", "拖动滑块，留意下面那句话的变化。"),
               msg("Find the lowest position where the share reads 50% or more.", "找到占比达到 50% 或以上的最低位置。")],
    ),
    LabelTask(
        "task6", points=3, reference=lambda r: r.reading, labels=tuple(TASK6_OPTIONS),
        wrong_type=msg('Answer with one letter in quotes: "a", "b" or "c".', '请用引号里的一个字母作答："a"、"b" 或 "c"。'),
        unknown=msg('Answer with one letter in quotes: "a", "b" or "c".', '请用引号里的一个字母作答："a"、"b" 或 "c"。'),
        correct=msg("Your reading matches the share you measured.", "你的判断和你算出的占比一致。"),
        otherwise=msg("Compare the statement with the top-20% share you measured in task 2.",
                      "把这个说法和你在第 2 题算出的前 20% 占比对照一下。"),
        hints=[msg("Read your answer to task 2 as a percentage and compare it with each statement.",
                   "把第 2 题的答案换成百分数，逐条和选项对照。")],
    ),
    FunctionTask(
        "task7", points=2, reference=_reference_top_share, tolerance=1e-9, arg_names=("values", "fraction"),
        inputs=[([4.0, 3.0, 2.0, 1.0], 0.5), ([10.0, 0.0, 0.0, 0.0, 0.0], 0.2), ([1.0] * 100, 0.07),
                ([2.0, 9.0, 4.0], 0.5)],
        not_callable=msg("Pass the function itself: check.task7(share_of_top), without brackets after its name.",
                         "请传入函数本身：check.task7(share_of_top)，函数名后面不要加括号。"),
        correct=msg("Your function agrees with the course's rule on every test input.",
                    "在所有测试输入上，你的函数都和课程的规则一致。"),
        mistakes=[
            Mistake(lambda x, c: close(x, sum(sorted(c.args[0])[:pareto.top_count(len(c.args[0]), c.args[1])])
                                       / sum(c.args[0]), 1e-9), msg(
                "You kept the smallest values. Sort from the largest down: sorted(values, reverse=True).",
                "你保留的是最小的值。请从大到小排序：sorted(values, reverse=True)。")),
            Mistake(lambda x, c: _floor_k_share(*c.args) is not None and close(x, _floor_k_share(*c.args), 1e-9), msg(
                "You rounded the number of customers down. The course rounds up with math.ceil.",
                "你把客户数向下取整了。课程用 math.ceil 向上取整。")),
            Mistake(lambda x, c: len(c.args[0]) == 100 and close(
                x, sum(sorted(c.args[0], reverse=True)[:pareto.top_count(100, c.args[1]) + 1]) / sum(c.args[0]), 1e-9),
                msg("0.07 × 100 came out as 7.000000000000001 and ceil made it 8. Round fraction × n to 9 decimals before math.ceil.",
                    "0.07 × 100 算出来是 7.000000000000001，ceil 之后变成了 8。在 math.ceil 之前先把 fraction × n 四舍五入到 9 位小数。")),
            Mistake(lambda x, c: x > 1 + 1e-9, msg(
                "The result is above 1: divide by the sum of *all* values, not of the top ones.",
                "结果大于 1：要除以*全部*值的总和，而不是头部值的总和。")),
        ],
        otherwise=msg("For values {values} and fraction {fraction} the result is not the top share. Check each of the three steps.",
                      "当 values 为 {values}、fraction 为 {fraction} 时，结果不是头部占比。请逐一检查三个步骤。"),
        hints=[msg("Try it by hand on [4, 3, 2, 1] with fraction 0.5: the top 2 of 4 values hold 7 of 10.",
                   "先用 [4, 3, 2, 1] 和 fraction 0.5 手算：4 个值里前 2 个占 10 中的 7。"),
               msg("ordered = sorted(values, reverse=True); k = math.ceil(...); then sum(ordered[:k]) / sum(ordered).",
                   "ordered = sorted(values, reverse=True)；k = math.ceil(...)；然后 sum(ordered[:k]) / sum(ordered)。")],
    ),
    WrittenTask("task8", points=3, hints=[msg(
        "Use your numbers from tasks 2 to 4: who brings most, and what would you lose by serving only them?",
        "用第 2–4 题的数字来回答：谁贡献最多？如果只服务他们，会失去什么？")]),
)


def make_checks(transactions: pd.DataFrame | None = None, *, lang: str = "en") -> Checks:
    """The checks of exercise 01 against ``transactions`` (default: the synthetic company).

    Parameters
    ----------
    transactions : DataFrame, optional
        Columns ``customer_id``, ``revenue``, ``cost``; default the shipped data.
    lang : {"en", "zh"}
        Language of the feedback and hints.

    Returns
    -------
    Checks

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": list("aabcd"), "revenue": [60.0, 20, 10, 5, 5],
    ...                    "cost": [30.0, 10, 5, 4, 4]})
    >>> check = make_checks(tx)
    >>> check.task2.evaluate(0.8).status
    'correct'
    >>> check.task2.evaluate(80).message[:40]
    'A share is a fraction between 0 and 1: y'
    >>> make_checks(tx, lang="zh").task2.evaluate(80).message
    '占比是 0 到 1 之间的小数，你填的是百分数：请除以 100。'
    """
    return Checks(TASKS, Reference(transactions), lang=lang)


#: The checks used by ``exercises/01_pareto.ipynb``.
check = make_checks()
