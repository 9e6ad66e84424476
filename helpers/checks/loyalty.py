"""Self-checks for exercise 06 (loyalty metrics) on the synthetic company.

In the exercise notebook::

    from helpers.checks.loyalty import check
    check.task3(nps_vip)   # ✅ / ❌ with a specific hint / ⏳ not answered yet
    check.hint(3)

Expected values are computed from the shipped data with :mod:`helpers.loyalty`;
a check names the likely mistake (percent instead of fraction, wrong cut-offs,
a standard error instead of a margin ...) and never prints the value.
"""

from __future__ import annotations

import math
from functools import cached_property
from typing import Any

import pandas as pd

from helpers import loyalty
from helpers.checks._reference import CompanyReference
from helpers.checks.core import Checks, Feedback, Task, as_number, choice, close

#: Task 6: the right letter (the VIP interval is wide; "at least 40 for sure" is not supported).
TASK6_ANSWER = "b"


class _Reference(CompanyReference):
    """Reference values, computed on the first check only."""

    @property
    def frames(self) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        return self.frame("survey"), self.frame("customers"), self.tx

    @cached_property
    def answers(self) -> pd.DataFrame:
        survey, customers, tx = self.frames
        tiers = loyalty.service_tiers(tx, survey["survey_date"].min(), customers=customers)
        return survey.assign(tier=tiers.reindex(survey["customer_id"]).to_numpy())

    @cached_property
    def vip_scores(self) -> pd.Series:
        a = self.answers
        return a.loc[a["tier"] == "VIP", "recommend_score"].astype(float)

    @cached_property
    def bought(self) -> pd.Series:
        survey, _, tx = self.frames
        return loyalty.bought_after_survey(tx, survey=survey)


def _diagnose(name: str, x: float, mistakes: list[tuple[float, str]], *, tol: float, otherwise: str) -> Feedback:
    """The hint of the first known mistake that ``x`` matches (within ``tol``), else the general hint."""
    for value, message in mistakes:
        if close(x, value, tol):
            return Feedback(name, "incorrect", message)
    return Feedback(name, "incorrect", otherwise)


def _shares(scores: pd.Series, promoter_at: int = 9, detractor_below: int = 7) -> tuple[float, float]:
    return float((scores >= promoter_at).mean()), float((scores < detractor_below).mean())


