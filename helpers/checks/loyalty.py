"""Self-checks for exercise 06 (loyalty metrics: 满意度、复购意愿、净推荐值) on the synthetic company.

In the exercise notebook::

    from helpers.checks.loyalty import check
    check.task3(nps_vip)   # ✅ / ❌ with a specific hint / ⏳ not answered yet
    check.hint(3)

:class:`Reference` computes the survey metrics with :mod:`helpers.loyalty`;
``TASKS`` names the likely mistakes (percent instead of share, wrong cut-offs, a
standard error instead of a margin …). The multiple-choice answer is stored only
as a salted digest.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from helpers import loyalty
from helpers.checks._reference import CompanyReference
from helpers.checks.core import (
    Checks, ChoiceTask, CountTask, Mistake, NumberTask, Task, msg, near, percent_mistake,
)

#: The exercise this table belongs to.
EXERCISE = "06_loyalty"
#: Salt of the multiple-choice digests (see :func:`helpers.checks.core.choice_digest`).
SALT = "tiering-kit/06_loyalty"


class Reference(CompanyReference):
    """What the exercise-06 answers are compared with (computed on the first check).

    Parameters
    ----------
    transactions, survey, customers : DataFrame, optional
        Default: the synthetic company's tables.

    Examples
    --------
    >>> survey = pd.DataFrame({"customer_id": list("ab"), "survey_date": pd.to_datetime(["2025-06-01"] * 2),
    ...                        "satisfaction": [5, 2], "repurchase_probability": [90, 10], "recommend_score": [10, 3]})
    >>> customers = pd.DataFrame({"customer_id": list("ab"), "membership": ["VIP", "VIP"]})
    >>> tx = pd.DataFrame({"customer_id": list("ab"), "order_id": ["1", "2"], "revenue": [5.0, 5.0],
    ...                    "date": pd.to_datetime(["2025-07-01", "2025-01-01"])})
    >>> Reference(tx, survey=survey, customers=customers).nps()
    0.0
    """

    @cached_property
    def answers(self) -> pd.DataFrame:
        """The survey with each respondent's service tier at the survey date."""
        survey, customers = self.frame("survey"), self.frame("customers")
        tiers = loyalty.service_tiers(self.tx, survey["survey_date"].min(), customers=customers)
        return survey.assign(tier=tiers.reindex(survey["customer_id"]).to_numpy())

    @cached_property
    def vip_scores(self) -> pd.Series:
        """The VIP respondents' 0–10 recommendation scores."""
        a = self.answers
        return a.loc[a["tier"] == "VIP", "recommend_score"].astype(float)

    def pd_shares(self, scores: pd.Series | None = None, promoter_at: int = 9, detractor_below: int = 7) -> tuple[float, float]:
        """Shares of promoters and detractors (VIP scores unless given)."""
        scores = self.vip_scores if scores is None else scores
        return float((scores >= promoter_at).mean()), float((scores < detractor_below).mean())

    def nps(self, scores: pd.Series | None = None) -> float:
        """Net promoter score in points (VIP unless ``scores`` given)."""
        p, d = self.pd_shares(scores)
        return 100 * (p - d)

    @property
    def n(self) -> int:
        """Number of VIP answers."""
        return len(self.vip_scores)

    @property
    def variance(self) -> float:
        """Variance of the +1/0/−1 VIP score: p + d − (p − d)²."""
        p, d = self.pd_shares()
        return p + d - (p - d) ** 2

    def margin(self, variance: float | None = None, n: float | None = None) -> float:
        """95% margin of error in points: 1.96 × 100 × sqrt(variance / n)."""
        return 1.96 * 100 * math.sqrt((self.variance if variance is None else variance) / (self.n if n is None else n))

    @cached_property
    def bought(self) -> np.ndarray:
        """Per respondent: bought in the window after the survey."""
        survey = self.frame("survey")
        return loyalty.bought_after_survey(self.tx, survey=survey).reindex(survey["customer_id"]).to_numpy(dtype=bool)

    def satisfied(self, at_least: int = 4) -> np.ndarray:
        """Per respondent: satisfaction ≥ ``at_least``."""
        return self.frame("survey")["satisfaction"].to_numpy() >= at_least


