"""Self-checks for exercise 10 (Did the program work? Measuring lift, 效果评估) on the synthetic company.

In the exercise notebook::

    from helpers.checks.lift import check
    check.task1(rate_t, rate_c)   # ✅ / ❌ with a specific hint / ⏳ not answered yet
    check.hint(1)

The exercise measures the retention program's lift for the **B tier** (the
customers who brought the next 15% of the program customers' revenue in the
half-year before the start): by hand, then with :mod:`helpers.lift`, then it
judges a colleague's before/after claim (task 7, written, graded by the trainer
with the rubric in the solution). :class:`Reference` computes every answer with
:mod:`helpers.lift`; ``TASKS`` names the likely mistakes.
"""

from __future__ import annotations

import math
from functools import cached_property

import pandas as pd

from helpers import abc, lift
from helpers.checks._reference import CompanyReference
from helpers.checks.core import (
    Checks, ChoiceTask, Mistake, NumberTask, Part, RecordTask, Task, WrittenTask, close, msg, near,
)

#: The exercise this table belongs to.
EXERCISE = "10_lift"
#: Salt of the multiple-choice digests (``python -m helpers.checks digest lift task5 b``).
SALT = "tiering-kit/10_lift"
#: The tier the exercise measures.
TIER = "B"


class Reference(CompanyReference):
    """What the exercise-10 answers are compared with (computed on the first check).

    Parameters
    ----------
    transactions : DataFrame, optional
        Default: the synthetic company's.
    program : DataFrame, optional
        The program table (``customer_id``, ``group``, ``assigned_date``); default the company's.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": list("abcdabcd"),
    ...                    "date": pd.to_datetime(["2025-06-01"] * 4 + ["2025-07-15"] * 4),
    ...                    "revenue": [10.0, 20.0, 30.0, 40.0, 10.0, 20.0, 30.0, -5.0]})
    >>> prog = pd.DataFrame({"customer_id": list("abcd"), "group": ["treatment", "control"] * 2,
    ...                      "assigned_date": ["2025-07-01"] * 4})
    >>> Reference(tx, program=prog).outcomes["bought_after"].tolist()
    [True, True, True, False]
    """

    @cached_property
    def outcomes(self) -> pd.DataFrame:
        """Per program customer: purchases and value before and after the start."""
        return lift.program_outcomes(self.tx, program=self.frame("program"))

    @cached_property
    def tiers(self) -> pd.Series:
        """ABC class by revenue in the half-year before the start (the tier at the start)."""
        return abc.abc_classes(self.outcomes["value_before"]).reindex(self.outcomes.index)

    def part(self, tier: str | None = TIER) -> pd.DataFrame:
        """The program customers of ``tier`` (all of them when None)."""
        return self.outcomes if tier is None else self.outcomes[self.tiers.astype(str) == tier]

    def counts(self, tier: str | None = TIER) -> tuple[int, int, int, int]:
        """(buyers, customers) of the treatment group, then of the control group."""
        p = self.part(tier)
        t, c = p[p["group"] == lift.TREATMENT], p[p["group"] == lift.CONTROL]
        return int(t["bought_after"].sum()), len(t), int(c["bought_after"].sum()), len(c)

    def rate(self, group: str, tier: str | None = TIER) -> float:
        """Share of ``group`` customers of ``tier`` who bought again after the start."""
        xt, nt, xc, nc = self.counts(tier)
        return xt / nt if group == lift.TREATMENT else xc / nc

    def ratio(self, tier: str | None = TIER) -> float:
        """Treatment rate ÷ control rate."""
        return self.rate(lift.TREATMENT, tier) / self.rate(lift.CONTROL, tier)

    def log_se(self, tier: str | None = TIER) -> float:
        """Standard error of the log of the ratio."""
        xt, nt, xc, nc = self.counts(tier)
        return math.sqrt(1 / xt - 1 / nt + 1 / xc - 1 / nc)

    def interval(self, confidence: float = 0.95, tier: str | None = TIER) -> lift.Interval:
        """The relative lift with its log-method interval."""
        return lift.relative_lift(*self.counts(tier), confidence=confidence)

    def reversed_interval(self) -> lift.Interval:
        """The interval with the groups swapped (control first): a typical slip."""
        xt, nt, xc, nc = self.counts()
        return lift.relative_lift(xc, nc, xt, nt)

    @cached_property
    def difference(self) -> lift.Interval:
        """Treatment rate − control rate with Newcombe's interval."""
        return lift.proportion_difference(*self.counts())

    def did(self, measure: str = "value") -> float:
        """Difference-in-differences of ``measure`` per customer for the tier."""
        p = self.part()
        t, c = p[p["group"] == lift.TREATMENT], p[p["group"] == lift.CONTROL]
        return lift.diff_in_diff(t[f"{measure}_before"], t[f"{measure}_after"], c[f"{measure}_before"],
                                 c[f"{measure}_after"]).estimate

    def change(self, group: str, measure: str = "value") -> float:
        """A group's average after − before for the tier (the naive comparison)."""
        p = self.part()
        g = p[p["group"] == group]
        return float(g[f"{measure}_after"].mean() - g[f"{measure}_before"].mean())

    def after_gap(self) -> float:
        """Treatment mean − control mean of the value after the start."""
        p = self.part()
        return float(p.loc[p["group"] == lift.TREATMENT, "value_after"].mean()
                     - p.loc[p["group"] == lift.CONTROL, "value_after"].mean())


