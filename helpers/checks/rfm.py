"""Self-checks for exercise 04 (RFM) on the synthetic company.

In the exercise notebook::

    from helpers.checks.rfm import check
    check.task1(recency, frequency, monetary)
    check.hint(1)
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

import pandas as pd

from helpers import rfm
from helpers.checks._reference import CompanyReference
from helpers.checks.core import Checks, Feedback, Task, as_number, choice, close

#: The customer whose RFM is worked out in task 1.
CUSTOMER = "C00084"
#: Task 5: the first action for "can't lose" customers.
TASK5_ANSWER = "b"


class _Reference(CompanyReference):
    @cached_property
    def result(self) -> pd.DataFrame:
        return rfm.rfm(self.tx)

    @cached_property
    def r_rfm(self) -> pd.DataFrame:
        return rfm.rfm_table(self.tx, convention="r_rfm")

    @cached_property
    def customer(self) -> str:
        return CUSTOMER if CUSTOMER in self.result.index else str(self.result.index[0])


def make_checks(transactions: pd.DataFrame | None = None) -> Checks:
    """Build the checks of exercise 04 against ``transactions`` (default: the synthetic company).

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["C00084", "C00084", "x"],
    ...                    "date": pd.to_datetime(["2025-01-01", "2025-01-05", "2025-01-02"]),
    ...                    "revenue": [10.0, 20.0, 5.0]})
    >>> check = make_checks(tx)
    >>> check.task1.evaluate(1, 2, 30).status, check.task1.evaluate(1, 2, 15).status
    ('correct', 'incorrect')
    """
    ref = _Reference(transactions)

    def task1(recency: Any, frequency: Any, monetary: Any) -> Feedback:
        name = "Task 1"
        r, f, m = as_number(recency), as_number(frequency), as_number(monetary)
        if None in (r, f, m):
            return Feedback(name, "incorrect", "Store three single numbers: recency (days), frequency (purchase days) and monetary (net revenue).")
        row = ref.result.loc[ref.customer]
        problems = []
        if r != row["recency"]:
            if r == row["recency"] - 1:
                problems.append("recency is one day short: count from the last purchase day to as_of (the day after the last transaction), not to the last transaction")
            elif ref.customer in ref.r_rfm.index and close(r, ref.r_rfm.loc[ref.customer, "recency"], 1e-3):
                problems.append("recency has a fraction of a day: count whole days between the purchase *day* and as_of")
            else:
                problems.append("recency is off: days from the customer's last purchase day to as_of")
        if f != row["frequency"]:
            if ref.customer in ref.r_rfm.index and f == ref.r_rfm.loc[ref.customer, "frequency"]:
                problems.append("frequency counts every row, including the return: count the days with a purchase (revenue > 0)")
            else:
                problems.append("frequency is off: count the distinct days on which the customer bought")
        if not close(m, row["monetary"], 0.01):
            buys = ref.tx.loc[(ref.tx["customer_id"] == ref.customer) & (ref.tx["revenue"] > 0), "revenue"].sum()
            if close(m, buys, 0.01):
                problems.append("monetary leaves out the return: add up all rows, returns are negative")
            else:
                problems.append("monetary is off: the sum of the customer's revenue, returns included")
        if not problems:
            return Feedback(name, "correct", "R, F and M match the kit's definitions.")
        return Feedback(name, "incorrect", "; ".join(problems).capitalize() + ".")

    def task2(scores: Any) -> Feedback:
        name = "Task 2"
        if not isinstance(scores, pd.DataFrame):
            return Feedback(name, "incorrect", f"Expected the table from rfm.rfm_scores (a DataFrame); you stored a {type(scores).__name__}.")
        missing = [c for c in ("r_score", "f_score", "m_score") if c not in scores.columns]
        if missing:
            return Feedback(name, "incorrect", f"The table has no column(s) {missing}. Pass the RFM table to rfm.rfm_scores(table).")
        expected = ref.result
        if len(scores) != len(expected):
            return Feedback(name, "incorrect", f"You scored {len(scores):,} customers; the company has {len(expected):,}. Score the whole table.")
        got = scores.reindex(expected.index)[["r_score", "f_score", "m_score"]]
        if got.isna().any().any():
            return Feedback(name, "incorrect", "Some customers are missing: score the table built from all transactions.")
        if (got.to_numpy() == expected[["r_score", "f_score", "m_score"]].to_numpy()).all():
            return Feedback(name, "correct", "Every customer has the kit's quintile scores.")
        if got.max().max() != 5 or got.min().min() != 1:
            return Feedback(name, "incorrect", "Scores should run from 1 to 5: use bins=5 (the default).")
        r_way = rfm.rfm_scores(rfm.rfm_table(ref.tx, convention="r_rfm"), convention="r_rfm").reindex(expected.index)
        if (got.to_numpy() == r_way[["r_score", "f_score", "m_score"]].to_numpy()).all():
            return Feedback(name, "incorrect", "These are the R package's scores. The exercise uses the kit's convention (convention=\"kit\").")
        if (got["r_score"] == 6 - expected["r_score"]).all():
            return Feedback(name, "incorrect", "Recency runs the wrong way: a recent buyer (few days) should get a high R score.")
        return Feedback(name, "incorrect", "Some scores differ. Use rfm.rfm_scores(table) on the kit table from task 2.")

    def task3(segment: Any) -> Feedback:
        name = "Task 3"
        if not isinstance(segment, str):
            return Feedback(name, "incorrect", "Answer with the segment name in quotes, e.g. \"new\".")
        got = segment.strip().lower().replace("'", "").replace(" ", "_")
        row = ref.result.loc[ref.customer]
        if got == row["segment"]:
            return Feedback(name, "correct", "Right: read the scores, then the first matching rule of rfm.KIT_SEGMENTS.")
        if got in ("vip", "regular", "potential"):
            return Feedback(name, "incorrect", "That is a tier. The task asks for the segment (one of the names in rfm.KIT_SEGMENTS).")
        names = [r.name for r in rfm.KIT_SEGMENTS]
        if got not in names:
            return Feedback(name, "incorrect", f"Use one of the kit's segment names: {', '.join(names)}.")
        return Feedback(name, "incorrect", "Look up the customer's r_score, f_score and m_score and walk down rfm.KIT_SEGMENTS: the first rule that matches wins.")

    def task4(share: Any) -> Feedback:
        name = "Task 4"
        x = as_number(share)
        if x is None:
            return Feedback(name, "incorrect", "Store one number between 0 and 1.")
        summary = rfm.segment_summary(ref.result, ref.result["segment"])
        if "champions" not in summary.index:
            return Feedback(name, "error", "This data has no champions; ask your trainer.")
        want = summary.loc["champions", "value_share"]
        if close(x, want, 5e-4):
            return Feedback(name, "correct", "That is the champions' share of revenue.")
        if 1 < x <= 100 and close(x / 100, want, 5e-4):
            return Feedback(name, "incorrect", "Give the share as a fraction (0.5), not a percentage (50).")
        if close(x, summary.loc["champions", "customer_share"], 5e-4):
            return Feedback(name, "incorrect", "That is the champions' share of *customers*. The task asks for their share of *revenue*.")
        return Feedback(name, "incorrect", "Make rfm.segment_summary(result, result[\"segment\"]) and read value_share in the row \"champions\".")

    def task5(answer: Any) -> Feedback:
        return choice("Task 5", answer, TASK5_ANSWER,
                      "They were among the best customers and have gone quiet: a person should find out why, now.", {
            "a": "A mass discount treats your best past customers like everybody else and costs margin. "
                 "What would you do for a key account that stopped ordering?",
            "c": "Waiting is how 'can't lose' becomes 'lost'. Their recency score is already low."})

    return Checks([
        Task("Task 1", task1, ["Filter the customer's rows; as_of is the day after the last transaction.",
                               "recency = (as_of − last purchase day).days; frequency = number of distinct purchase days "
                               "with revenue > 0; monetary = sum of all revenue rows."]),
        Task("Task 2", task2, ["Two steps: a table of R, F, M per customer, then scores.",
                               "table = rfm.rfm_table(transactions, as_of); scores = rfm.rfm_scores(table)"]),
        Task("Task 3", task3, ["Find the customer's row in `scores` and read the three scores.",
                               "Walk down rfm.KIT_SEGMENTS in order; each rule gives ranges (low, high) for R, F and M."]),
        Task("Task 4", task4, ["rfm.segment_summary(result, result[\"segment\"]) has one row per segment.",
                               "Read the column value_share in the row \"champions\"."]),
        Task("Task 5", task5, ["Their R score is 1–2 but F and M are 4–5. What does that history deserve?"]),
    ])


#: The checks used by ``exercises/04_rfm.ipynb``.
check = make_checks()