def make_checks(
    survey: pd.DataFrame | None = None,
    customers: pd.DataFrame | None = None,
    transactions: pd.DataFrame | None = None,
) -> Checks:
    """Build the checks of exercise 06 (default data: the synthetic company).

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
    ref = _Reference(transactions, survey=survey, customers=customers)

    def share_task(name: str, expected_of: Any, mistakes: list[tuple[Any, str]], what: str) -> Any:
        def evaluate(answer: Any) -> Feedback:
            x = as_number(answer)
            if x is None:
                return Feedback(name, "incorrect", f"Expected one number (a share such as 0.42); you stored a {type(answer).__name__}.")
            expected = expected_of()
            if close(x, expected, 5e-4):
                return Feedback(name, "correct", what)
            if 1 < x <= 100 and close(x / 100, expected, 5e-4):
                return Feedback(name, "incorrect", "A share is a fraction between 0 and 1: you gave a percentage. Divide by 100.")
            if not 0 <= x <= 1:
                return Feedback(name, "incorrect", "A share lies between 0 and 1.")
            for wrong_of, message in mistakes:
                if close(x, wrong_of(), 5e-4):
                    return Feedback(name, "incorrect", message)
            return Feedback(name, "incorrect", "Not the share asked for. Check which answers you count and that you divide by all respondents.")

        return evaluate

    sat = lambda: ref.answers["satisfaction"]  # noqa: E731
    rep = lambda: ref.answers["repurchase_probability"]  # noqa: E731

    task1 = share_task("Task 1", lambda: float((sat() >= 4).mean()), [
        (lambda: float((sat() == 5).mean()), "You counted only 'very satisfied' (5). Top-2-box counts the two best answers, 4 and 5."),
        (lambda: float((sat() >= 3).mean()), "You counted 3 as well. Top-2-box counts only the two best answers, 4 and 5."),
        (lambda: float((sat() <= 2).mean()), "That is the bottom-2-box (dissatisfied). Count the answers 4 and 5."),
    ], "That is the top-2-box CSAT.")
    task2 = share_task("Task 2", lambda: float((rep() > 70).mean()), [
        (lambda: float((rep() >= 70).mean()), "You included the answers of exactly 70%. The band is *above* 70%: use > 70, not >= 70."),
        (lambda: float((rep() < 30).mean()), "That is the low band (below 30%). The task asks for above 70%."),
        (lambda: float(((rep() >= 30) & (rep() <= 70)).mean()), "That is the middle band (30–70%). The task asks for above 70%."),
    ], "That is the share stating a repurchase probability above 70%.")

    def task3(answer: Any) -> Feedback:
        name = "Task 3"
        x = as_number(answer)
        if x is None:
            return Feedback(name, "incorrect", f"Expected one number (NPS points, e.g. -12.5); you stored a {type(answer).__name__}.")
        scores = ref.vip_scores
        p, d = _shares(scores)
        expected = 100 * (p - d)
        if close(x, expected, 0.05):
            return Feedback(name, "correct", "That is the VIP tier's NPS.")
        if close(100 * x, expected, 0.05):
            return Feedback(name, "incorrect", "NPS is quoted in points from −100 to +100: multiply your difference of shares by 100.")
        if not -100 <= x <= 100:
            return Feedback(name, "incorrect", "An NPS lies between −100 (all detractors) and +100 (all promoters).")
        all_p, all_d = _shares(ref.answers["recommend_score"])
        wrong = [
            (100 * (all_p - all_d), "That is the NPS of all respondents. Keep only the rows whose tier is 'VIP'."),
            (100 * p, "That is the share of promoters alone. Subtract the share of detractors."),
            (100 * (p - (1 - p - d)), "You subtracted the passives (7–8). Subtract the detractors (0–6)."),
            (100 * (float((scores >= 7).mean()) - d), "Promoters answer 9 or 10 only; 7 and 8 are passives."),
            (100 * (p - float((scores <= 5).mean())), "Detractors answer 0 to 6: include the 6s."),
            (100 * (float((scores >= 8).mean()) - d), "Promoters answer 9 or 10; an 8 is a passive."),
        ]
        return _diagnose(name, x, wrong, tol=0.05, otherwise=(
            "Not the VIP NPS. Compute the share of promoters (9–10) and of detractors (0–6) among the VIP answers, then 100 × (promoters − detractors)."))

    def task4(answer: Any) -> Feedback:
        name = "Task 4"
        x = as_number(answer)
        if x is None:
            return Feedback(name, "incorrect", f"Expected one number (points, e.g. 12.3); you stored a {type(answer).__name__}.")
        scores = ref.vip_scores
        n = len(scores)
        p, d = _shares(scores)
        var = p + d - (p - d) ** 2
        expected = 1.96 * 100 * math.sqrt(var / n)
        if close(x, expected, 0.05):
            return Feedback(name, "correct", "That is the 95% margin of error of the VIP NPS.")
        if x < 0:
            return Feedback(name, "incorrect", "A margin of error is a positive number of points (the NPS is ± that).")
        if close(100 * x, expected, 0.05):
            return Feedback(name, "incorrect", "Give the margin in NPS points: multiply by 100.")
        wrong = [
            (100 * math.sqrt(var / n), "That is the standard error. The 95% margin is 1.96 times the standard error."),
            (1.96 * 100 * math.sqrt(var * n / (n - 1) / n) if n > 1 else -1,
             "You used the sample variance (dividing by n − 1). The course formula divides by n: p + d − (p − d)²."),
            (1.96 * 100 * math.sqrt(var), "You forgot to divide the variance by the number of answers n before the square root."),
            (1.96 * 100 * math.sqrt(p * (1 - p) / n), "That is the margin of the promoter share alone. Use the variance of the +1/0/−1 score: p + d − (p − d)²."),
            (1.96 * 100 * math.sqrt((p + d) / n), "You left out the − (p − d)² term of the variance."),
            (1.96 * 100 * var / math.sqrt(n), "Take the square root of the variance: margin = 1.96 × 100 × sqrt(variance / n)."),
        ]
        return _diagnose(name, x, wrong, tol=0.05, otherwise=(
            "Not the 95% margin. Variance = p + d − (p − d)² with p, d the VIP shares of promoters and detractors; margin = 1.96 × 100 × sqrt(variance / n)."))

    def task5(answer: Any) -> Feedback:
        name = "Task 5"
        x = as_number(answer)
        if x is None:
            return Feedback(name, "incorrect", f"Expected a count of respondents (a whole number); you stored a {type(answer).__name__}.")
        survey = ref.frames[0]
        satisfied = survey["satisfaction"].to_numpy() >= 4
        bought = ref.bought.reindex(survey["customer_id"]).to_numpy(dtype=bool)
        expected = int((satisfied & ~bought).sum())
        if x == expected:
            return Feedback(name, "correct", "Those are the satisfied customers who did not come back.")
        if 0 < x < 1:
            return Feedback(name, "incorrect", "The task asks for a number of respondents, not a share.")
        wrong = [
            (int((satisfied & bought).sum()), "Those are the satisfied customers who *did* buy again. Count the ones who did not."),
            (int(satisfied.sum()), "That is every satisfied respondent. Keep only those with no purchase after the survey."),
            (int((~bought).sum()), "That is everybody who did not buy again. Keep only the satisfied ones (4 or 5)."),
            (int(((survey["satisfaction"].to_numpy() == 5) & ~bought).sum()), "Satisfied means 4 or 5 (top-2-box), not only 5."),
        ]
        return _diagnose(name, x, wrong, tol=0, otherwise=(
            "Not the count. Combine satisfaction >= 4 with 'did not buy in the 183 days after the survey' (loyalty.bought_after_survey)."))

    def task6(answer: Any) -> Feedback:
        return choice("Task 6", answer, TASK6_ANSWER, "With a few dozen answers, the interval is what you can claim.", {
            "a": "The point estimate is not the whole story: look at the lower end of the interval from task 4.",
            "c": "Look again at the sign of the VIP NPS from task 3."})

    return Checks(
        [
            Task("Task 1", task1, [
                "Top-2-box: the share of answers that are 4 or 5.",
                "(answers[\"satisfaction\"] >= 4).mean() gives a share of True values.",
            ]),
            Task("Task 2", task2, [
                "The high band is a stated probability strictly above 70%.",
                "(answers[\"repurchase_probability\"] > 70).mean()",
            ]),
            Task("Task 3", task3, [
                "Keep the VIP rows first; promoters answer 9–10, detractors 0–6.",
                "p = (scores >= 9).mean(); d = (scores <= 6).mean(); nps_vip = 100 * (p - d)",
            ]),
            Task("Task 4", task4, [
                "Each answer scores +1, 0 or −1; the variance of that score is p + d − (p − d)².",
                "margin = 1.96 * 100 * math.sqrt((p + d - (p - d) ** 2) / n), with n the number of VIP answers.",
            ]),
            Task("Task 5", task5, [
                "Two conditions: satisfaction 4 or 5, and no purchase in the window after the survey.",
                "bought = loyalty.bought_after_survey(transactions, survey=survey); then count satisfied & ~bought.",
            ]),
            Task("Task 6", task6, [
                "Write down the interval NPS − margin to NPS + margin from tasks 3 and 4.",
            ]),
        ]
    )


#: The checks used by ``exercises/06_loyalty.ipynb``.
check = make_checks()