_WANT_RATE = msg("Expected two numbers, the rates as fractions (e.g. 0.61).",
                 "这里需要两个数字：用小数表示的复购率（例如 0.61）。")
_PERCENT = msg("you gave a percentage; give fractions between 0 and 1", "你填的是百分数；请填 0 到 1 之间的小数")


def _lift_part(end: str) -> Part:
    """One end of the relative lift's interval, with the slips people make on it."""
    sign = -1 if end == "low" else 1

    def bound(r: object, confidence: float = 0.95) -> float:
        return r.ratio() * math.exp(sign * lift.z_value(confidence) * r.log_se()) - 1

    name = {"low": ("low", "下限"), "high": ("high", "上限")}[end]
    return Part(
        lambda r: getattr(r.interval(), end), tolerance=5e-4,
        mistakes=[
            near(lambda r: bound(r) + 1, msg(f"{name[0]}: that is the ratio's end; subtract 1 to turn it into a lift",
                                             f"{name[1]}：这是比值的端点；减去 1 才是提升幅度"), tol=5e-4),
            Mistake(lambda x, r: close(x, 100 * getattr(r.interval(), end), 0.05), msg(
                f"{name[0]}: you gave a percentage; give a fraction (0.25 for +25%)",
                f"{name[1]}：你填的是百分数；请填小数（+25% 写成 0.25）")),
            near(lambda r: bound(r, 0.90), msg(f"{name[0]}: that is a 90% interval; use 1.96 for 95%",
                                               f"{name[1]}：这是 90% 区间；95% 区间要用 1.96"), tol=5e-4),
            near(lambda r: getattr(r.difference, end), msg(
                f"{name[0]}: that is the interval of the difference of rates; the task asks for the relative lift",
                f"{name[1]}：这是复购率差值的区间；题目问的是相对提升的区间"), tol=5e-4),
            near(lambda r: getattr(r.reversed_interval(), end), msg(
                f"{name[0]}: you put the control group first; treatment comes first",
                f"{name[1]}：你把对照组放在了前面；应先放实验组"), tol=5e-4),
            near(lambda r: getattr(r.interval(tier=None), end), msg(
                f"{name[0]}: that is all program customers; keep the B tier only",
                f"{name[1]}：这是全部项目客户；只保留 B 层级"), tol=5e-4),
        ],
        otherwise=msg(f"{name[0]} is off: ratio × exp({'−' if sign < 0 else '+'}1.96 × se) − 1",
                      f"{name[1]}不对：比值 × exp({'−' if sign < 0 else '+'}1.96 × se) − 1"),
    )