def _share_task(name: str, points: int, reference: Callable[[Any], float], mistakes: list[Mistake],
                correct: dict[str, str], hints: list[dict[str, str]]) -> NumberTask:
    """Tasks 1 and 2: a share of respondents."""
    return NumberTask(
        name, points=points, reference=reference, tolerance=5e-4,
        wrong_type=msg("Expected one number (a share such as 0.42); you stored a {type}.",
                       "这里需要一个数字（例如占比 0.42），你存的是 {type}。"),
        correct=correct,
        mistakes=[percent_mistake(),
                  Mistake(lambda x, r: not 0 <= x <= 1, msg("A share lies between 0 and 1.", "占比在 0 到 1 之间。")),
                  *mistakes],
        otherwise=msg("Not the share asked for. Check which answers you count and that you divide by all respondents.",
                      "这不是题目要的占比。检查一下你数的是哪些回答，以及是不是除以了全部受访者。"),
        hints=hints,
    )


def _sat(r: Any) -> pd.Series:
    return r.answers["satisfaction"]


def _rep(r: Any) -> pd.Series:
    return r.answers["repurchase_probability"]


TASKS: tuple[Task, ...] = (
    _share_task("task1", 1, lambda r: float((_sat(r) >= 4).mean()), [
        near(lambda r: float((_sat(r) == 5).mean()), msg(
            "You counted only 'very satisfied' (5). Top-2-box counts the two best answers, 4 and 5.",
            "你只数了“非常满意”（5 分）。前两档（Top-2-box）要数最好的两档：4 分和 5 分。")),
        near(lambda r: float((_sat(r) >= 3).mean()), msg(
            "You counted 3 as well. Top-2-box counts only the two best answers, 4 and 5.",
            "你把 3 分也算进去了。前两档只数最好的两档：4 分和 5 分。")),
        near(lambda r: float((_sat(r) <= 2).mean()), msg(
            "That is the bottom-2-box (dissatisfied). Count the answers 4 and 5.",
            "这是后两档（不满意）。请数 4 分和 5 分的回答。")),
    ], msg("That is the top-2-box CSAT.", "这就是前两档满意度（CSAT）。"), [
        msg("Top-2-box: the share of answers that are 4 or 5.", "前两档：回答为 4 分或 5 分的占比。"),
        msg("(answers[\"satisfaction\"] >= 4).mean() gives a share of True values.",
            "(answers[\"satisfaction\"] >= 4).mean() 得到的就是 True 的占比。"),
    ]),
    _share_task("task2", 1, lambda r: float((_rep(r) > 70).mean()), [
        near(lambda r: float((_rep(r) >= 70).mean()), msg(
            "You included the answers of exactly 70%. The band is *above* 70%: use > 70, not >= 70.",
            "你把正好 70% 的回答也算进去了。这一档是*高于* 70%：用 > 70，不是 >= 70。")),
        near(lambda r: float((_rep(r) < 30).mean()), msg(
            "That is the low band (below 30%). The task asks for above 70%.", "这是低档（低于 30%）。题目问的是高于 70%。")),
        near(lambda r: float(((_rep(r) >= 30) & (_rep(r) <= 70)).mean()), msg(
            "That is the middle band (30–70%). The task asks for above 70%.", "这是中档（30%–70%）。题目问的是高于 70%。")),
    ], msg("That is the share stating a repurchase probability above 70%.", "这就是自报复购可能性高于 70% 的占比。"), [
        msg("The high band is a stated probability strictly above 70%.", "高档是指自报的可能性严格高于 70%。"),
        msg("(answers[\"repurchase_probability\"] > 70).mean()", "(answers[\"repurchase_probability\"] > 70).mean()"),
    ]),
    NumberTask(
        "task3", points=2, reference=lambda r: r.nps(), tolerance=0.05,
        wrong_type=msg("Expected one number (NPS points, e.g. -12.5); you stored a {type}.",
                       "这里需要一个数字（NPS 分值，例如 -12.5），你存的是 {type}。"),
        correct=msg("That is the VIP tier's NPS.", "这就是 VIP 等级的净推荐值（NPS）。"),
        mistakes=[
            Mistake(lambda x, r: close_points(100 * x, r.expected), msg(
                "NPS is quoted in points from −100 to +100: multiply your difference of shares by 100.",
                "NPS 用 −100 到 +100 的分值表示：把你算出的占比之差乘以 100。")),
            Mistake(lambda x, r: not -100 <= x <= 100, msg(
                "An NPS lies between −100 (all detractors) and +100 (all promoters).",
                "NPS 在 −100（全是贬损者）和 +100（全是推荐者）之间。")),
            near(lambda r: r.nps(r.answers["recommend_score"]), msg(
                "That is the NPS of all respondents. Keep only the rows whose tier is 'VIP'.",
                "这是全部受访者的 NPS。只保留等级为 'VIP' 的行。")),
            near(lambda r: 100 * r.pd_shares()[0], msg(
                "That is the share of promoters alone. Subtract the share of detractors.",
                "这只是推荐者的占比。还要减去贬损者的占比。")),
            near(lambda r: 100 * (2 * r.pd_shares()[0] - 1 + r.pd_shares()[1]), msg(
                "You subtracted the passives (7–8). Subtract the detractors (0–6).",
                "你减去的是被动者（7–8 分）。应当减去贬损者（0–6 分）。")),
            near(lambda r: 100 * (float((r.vip_scores >= 7).mean()) - r.pd_shares()[1]), msg(
                "Promoters answer 9 or 10 only; 7 and 8 are passives.", "推荐者只包括 9 分和 10 分；7 分和 8 分是被动者。")),
            near(lambda r: 100 * (r.pd_shares()[0] - float((r.vip_scores <= 5).mean())), msg(
                "Detractors answer 0 to 6: include the 6s.", "贬损者是 0 到 6 分：6 分也要算进去。")),
            near(lambda r: 100 * (float((r.vip_scores >= 8).mean()) - r.pd_shares()[1]), msg(
                "Promoters answer 9 or 10; an 8 is a passive.", "推荐者是 9 分或 10 分；8 分属于被动者。")),
        ],
        otherwise=msg("Not the VIP NPS. Compute the share of promoters (9–10) and of detractors (0–6) among the VIP "
                      "answers, then 100 × (promoters − detractors).",
                      "这不是 VIP 的 NPS。先在 VIP 的回答里算出推荐者（9–10 分）和贬损者（0–6 分）的占比，"
                      "再算 100 × (推荐者 − 贬损者)。"),
        hints=[msg("Keep the VIP rows first; promoters answer 9–10, detractors 0–6.",
                   "先只保留 VIP 的行；推荐者是 9–10 分，贬损者是 0–6 分。"),
               msg("p = (scores >= 9).mean(); d = (scores <= 6).mean(); nps_vip = 100 * (p - d)",
                   "p = (scores >= 9).mean()；d = (scores <= 6).mean()；nps_vip = 100 * (p - d)")],
    ),
    NumberTask(
        "task4", points=3, reference=lambda r: r.margin(), tolerance=0.05,
        wrong_type=msg("Expected one number (points, e.g. 12.3); you stored a {type}.",
                       "这里需要一个数字（分值，例如 12.3），你存的是 {type}。"),
        correct=msg("That is the 95% margin of error of the VIP NPS.", "这就是 VIP NPS 的 95% 误差范围。"),
        mistakes=[
            Mistake(lambda x, r: x < 0, msg("A margin of error is a positive number of points (the NPS is ± that).",
                                            "误差范围是一个正的分值（NPS 加减这个数）。")),
            Mistake(lambda x, r: close_points(100 * x, r.expected), msg(
                "Give the margin in NPS points: multiply by 100.", "请用 NPS 分值表示误差范围：乘以 100。")),
            near(lambda r: r.margin() / 1.96, msg(
                "That is the standard error. The 95% margin is 1.96 times the standard error.",
                "这是标准误。95% 误差范围是标准误的 1.96 倍。")),
            near(lambda r: r.margin(r.variance * r.n / (r.n - 1)) if r.n > 1 else -1, msg(
                "You used the sample variance (dividing by n − 1). The course formula divides by n: p + d − (p − d)².",
                "你用的是样本方差（除以 n − 1）。课程的公式除以 n：p + d − (p − d)²。")),
            near(lambda r: r.margin(n=1), msg(
                "You forgot to divide the variance by the number of answers n before the square root.",
                "开平方之前，你忘了把方差除以回答人数 n。")),
            near(lambda r: r.margin(r.pd_shares()[0] * (1 - r.pd_shares()[0])), msg(
                "That is the margin of the promoter share alone. Use the variance of the +1/0/−1 score: p + d − (p − d)².",
                "这只是推荐者占比的误差范围。请用 +1/0/−1 得分的方差：p + d − (p − d)²。")),
            near(lambda r: r.margin(sum(r.pd_shares())), msg(
                "You left out the − (p − d)² term of the variance.", "你漏掉了方差里的 − (p − d)² 这一项。")),
            near(lambda r: 1.96 * 100 * r.variance / math.sqrt(r.n), msg(
                "Take the square root of the variance: margin = 1.96 × 100 × sqrt(variance / n).",
                "要对方差开平方：误差范围 = 1.96 × 100 × sqrt(方差 / n)。")),
        ],
        otherwise=msg("Not the 95% margin. Variance = p + d − (p − d)² with p, d the VIP shares of promoters and "
                      "detractors; margin = 1.96 × 100 × sqrt(variance / n).",
                      "这不是 95% 误差范围。方差 = p + d − (p − d)²，其中 p、d 是 VIP 中推荐者和贬损者的占比；"
                      "误差范围 = 1.96 × 100 × sqrt(方差 / n)。"),
        hints=[msg("Each answer scores +1, 0 or −1; the variance of that score is p + d − (p − d)².",
                   "每个回答记 +1、0 或 −1；这个得分的方差是 p + d − (p − d)²。"),
               msg("margin = 1.96 * 100 * math.sqrt((p + d - (p - d) ** 2) / n), with n the number of VIP answers.",
                   "margin = 1.96 * 100 * math.sqrt((p + d - (p - d) ** 2) / n)，n 是 VIP 的回答人数。")],
    ),
    CountTask(
        "task5", points=2, reference=lambda r: int((r.satisfied() & ~r.bought).sum()),
        wrong_type=msg("Expected a count of respondents (a whole number); you stored a {type}.",
                       "这里需要受访者人数（一个整数），你存的是 {type}。"),
        correct=msg("Those are the satisfied customers who did not come back.", "这些就是满意却没有回来购买的客户。"),
        mistakes=[
            Mistake(lambda x, r: 0 < x < 1, msg("The task asks for a number of respondents, not a share.",
                                                "题目问的是受访者人数，不是占比。")),
            Mistake(lambda x, r: x == int((r.satisfied() & r.bought).sum()), msg(
                "Those are the satisfied customers who *did* buy again. Count the ones who did not.",
                "这些是满意并且*确实*再次购买的客户。请数没有再买的。")),
            Mistake(lambda x, r: x == int(r.satisfied().sum()), msg(
                "That is every satisfied respondent. Keep only those with no purchase after the survey.",
                "这是全部满意的受访者。只保留调查之后没有购买的。")),
            Mistake(lambda x, r: x == int((~r.bought).sum()), msg(
                "That is everybody who did not buy again. Keep only the satisfied ones (4 or 5).",
                "这是所有没有再买的人。只保留满意的（4 分或 5 分）。")),
            Mistake(lambda x, r: x == int((r.satisfied(5) & ~r.bought).sum()), msg(
                "Satisfied means 4 or 5 (top-2-box), not only 5.", "满意是指 4 分或 5 分（前两档），不只是 5 分。")),
        ],
        otherwise=msg("Not the count. Combine satisfaction >= 4 with 'did not buy in the 183 days after the survey' "
                      "(loyalty.bought_after_survey).",
                      "人数不对。把“满意度 >= 4”和“调查后 183 天内没有购买”（loyalty.bought_after_survey）两个条件合起来。"),
        hints=[msg("Two conditions: satisfaction 4 or 5, and no purchase in the window after the survey.",
                   "两个条件：满意度为 4 或 5 分，并且调查之后的时间窗口里没有购买。"),
               msg("bought = loyalty.bought_after_survey(transactions, survey=survey); then count satisfied & ~bought.",
                   "bought = loyalty.bought_after_survey(transactions, survey=survey)；再数 satisfied & ~bought。")],
    ),
    ChoiceTask(
        "task6", points=2, salt=SALT,
        answer_digest="5c19dc68e5f1cdff1b7b857a3e6e1a03907dd69a79050fc1a85c0bb113b7d54d",
        correct=msg("With a few dozen answers, the interval is what you can claim.", "只有几十个回答时，你能说的是这个区间。"),
        why={
            "f845ac37b07917cf4cf43b946a1a7ff4affb62f54468f0fabb80fd284f8e9ea0": msg(
                "The point estimate is not the whole story: look at the lower end of the interval from task 4.",
                "单个估计值并不是全部：看看第 4 题区间的下限。"),
            "4476b6db6ce022524603718c0d17d5bcf42d30045ae353ccf6757196a112b85f": msg(
                "Look again at the sign of the VIP NPS from task 3.", "再看一下第 3 题里 VIP NPS 的正负号。"),
        },
        hints=[msg("Write down the interval NPS − margin to NPS + margin from tasks 3 and 4.",
                   "用第 3、4 题的结果写出区间：NPS − 误差范围 到 NPS + 误差范围。")],
    ),
)


