"""Self-checks for exercise 02 (ABC classification) on the synthetic company.

In the exercise notebook::

    from helpers.checks.abc import check
    check.task1(classes)
    check.hint(1)
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from helpers import abc
from helpers.checks._reference import CompanyReference
from helpers.checks.core import Checks, Feedback, Task, as_number, choice, close

#: Task 6 options: which B customers to grow first.
TASK6_ANSWER = "a"


class _Reference(CompanyReference):
    def classes(self, values: str = "revenue", thresholds: tuple[float, float] = (0.8, 0.95), crossing: str = "upper") -> pd.Series:
        return abc.abc_classes(getattr(self, values), thresholds, crossing)


def _as_class_series(answer: Any, name: str) -> tuple[pd.Series | None, Feedback | None]:
    if isinstance(answer, pd.DataFrame):
        return None, Feedback(name, "incorrect", "You stored a table; keep the one column of classes (a Series).")
    if not isinstance(answer, pd.Series):
        return None, Feedback(name, "incorrect", f"Expected a pandas Series of classes, one per customer; you stored a {type(answer).__name__}.")
    return answer.astype(str), None


def make_checks(transactions: pd.DataFrame | None = None) -> Checks:
    """Build the checks of exercise 02 against ``transactions`` (default: the synthetic company).

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": list("abcd"), "revenue": [40.0, 30, 20, 10], "cost": [39.0, 10, 5, 5]})
    >>> check = make_checks(tx)
    >>> check.task2.evaluate(3).status, check.task2.evaluate(2).status
    ('correct', 'incorrect')
    """
    ref = _Reference(transactions)

    def task1(classes: Any) -> Feedback:
        name = "Task 1"
        got, problem = _as_class_series(classes, name)
        if problem:
            return problem
        expected = ref.classes()
        if set(got.unique()) - set(abc.CLASSES):
            return Feedback(name, "incorrect", "Classes should be the letters A, B and C.")
        if len(got) != len(expected):
            return Feedback(name, "incorrect", f"You have {len(got):,} classes but the company has {len(expected):,} customers. Classify the per-customer revenue.")
        got = got.reindex(expected.index)
        if got.isna().any():
            return Feedback(name, "incorrect", "Some customers are missing: classify the Series `revenue` from the setup cell.")
        if (got == expected.astype(str)).all():
            return Feedback(name, "correct", "Every customer has the right class.")
        if (got == ref.classes(thresholds=(0.7, 0.9)).astype(str).reindex(expected.index)).all():
            return Feedback(name, "incorrect", "These are the 70/90 classes. The task asks for thresholds 80% and 95%.")
        if (got == ref.classes(crossing="lower").astype(str).reindex(expected.index)).all():
            return Feedback(name, "incorrect", "Close: only the customers who cross a threshold differ. The course puts them in the class above (crossing=\"upper\", the default).")
        if (got == ref.classes("margin").astype(str).reindex(expected.index)).all():
            return Feedback(name, "incorrect", "These classes come from margin. Task 1 classifies by revenue.")
        return Feedback(name, "incorrect", "Some classes differ. Use abc.abc_classes(revenue, thresholds=(0.8, 0.95)).")

    def task2(n_a: Any) -> Feedback:
        name = "Task 2"
        x = as_number(n_a)
        if x is None:
            return Feedback(name, "incorrect", "Store one whole number: how many customers are in class A.")
        counts = ref.classes().value_counts()
        if x == counts["A"]:
            return Feedback(name, "correct", "That is the number of A customers.")
        if 0 < x < 1:
            return Feedback(name, "incorrect", "That looks like a share. The task asks for the number of customers.")
        if x in (counts["B"], counts["C"]):
            return Feedback(name, "incorrect", "That is the size of another class. Count the customers whose class is \"A\".")
        return Feedback(name, "incorrect", "Count the A customers: (classes == \"A\").sum().")

    def task3(a_but_c: Any) -> Feedback:
        name = "Task 3"
        if isinstance(a_but_c, (int, float)):
            return Feedback(name, "incorrect", "You stored a number. The task asks for the customers themselves (their ids).")
        if isinstance(a_but_c, pd.DataFrame):
            ids = set(a_but_c.index.astype(str))
        elif isinstance(a_but_c, pd.Series) and a_but_c.dtype == bool:
            ids = set(a_but_c.index[a_but_c].astype(str))
        else:
            try:
                ids = {str(i) for i in a_but_c}
            except TypeError:
                return Feedback(name, "incorrect", f"Expected a list (or Index) of customer ids; you stored a {type(a_but_c).__name__}.")
        r, m = ref.classes().astype(str), ref.classes("margin").astype(str).reindex(ref.classes().index)
        expected = set(r.index[(r == "A") & (m == "C")])
        if ids == expected:
            return Feedback(name, "correct", "These A customers by revenue earn little margin.")
        if ids == set(r.index[(r == "C") & (m == "A")]):
            return Feedback(name, "incorrect", "You found C-by-revenue customers who are A by margin: the other way round.")
        if ids and ids < set(r.index[r == "A"]):
            return Feedback(name, "incorrect", "All of these are A by revenue, but not all (or not only) C by margin. Check the margin classes.")
        return Feedback(name, "incorrect", "Keep the customers whose revenue class is \"A\" and whose margin class is \"C\".")

    def task4(share_a: Any) -> Feedback:
        name = "Task 4"
        x = as_number(share_a)
        if x is None:
            return Feedback(name, "incorrect", "Store one number between 0 and 1.")
        summary = abc.abc_summary(ref.revenue, ref.classes())
        if close(x, summary.loc["A", "value_share"], 5e-4):
            return Feedback(name, "correct", "That is class A's share of revenue.")
        if 1 < x <= 100 and close(x / 100, summary.loc["A", "value_share"], 5e-4):
            return Feedback(name, "incorrect", "Give the share as a fraction (0.8), not a percentage (80).")
        if close(x, summary.loc["A", "customer_share"], 5e-4):
            return Feedback(name, "incorrect", "That is the A customers' share of the *customers*. The task asks for their share of *revenue*.")
        return Feedback(name, "incorrect", "Read the value_share of class A from abc.abc_summary(revenue, classes).")

    def task5(n_a_7090: Any) -> Feedback:
        name = "Task 5"
        x = as_number(n_a_7090)
        if x is None:
            return Feedback(name, "incorrect", "Record the number of A customers shown by the explorer (a whole number).")
        counts = ref.classes(thresholds=(0.7, 0.9)).value_counts()
        if x == counts["A"]:
            return Feedback(name, "correct", "That is class A at 70/90.")
        if x == ref.classes().value_counts()["A"]:
            return Feedback(name, "incorrect", "That is class A at 80/95. Move the sliders to 70 and 90 first.")
        if x == ref.classes("margin", (0.7, 0.9)).value_counts()["A"]:
            return Feedback(name, "incorrect", "That is class A by margin. Choose revenue in the drop-down.")
        return Feedback(name, "incorrect", "Set the A slider to 70 and the B slider to 90, with revenue selected, and read the A count.")

    def task6(answer: Any) -> Feedback:
        return choice("Task 6", answer, TASK6_ANSWER, "Margin tells you where extra sales effort pays back.", {
            "b": "Closeness to the A boundary says little about profit. Look at task 3: revenue and margin classes can disagree.",
            "c": "Effort is limited; the point of tiering is to choose. Which B customers earn the most per sale?"})

    return Checks([
        Task("Task 1", task1, ["Sort customers by revenue and cut at 80% and 95% of the total.",
                               "abc.abc_classes(revenue, thresholds=(0.8, 0.95))"]),
        Task("Task 2", task2, ["Compare the classes with \"A\" and add up the matches.",
                               "(classes == \"A\").sum()"]),
        Task("Task 3", task3, ["Classify margin the same way as revenue, then combine the two conditions.",
                               "margin_classes = abc.abc_classes(margin, (0.8, 0.95)); keep ids where classes == \"A\" and margin_classes == \"C\"."]),
        Task("Task 4", task4, ["abc.abc_summary(revenue, classes) has one row per class.",
                               "Read the row \"A\", column \"value_share\"."]),
        Task("Task 5", task5, ["Use the explorer: revenue in the drop-down, sliders at 70 and 90.",
                               "The sentence under the sliders starts with the number of A customers."]),
        Task("Task 6", task6, ["Extra sales effort costs money; where does an extra sale earn the most?"]),
    ])


#: The checks used by ``exercises/02_abc.ipynb``.
check = make_checks()