TASKS: tuple[Task, ...] = (
    RecordTask(
        "task1", points=2, wrong_type=_WANT_RATE,
        parts={
            "rate_t": Part(lambda r: r.rate(lift.TREATMENT), 5e-4, [
                near(lambda r: r.rate(lift.CONTROL), msg("your rate_t is the control group's rate: swap the two",
                                                         "rate_t 是对照组的复购率：两个值换一下"), tol=5e-4),
                near(lambda r: r.rate(lift.TREATMENT, None), msg(
                    "your rate_t is for all program customers; keep the B tier only", "rate_t 算的是全部项目客户；只保留 B 层级"),
                    tol=5e-4),
                Mistake(lambda x, r: close(x, 100 * r.rate(lift.TREATMENT), 0.05), _PERCENT),
            ], msg("your rate_t is off: the share of B-tier treatment customers with bought_after True",
                   "rate_t 不对：B 层级实验组中 bought_after 为 True 的客户占比")),
            "rate_c": Part(lambda r: r.rate(lift.CONTROL), 5e-4, [
                near(lambda r: r.rate(lift.TREATMENT), msg("your rate_c is the treatment group's rate: swap the two",
                                                           "rate_c 是实验组的复购率：两个值换一下"), tol=5e-4),
                near(lambda r: r.rate(lift.CONTROL, None), msg(
                    "your rate_c is for all program customers; keep the B tier only", "rate_c 算的是全部项目客户；只保留 B 层级"),
                    tol=5e-4),
                Mistake(lambda x, r: close(x, 100 * r.rate(lift.CONTROL), 0.05), _PERCENT),
            ], msg("your rate_c is off: the share of B-tier control customers with bought_after True",
                   "rate_c 不对：B 层级对照组中 bought_after 为 True 的客户占比")),
        },
        correct=msg("Those are the two repurchase rates of the B tier.", "这就是 B 层级两组的复购率。"),
        hints=[msg("Keep the rows of outcomes whose tier is B, then split them by the group column.",
                   "先保留层级为 B 的行，再按 group 列分成两组。"),
               msg("b = outcomes[tiers == \"B\"]; rate_t = b.loc[b[\"group\"] == \"treatment\", \"bought_after\"].mean()",
                   "b = outcomes[tiers == \"B\"]；rate_t = b.loc[b[\"group\"] == \"treatment\", \"bought_after\"].mean()")],
    ),
    NumberTask(
        "task2", points=1, reference=lambda r: r.ratio() - 1, tolerance=5e-4,
        wrong_type=msg("Expected one number (e.g. 0.15 for +15%); you stored a {type}.",
                       "这里需要一个数字（例如 +15% 写成 0.15），你存的是 {type}。"),
        correct=msg("That is the B tier's relative lift.", "这就是 B 层级的相对提升。"),
        mistakes=[
            near(lambda r: r.ratio(), msg("That is the ratio itself; the lift is the ratio minus 1.",
                                          "这是比值本身；提升幅度是比值减 1。")),
            near(lambda r: r.rate(lift.TREATMENT) - r.rate(lift.CONTROL), msg(
                "That is the difference of the rates (percentage points). The relative lift divides: rate_t / rate_c − 1.",
                "这是两个复购率之差（百分点）。相对提升要用除法：rate_t / rate_c − 1。")),
            near(lambda r: r.rate(lift.CONTROL) / r.rate(lift.TREATMENT) - 1, msg(
                "You divided control by treatment; it is treatment ÷ control − 1.", "你用对照组除以了实验组；应是实验组 ÷ 对照组 − 1。")),
            Mistake(lambda x, r: close(x, 100 * (r.ratio() - 1), 0.05), msg(
                "You gave a percentage; give a fraction (0.15 for +15%).", "你填的是百分数；请填小数（+15% 写成 0.15）。")),
        ],
        otherwise=msg("Not the lift. Use your two rates from task 1: rate_t / rate_c − 1.",
                      "提升幅度不对。用第 1 题的两个复购率：rate_t / rate_c − 1。"),
        hints=[msg("A relative lift compares the treatment rate with the control rate by division.",
                   "相对提升是用除法比较实验组和对照组的复购率。"),
               msg("rel_lift = rate_t / rate_c - 1", "rel_lift = rate_t / rate_c - 1")],
    ),
    RecordTask(
        "task3", points=2, parts={"low": _lift_part("low"), "high": _lift_part("high")},
        wrong_type=msg("Expected two numbers, the interval's ends as fractions.",
                       "这里需要两个数字：区间的两个端点（小数）。"),
        correct=msg("That is the 95% interval of the lift, by hand.", "这就是手算出的相对提升 95% 区间。"),
        hints=[msg("Count x_t, n_t, x_c, n_c (buyers and customers per group) for the B tier first.",
                   "先数出 B 层级每组的再购买人数和总人数：x_t、n_t、x_c、n_c。"),
               msg("se = math.sqrt(1/x_t - 1/n_t + 1/x_c - 1/n_c); low = (rate_t / rate_c) * math.exp(-1.96 * se) - 1",
                   "se = math.sqrt(1/x_t - 1/n_t + 1/x_c - 1/n_c)；low = (rate_t / rate_c) * math.exp(-1.96 * se) - 1")],
    ),
    RecordTask(
        "task4", points=2, parts={"low": _lift_part("low"), "high": _lift_part("high")},
        wrong_type=msg("Expected two numbers, the interval's ends from the helper.",
                       "这里需要两个数字：辅助函数给出的区间端点。"),
        correct=msg("The helper agrees with your hand calculation.", "辅助函数的结果和你手算的一致。"),
        hints=[msg("lift.relative_lift takes the buyers and customers of the treatment group first, then the control group.",
                   "lift.relative_lift 先传实验组的再购买人数和总人数，再传对照组的。"),
               msg("est, low4, high4 = lift.relative_lift(x_t, n_t, x_c, n_c)",
                   "est, low4, high4 = lift.relative_lift(x_t, n_t, x_c, n_c)")],
    ),
    ChoiceTask(
        "task5", points=2, salt=SALT,
        answer_digest="3e314a3182185a5284357e96f870450e3d1484ab58baffb0365e08307de7283d",
        correct=msg("Yes: the interval, not the single estimate, is what the data support.",
                    "对：数据支持的是整个区间，而不是单个估计值。"),
        why={
            "57764e405c75fa942a117421b89e67a6668850b108ff6e9a13adcec131e80da7": msg(
                "The estimate is one value from a range the data allow; look at the interval from task 4.",
                "估计值只是数据允许范围中的一个值；看看第 4 题的区间。"),
            "9f80780a86a59987a94905a0bb17d67533c8be670769a7db2ff823bcb08920dd": msg(
                "Look at the lower end of the interval: is 0 inside it?", "看看区间的下限：0 在区间里面吗？"),
        },
        hints=[msg("Read the interval from task 4: where is 0, and where is +30%?", "读第 4 题的区间：0 在哪里？+30% 在哪里？")],
    ),
    NumberTask(
        "task6", points=2, reference=lambda r: r.did("value"), tolerance=0.5,
        wrong_type=msg("Expected one amount in ¥ per customer; you stored a {type}.",
                       "这里需要一个金额（元/客户），你存的是 {type}。"),
        correct=msg("That is the program's effect on revenue per B customer, net of the drift.",
                    "这就是扣除漂移之后，项目对每位 B 层级客户销售额的影响。"),
        mistakes=[
            near(lambda r: r.change(lift.TREATMENT), msg(
                "That is the treatment group's own change, the colleague's number. Subtract the control group's change.",
                "这是实验组自身的变化，也就是同事的数字。还要减去对照组的变化。")),
            near(lambda r: -r.did("value"), msg("The sign is reversed: treatment's change minus control's change.",
                                                "正负号反了：应是实验组的变化减去对照组的变化。")),
            near(lambda r: r.change(lift.CONTROL), msg(
                "That is the control group's change alone (the drift). Subtract it from the treatment group's change.",
                "这只是对照组的变化（漂移）。要用实验组的变化减去它。")),
            near(lambda r: r.did("purchases"), msg("That is in purchases; the task asks for revenue (value_*).",
                                                   "这是购买次数；题目问的是销售额（value_* 列）。"), tol=0.01),
        ],
        otherwise=msg("Not the difference-in-differences. lift.diff_in_diff(before_t, after_t, before_c, after_c) with "
                      "the value_before and value_after columns of the B tier.",
                      "双重差分不对。请对 B 层级用 value_before 和 value_after 列调用 "
                      "lift.diff_in_diff(before_t, after_t, before_c, after_c)。"),
        hints=[msg("The control group shows the change that would have happened anyway.",
                   "对照组显示的是没有项目也会发生的变化。"),
               msg("lift.diff_in_diff(t[\"value_before\"], t[\"value_after\"], c[\"value_before\"], c[\"value_after\"]).estimate",
                   "lift.diff_in_diff(t[\"value_before\"], t[\"value_after\"], c[\"value_before\"], c[\"value_after\"]).estimate")],
    ),
    WrittenTask("task7", points=4, hints=[
        msg("What happened to the control group's B customers over the same months?", "同一段时间里，对照组的 B 层级客户发生了什么变化？"),
        msg("Use your numbers from task 6: which part of the colleague's change is the program's?",
            "用第 6 题的数字：同事看到的变化里，哪一部分才是项目带来的？"),
    ]),
)


def make_checks(transactions: pd.DataFrame | None = None, program: pd.DataFrame | None = None, *,
                lang: str = "en") -> Checks:
    """The checks of exercise 10 (default data: the synthetic company and its program).

    Parameters
    ----------
    transactions : DataFrame, optional
        Columns ``customer_id``, ``date``, ``revenue``; default the shipped data.
    program : DataFrame, optional
        Columns ``customer_id``, ``group``, ``assigned_date``; default the shipped program.
    lang : {"en", "zh"}
        Language of the feedback and hints.

    Returns
    -------
    Checks

    Examples
    --------
    >>> check = make_checks()
    >>> check.task2.evaluate(...).status
    'unanswered'
    """
    return Checks(TASKS, Reference(transactions, program=program), lang=lang)


#: The checks used by ``exercises/10_lift.ipynb``.
check = make_checks()
