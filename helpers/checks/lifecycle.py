"""Self-checks for exercise 05 (lifecycle stages) on the synthetic company.

In the exercise notebook::

    from helpers.checks.lifecycle import check
    check.task1(silent_days)
    check.hint(1)
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

import pandas as pd

from helpers import lifecycle
from helpers.checks._reference import CompanyReference
from helpers.checks.core import Checks, Feedback, Task, as_number, choice

#: The customer whose stage is asked in task 3.
CUSTOMER = "C00002"
#: Thresholds the exercise fixes besides the silence threshold.
CHURN_DAYS, LOYAL_DAYS = 365, 5
#: Task 5: the goal for one-time customers.
TASK5_ANSWER = "b"


class _Reference(CompanyReference):
    @property
    def tables(self) -> tuple[pd.DataFrame, pd.DataFrame | None, pd.DataFrame | None]:
        return self.tx, self.frame("customers"), self.frame("leads")

    @cached_property
    def gaps(self) -> pd.Series:
        return lifecycle.purchase_gaps(self.tables[0])

    @cached_property
    def silent_days(self) -> int:
        return lifecycle.silence_threshold(self.gaps, 0.9)

    def table(self, silent_days: int | None = None, churn_days: int = CHURN_DAYS) -> pd.DataFrame:
        tx, customers, leads = self.tables
        return lifecycle.lifecycle_table(tx, customers=customers, leads=leads, silent_days=silent_days or self.silent_days,
                                         churn_days=churn_days, loyal_days=LOYAL_DAYS)


def make_checks(transactions: pd.DataFrame | None = None, customers: pd.DataFrame | None = None,
                leads: pd.DataFrame | None = None) -> Checks:
    """Build the checks of exercise 05 (default: the synthetic company's tables).

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["C00002"] * 3, "date": pd.to_datetime(["2025-01-01", "2025-01-11", "2025-01-31"]),
    ...                    "revenue": [5.0, 5.0, 5.0]})
    >>> check = make_checks(tx)
    >>> check.task1.evaluate(19).status, check.task1.evaluate(15).status   # gaps 10 and 20 days
    ('correct', 'incorrect')
    """
    ref = _Reference(transactions, customers=customers, leads=leads)

    def task1(silent_days: Any) -> Feedback:
        name = "Task 1"
        x = as_number(silent_days)
        if x is None:
            return Feedback(name, "incorrect", "Store one whole number of days.")
        if x == ref.silent_days:
            return Feedback(name, "correct", "90% of the gaps between two purchases are at most this long.")
        if x == lifecycle.silence_threshold(ref.gaps, 0.5):
            return Feedback(name, "incorrect", "That is the median gap: half of all normal gaps are longer. Use the 90% quantile.")
        if 0 < x < 1:
            return Feedback(name, "incorrect", "That looks like the quantile itself. Pass 0.9 to silence_threshold and store the days it returns.")
        if x == 0:
            return Feedback(name, "incorrect", "A gap of 0 days means you measured between order rows of the same day. Use lifecycle.purchase_gaps, which works on purchase days.")
        return Feedback(name, "incorrect", "Compute the gaps with lifecycle.purchase_gaps(transactions), then lifecycle.silence_threshold(gaps, 0.9).")

    def task2(n_silent: Any) -> Feedback:
        name = "Task 2"
        x = as_number(n_silent)
        if x is None:
            return Feedback(name, "incorrect", "Store one whole number: how many customers are silent.")
        table = ref.table()
        act = table["activity"].value_counts()
        if x == act.get("silent", 0):
            return Feedback(name, "correct", "That many customers have waited longer than 90% of normal gaps.")
        if x == (table["stage"] == "churned").sum():
            return Feedback(name, "incorrect", "That is the number of *churned* customers (stage). The task asks for the *silent* ones (activity).")
        if x == ref.table(silent_days=180)["activity"].value_counts().get("silent", 0):
            return Feedback(name, "incorrect", "That uses the default of 180 days. Pass silent_days=silent_days from task 1.")
        if x == act.get("silent", 0) + act.get("potential", 0):
            return Feedback(name, "incorrect", "Potential customers never bought, so they are not silent. Count activity == \"silent\" only.")
        return Feedback(name, "incorrect", "Count the rows of `table` whose activity is \"silent\".")

    def task3(stage: Any) -> Feedback:
        name = "Task 3"
        if not isinstance(stage, str):
            return Feedback(name, "incorrect", "Answer with the stage name in quotes, e.g. \"loyal\".")
        got = stage.strip().lower().replace("-", "_").replace(" ", "_")
        table = ref.table()
        who = CUSTOMER if CUSTOMER in table.index else str(table.index[0])
        if got == str(table.loc[who, "stage"]):
            return Feedback(name, "correct", "Stage and activity are two views: this customer can be in this stage and still be silent.")
        if got in ("active", "silent"):
            return Feedback(name, "incorrect", "That is the activity view. The task asks for the stage (potential, one_time, regular, loyal or churned).")
        if got not in lifecycle.STAGES:
            return Feedback(name, "incorrect", f"Use one of the stage names: {', '.join(lifecycle.STAGES)}.")
        return Feedback(name, "incorrect", "Read the customer's frequency and recency in `table` and apply the rules in order: potential, churned (recency > 365), one_time, loyal (5+ days), regular.")

    def task4(n_active_members: Any) -> Feedback:
        name = "Task 4"
        x = as_number(n_active_members)
        if x is None:
            return Feedback(name, "incorrect", "Store one whole number.")
        table = ref.table()
        active = table[table["activity"] == "active"]["membership"].value_counts()
        if x == active.get("member", 0) + active.get("VIP", 0):
            return Feedback(name, "correct", "Members and VIPs who bought recently: the base of the loyalty programme.")
        if x == active.get("member", 0):
            return Feedback(name, "incorrect", "VIPs are members too (the top of the membership). Count \"member\" and \"VIP\".")
        if x == active.sum():
            return Feedback(name, "incorrect", "That counts walk-in customers too. Keep membership \"member\" or \"VIP\".")
        return Feedback(name, "incorrect", "Keep rows where activity is \"active\" and membership is \"member\" or \"VIP\", then count them.")

    def task5(answer: Any) -> Feedback:
        return choice("Task 5", answer, TASK5_ANSWER, "They already bought once; the next step is the second purchase.", {
            "a": "Acquisition is for people who never bought. One-time customers already did.",
            "c": "Win-back is for churned customers. One-time customers may still be recent."})

    return Checks([
        Task("Task 1", task1, ["Gaps are measured between a customer's purchase days.",
                               "gaps = lifecycle.purchase_gaps(transactions); lifecycle.silence_threshold(gaps, 0.9)"]),
        Task("Task 2", task2, ["Build the lifecycle table with your silent_days and churn_days=365, loyal_days=5.",
                               "(table[\"activity\"] == \"silent\").sum()"]),
        Task("Task 3", task3, ["table.loc[\"C00002\"] shows frequency, recency and stage.",
                               "Read the column \"stage\", not \"activity\"."]),
        Task("Task 4", task4, ["Two conditions: activity and membership.",
                               "table[(table[\"activity\"] == \"active\") & table[\"membership\"].isin([\"member\", \"VIP\"])]"]),
        Task("Task 5", task5, ["Look at lifecycle.ATTACK_DEFENCE: attack, defend or win back?"]),
    ])


#: The checks used by ``exercises/05_lifecycle.ipynb``.
check = make_checks()
