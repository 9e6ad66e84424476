"""Self-checks for exercise 03 (contribution scoring) on the synthetic company.

In the exercise notebook::

    from helpers.checks.contribution import check
    check.task3(scored)
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

import pandas as pd

from helpers import contribution
from helpers.checks.core import Checks, Feedback, Task, as_number, close

#: The weights the exercise asks for.
WEIGHTS: dict[str, float] = {"revenue": 0.4, "margin": 0.3, "marginal_contribution": 0.3}


class _Reference:
    def __init__(self, transactions: pd.DataFrame | None, contacts: pd.DataFrame | None) -> None:
        self._tx, self._contacts = transactions, contacts

    @cached_property
    def data(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        if self._tx is not None:
            return self._tx, self._contacts
        from helpers.data import load_synthetic

        return load_synthetic("transactions"), load_synthetic("contacts")

    @cached_property
    def table(self) -> pd.DataFrame:
        return contribution.contribution_table(self.data[0], contacts=self.data[1])

    @cached_property
    def scored(self) -> pd.DataFrame:
        return contribution.weighted_score(self.table, WEIGHTS)

    @cached_property
    def revenue_only(self) -> pd.DataFrame:
        return contribution.weighted_score(self.table, {"revenue": 1.0})


def _ids(answer: Any) -> list[str] | None:
    if isinstance(answer, (pd.DataFrame, pd.Series)):
        return [str(i) for i in answer.index]
    if isinstance(answer, (str, bytes)) or not hasattr(answer, "__iter__"):
        return None
    return [str(i) for i in answer]


def make_checks(transactions: pd.DataFrame | None = None, contacts: pd.DataFrame | None = None) -> Checks:
    """Build the checks of exercise 03 (default data: the synthetic company).

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": list("abc"), "revenue": [100.0, 60, 20], "cost": [50.0, 20, 10]})
    >>> sv = pd.DataFrame({"customer_id": ["c"], "cost_to_serve": [30.0]})
    >>> check = make_checks(tx, sv)
    >>> check.task2.evaluate(1).status, check.task2.evaluate(0).status
    ('correct', 'incorrect')
    """
    ref = _Reference(transactions, contacts)

    def task1(table: Any) -> Feedback:
        name = "Task 1"
        if not isinstance(table, pd.DataFrame):
            return Feedback(name, "incorrect", f"Expected a table (DataFrame); you stored a {type(table).__name__}.")
        if "marginal_contribution" not in table.columns:
            return Feedback(name, "incorrect", "The table has no marginal_contribution column. Use contribution.contribution_table.")
        got = table["marginal_contribution"].reindex(ref.table.index)
        if got.isna().any():
            return Feedback(name, "incorrect", "Some customers are missing. Pass all transactions.")
        if (got - ref.table["marginal_contribution"]).abs().max() < 0.01:
            return Feedback(name, "correct", "Margin minus cost to serve, for every customer.")
        if (got - ref.table["margin"]).abs().max() < 0.01:
            return Feedback(name, "incorrect", "Your marginal contribution equals the margin: the cost to serve is missing. Pass the contacts table too.")
        return Feedback(name, "incorrect", "Some values differ. Use contribution.contribution_table(transactions, contacts=contacts).")

    def task2(n_negative: Any) -> Feedback:
        name = "Task 2"
        x = as_number(n_negative)
        if x is None:
            return Feedback(name, "incorrect", "Store one whole number: how many customers have a negative marginal contribution.")
        expected = int((ref.table["marginal_contribution"] < 0).sum())
        if x == expected:
            return Feedback(name, "correct", "These customers cost more to serve than they earn.")
        if x == int((ref.table["margin"] < 0).sum()):
            return Feedback(name, "incorrect", "You counted negative *margin*. Count negative *marginal contribution* (after cost to serve).")
        if 0 < x < 1:
            return Feedback(name, "incorrect", "That looks like a share; the task asks for a number of customers.")
        return Feedback(name, "incorrect", "Count the rows where marginal_contribution < 0.")

    def task3(scored: Any) -> Feedback:
        name = "Task 3"
        if not isinstance(scored, pd.DataFrame) or "score" not in scored.columns:
            return Feedback(name, "incorrect", "Expected the table returned by contribution.weighted_score (with a score column).")
        got = scored["score"].reindex(ref.scored.index)
        if got.isna().any():
            return Feedback(name, "incorrect", "Some customers are missing: score the whole table from task 1.")
        if (got - ref.scored["score"]).abs().max() < 1e-6:
            return Feedback(name, "correct", "Scores with weights 40/30/30, percentile method.")
        minmax = contribution.weighted_score(ref.table, WEIGHTS, method="minmax")["score"].reindex(got.index)
        if (got - minmax).abs().max() < 1e-6:
            return Feedback(name, "incorrect", "You used min–max scaling. The course's default, percentile, keeps one whale from squeezing everyone else.")
        return Feedback(name, "incorrect", "Check the weights: revenue 0.4, margin 0.3, marginal_contribution 0.3.")

    def task4(top10: Any) -> Feedback:
        name = "Task 4"
        ids = _ids(top10)
        if ids is None:
            return Feedback(name, "incorrect", "Store the ten customer ids (a list, or the first ten rows of the scored table).")
        expected = list(ref.scored.index[:10])
        if len(ids) != 10:
            return Feedback(name, "incorrect", f"You have {len(ids)} customers; the task asks for exactly 10.")
        if ids == expected:
            return Feedback(name, "correct", "The ten highest scores, best first.")
        if set(ids) == set(expected):
            return Feedback(name, "incorrect", "The right ten customers, in the wrong order. Sort by rank (best first).")
        if ids == list(ref.scored.index[-10:]) or ids == list(ref.scored.index[-10:][::-1]):
            return Feedback(name, "incorrect", "These are the lowest scores. Take the first ten rows: rank 1 is the best.")
        if ids == list(ref.revenue_only.index[:10]):
            return Feedback(name, "incorrect", "These are the top 10 by revenue alone. Use the weighted score from task 3.")
        return Feedback(name, "incorrect", "Take the index of the first ten rows of `scored` (it is sorted by rank).")

    def task5(overlap10: Any) -> Feedback:
        name = "Task 5"
        x = as_number(overlap10)
        if x is None:
            return Feedback(name, "incorrect", "Store one whole number between 0 and 10.")
        expected = contribution.top_n_overlap(ref.scored, ref.revenue_only, 10)["overlap"]
        if x == expected:
            return Feedback(name, "correct", "That is how many customers both top-10 lists share.")
        if 0 < x <= 1 and close(x, expected / 10, 1e-9):
            return Feedback(name, "incorrect", "That is the share; the task asks for the number of customers.")
        if x > 10:
            return Feedback(name, "incorrect", "Two lists of ten share at most 10 customers.")
        return Feedback(name, "incorrect", "Score the table with revenue weight 1.0, take its top 10, and count the ids that are also in your top10.")

    return Checks([
        Task("Task 1", task1, ["Marginal contribution needs the cost to serve from the contacts log.",
                               "contribution.contribution_table(transactions, contacts=contacts)"]),
        Task("Task 2", task2, ["A customer costs more than they bring when marginal_contribution is below zero.",
                               "(table[\"marginal_contribution\"] < 0).sum()"]),
        Task("Task 3", task3, ["Weights are fractions that add up to 1.",
                               "contribution.weighted_score(table, {\"revenue\": 0.4, \"margin\": 0.3, \"marginal_contribution\": 0.3})"]),
        Task("Task 4", task4, ["The scored table is sorted with the best customer first.",
                               "list(scored.index[:10])"]),
        Task("Task 5", task5, ["Make a second ranking with {\"revenue\": 1.0}.",
                               "contribution.top_n_overlap(scored, revenue_only, 10)[\"overlap\"]"]),
    ])


#: The checks used by ``exercises/03_contribution.ipynb``.
check = make_checks()
