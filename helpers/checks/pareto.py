"""Self-checks for exercise 01 (the 80/20 rule) on the synthetic company.

In the exercise notebook::

    from helpers.checks.pareto import check
    check.task2(top20)   # ✅ / ❌ with a specific hint / ⏳ not answered yet
    check.hint(2)

Expected values are computed from the shipped data with :mod:`helpers.pareto`,
so a check says *what* looks wrong (percent instead of fraction, ranked
order lines instead of customers, bottom instead of top ...) without ever
printing the value itself.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from helpers import pareto
from helpers.checks._reference import CompanyReference
from helpers.checks.core import Checks, Feedback, Task, as_number, close

#: The answer letters of task 6 and the range of the top-20% share each one claims.
TASK6_OPTIONS: dict[str, tuple[float, float]] = {
    "a": (0.80, 1.00),  # the 80/20 rule holds (or is beaten)
    "b": (0.50, 0.80),  # concentrated, but less than the slogan
    "c": (0.00, 0.50),  # spread out: the top fifth bring less than half
}


def make_checks(transactions: pd.DataFrame | None = None) -> Checks:
    """Build the checks of exercise 01 against ``transactions`` (default: the synthetic company).

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": list("aabcd"), "revenue": [60.0, 20, 10, 5, 5],
    ...                    "cost": [30.0, 10, 5, 4, 4]})
    >>> check = make_checks(tx)
    >>> check.task2.evaluate(0.8).status
    'correct'
    >>> check.task2.evaluate(80).message[:40]
    'A share is a fraction between 0 and 1: y'
    """
    ref = CompanyReference(transactions)

    def task1(revenue: Any) -> Feedback:
        name = "Task 1"
        if isinstance(revenue, pd.DataFrame):
            return Feedback(name, "incorrect", "You stored a whole table. Keep one column: the revenue per customer (a Series).")
        if not isinstance(revenue, pd.Series):
            return Feedback(name, "incorrect", f"Expected a pandas Series with one value per customer; you stored a {type(revenue).__name__}.")
        if len(revenue) == len(ref.tx):
            return Feedback(name, "incorrect", "You have one value per order line. Add the lines up per customer (group by customer_id).")
        if len(revenue) != len(ref.revenue):
            return Feedback(name, "incorrect", f"You have {len(revenue):,} values, but the company has a different number of buying customers. Group by customer_id over all transactions.")
        total = float(pd.to_numeric(revenue, errors="coerce").sum())
        if not close(total, float(ref.revenue.sum()), 0.01):
            if close(total, float(ref.tx.loc[ref.tx["revenue"] > 0, "revenue"].sum()), 0.01):
                return Feedback(name, "incorrect", "Your totals leave out the returns (negative rows). Keep every row: returns reduce what a customer brought.")
            return Feedback(name, "incorrect", "The totals do not add up to the company's revenue. Did you add up the 'revenue' column?")
        return Feedback(name, "correct", "One total per customer, returns included.")

    def share_task(name: str, values_of: str) -> Any:
        def evaluate(answer: Any) -> Feedback:
            values = getattr(ref, values_of)
            x = as_number(answer)
            if x is None:
                return Feedback(name, "incorrect", f"Expected one number (a share such as 0.42); you stored a {type(answer).__name__}.")
            expected = pareto.top_share(values, 0.2)
            if close(x, expected, 5e-4):
                return Feedback(name, "correct", "That is the share of the top fifth of customers.")
            if 1 < x <= 100 and close(x / 100, expected, 5e-4):
                return Feedback(name, "incorrect", "A share is a fraction between 0 and 1: you gave a percentage. Divide by 100.")
            if x > 1:
                return Feedback(name, "incorrect", "A share is a fraction between 0 and 1: yours is larger than 1.")
            if close(x, 0.2, 1e-9):
                return Feedback(name, "incorrect", "0.2 is the share of *customers*. The question asks what share of the *value* they hold.")
            k = pareto.top_count(len(values), 0.2)
            bottom = float(np.sort(values.to_numpy())[:k].sum() / values.sum())
            if close(x, bottom, 5e-4):
                return Feedback(name, "incorrect", "You took the smallest customers. Sort from the largest down (or use pareto.top_share).")
            if values_of == "margin" and close(x, pareto.top_share(ref.revenue, 0.2), 5e-4):
                return Feedback(name, "incorrect", "That is the revenue share again. Compute margin = revenue − cost per customer first.")
            if close(x, pareto.top_share(ref.tx["revenue"].clip(lower=0), 0.2), 5e-4):
                return Feedback(name, "incorrect", "You ranked order lines, not customers. Use the per-customer totals.")
            return Feedback(name, "incorrect", "Not the share of the top 20% of customers. Check that you pass the per-customer totals and fraction=0.2.")

        return evaluate

    def task3(g: Any) -> Feedback:
        name = "Task 3"
        x = as_number(g)
        if x is None:
            return Feedback(name, "incorrect", f"Expected one number; you stored a {type(g).__name__}.")
        expected = pareto.gini(ref.revenue)
        if close(x, expected, 5e-4):
            return Feedback(name, "correct", "That is the Gini coefficient of revenue per customer.")
        if not 0 <= x < 1:
            return Feedback(name, "incorrect", "A Gini coefficient lies between 0 (all equal) and 1 (one customer holds everything).")
        if close(x, pareto.top_share(ref.revenue, 0.2), 5e-4):
            return Feedback(name, "incorrect", "That is the top-20% share, not the Gini coefficient. Use pareto.gini().")
        if close(x, 1 - expected, 5e-4):
            return Feedback(name, "incorrect", "You computed 1 − Gini. The Gini grows with inequality.")
        return Feedback(name, "incorrect", "Not the Gini of revenue per customer. Pass the Series from task 1 to pareto.gini().")

    def task5(pct: Any) -> Feedback:
        name = "Task 5"
        x = as_number(pct)
        if x is None:
            return Feedback(name, "incorrect", "Record a whole number of percent, e.g. 12 for 12%.")
        reached = [p for p in range(1, 101) if pareto.top_share(ref.revenue, p / 100) >= 0.5]
        expected = reached[0]
        if 0 < x < 1:
            return Feedback(name, "incorrect", "Record the slider position in percent (a whole number such as 12), not a fraction.")
        if x == expected:
            return Feedback(name, "correct", "That is the smallest slice of customers holding half the revenue.")
        if x > expected:
            return Feedback(name, "incorrect", "At that position the top customers hold at least half, but a smaller slice already does. Move the slider down until the share drops below 50%, then one step back up.")
        return Feedback(name, "incorrect", "At that position the top customers hold less than half of revenue. Move the slider up.")

    def task6(answer: Any) -> Feedback:
        name = "Task 6"
        if not isinstance(answer, str) or answer.strip().lower() not in TASK6_OPTIONS:
            return Feedback(name, "incorrect", "Answer with one letter in quotes: \"a\", \"b\" or \"c\".")
        low, high = TASK6_OPTIONS[answer.strip().lower()]
        share = pareto.top_share(ref.revenue, 0.2)
        if low <= share < high or (high == 1.0 and share >= low):
            return Feedback(name, "correct", "Your reading matches the share you measured.")
        return Feedback(name, "incorrect", "Compare the statement with the top-20% share you measured in task 2.")

    def task7(func: Any) -> Feedback:
        name = "Task 7"
        if not callable(func):
            return Feedback(name, "incorrect", "Pass the function itself: check.task7(share_of_top), without brackets after its name.")
        cases = [([4.0, 3.0, 2.0, 1.0], 0.5), ([10.0, 0.0, 0.0, 0.0, 0.0], 0.2), ([1.0] * 100, 0.07), ([2.0, 9.0, 4.0], 0.5)]
        for values, fraction in cases:
            got = func(list(values), fraction)
            if got is Ellipsis or got is None:
                return Feedback(name, "unanswered", "Fill in the `...` lines inside the function, then run its cell and this one again.")
            x = as_number(got)
            if x is None:
                return Feedback(name, "incorrect", f"The function should return one number; it returned a {type(got).__name__}.")
            expected = pareto.top_share(values, fraction)
            if close(x, expected, 1e-9):
                continue
            ordered = sorted(values)
            k = pareto.top_count(len(values), fraction)
            if close(x, sum(ordered[:k]) / sum(values), 1e-9):
                return Feedback(name, "incorrect", "You kept the smallest values. Sort from the largest down: sorted(values, reverse=True).")
            floor_k = max(1, int(fraction * len(values)))
            if floor_k != k and close(x, sum(sorted(values, reverse=True)[:floor_k]) / sum(values), 1e-9):
                return Feedback(name, "incorrect", "You rounded the number of customers down. The course rounds up with math.ceil.")
            if len(values) == 100 and close(x, sum(sorted(values, reverse=True)[: k + 1]) / sum(values), 1e-9):
                return Feedback(name, "incorrect", "0.07 × 100 came out as 7.000000000000001 and ceil made it 8. Round fraction × n to 9 decimals before math.ceil.")
            if x > 1 + 1e-9:
                return Feedback(name, "incorrect", "The result is above 1: divide by the sum of *all* values, not of the top ones.")
            return Feedback(name, "incorrect", f"For values {values} and fraction {fraction} the result is not the top share. Check each of the three steps.")
        return Feedback(name, "correct", "Your function agrees with the course's rule on every test input.")

    return Checks(
        [
            Task("Task 1", task1, [
                "Each transaction row belongs to a customer; you need one total per customer.",
                "pareto.value_by_customer(transactions, amount=\"revenue\") adds the rows up per customer.",
            ]),
            Task("Task 2", share_task("Task 2", "revenue"), [
                "The share of the top 20% is what the top fifth of customers bring, divided by the total.",
                "pareto.top_share(values, fraction=0.2) does the sorting and dividing for you.",
            ]),
            Task("Task 3", task3, [
                "The Gini coefficient summarises the whole Lorenz curve in one number.",
                "pareto.gini(values) takes the per-customer totals from task 1.",
            ]),
            Task("Task 4", share_task("Task 4", "margin"), [
                "Margin = revenue − cost, first for each row, then added up per customer.",
                "Add a column with transactions.assign(margin=...), then use value_by_customer(..., amount=\"margin\").",
            ]),
            Task("Task 5", task5, [
                "Drag the slider and watch the sentence under it.",
                "Find the lowest position where the share reads 50% or more.",
            ]),
            Task("Task 6", task6, [
                "Read your answer to task 2 as a percentage and compare it with each statement.",
            ]),
            Task("Task 7", task7, [
                "Try it by hand on [4, 3, 2, 1] with fraction 0.5: the top 2 of 4 values hold 7 of 10.",
                "ordered = sorted(values, reverse=True); k = math.ceil(...); then sum(ordered[:k]) / sum(ordered).",
            ]),
        ]
    )


#: The checks used by ``exercises/01_pareto.ipynb``.
check = make_checks()