def close_points(a: float, b: float) -> bool:
    """Equal within 0.05 NPS points (the tolerance of tasks 3 and 4).

    Parameters
    ----------
    a, b : float

    Returns
    -------
    bool

    Examples
    --------
    >>> close_points(20.0, 20.04), close_points(20.0, 20.1)
    (True, False)
    """
    return abs(a - b) <= 0.05


def make_checks(
    survey: pd.DataFrame | None = None,
    customers: pd.DataFrame | None = None,
    transactions: pd.DataFrame | None = None,
    *,
    lang: str = "en",
) -> Checks:
    """The checks of exercise 06 (default data: the synthetic company).

    Parameters
    ----------
    survey, customers, transactions : DataFrame, optional
    lang : {"en", "zh"}
        Language of the feedback and hints.

    Returns
    -------
    Checks

    Examples
    --------
    >>> survey = pd.DataFrame({"customer_id": list("abcd"), "survey_date": pd.to_datetime(["2025-06-01"] * 4),
    ...                        "satisfaction": [5, 4, 3, 2], "repurchase_probability": [90, 70, 40, 10],
    ...                        "recommend_score": [10, 9, 8, 3]})
    >>> customers = pd.DataFrame({"customer_id": list("abcd"), "membership": ["VIP", "VIP", "member", "walk-in"]})
    >>> tx = pd.DataFrame({"customer_id": list("abcd"), "order_id": list("1234"), "revenue": [5.0] * 4,
    ...                    "date": pd.to_datetime(["2025-07-01", "2025-01-01", "2025-08-01", "2025-12-31"])})
    >>> check = make_checks(survey, customers, tx)
    >>> check.task1.evaluate(0.5).status, check.task1.evaluate(50).status
    ('correct', 'incorrect')
    """
    return Checks(TASKS, Reference(transactions, survey=survey, customers=customers), lang=lang)


#: The checks used by ``exercises/06_loyalty.ipynb``.
check = make_checks()
