"""Self-checks for exercise 07 (relationship levels and service strategy) on the synthetic company.

In the exercise notebook::

    from helpers.checks.relationship import check
    check.task3(share_below)   # ✅ / ❌ with a specific hint / ⏳ not answered yet
    check.hint(3)

Task 6 is a written answer graded by the trainer with the rubric in the solution.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

import pandas as pd

from helpers import loyalty, relationship
from helpers._common import default_as_of as day_after_last
from helpers.checks._reference import CompanyReference
from helpers.checks.core import Checks, Feedback, Task, as_number, close


class _Reference(CompanyReference):
    """Reference values, computed on the first check only."""

    @property
    def frames(self) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        return self.frame("customers"), self.tx, self.frame("contacts")

    @cached_property
    def as_of(self) -> pd.Timestamp:
        return day_after_last(self.tx)

    @cached_property
    def tiers(self) -> pd.Series:
        customers, tx, _ = self.frames
        return loyalty.service_tiers(tx, customers=customers)

    @cached_property
    def profile(self) -> pd.DataFrame:
        margin = relationship.margin_per_year(self.frames[1], self.as_of, ids=self.tiers.index)
        return relationship.tier_profile(self.tiers, margin)

    @cached_property
    def served(self) -> pd.Series:
        return relationship.served_level(self.frames[2], self.as_of, ids=self.tiers.index)

    @cached_property
    def gap(self) -> pd.Series:
        return relationship.level_gap(self.served, self.tiers.astype(str).map(self.profile["recommended"]))

    @cached_property
    def playbook(self) -> pd.DataFrame:
        return relationship.default_playbook()


def make_checks(
    customers: pd.DataFrame | None = None,
    transactions: pd.DataFrame | None = None,
    contacts: pd.DataFrame | None = None,
) -> Checks:
    """Build the checks of exercise 07 (default data: the synthetic company).

    Examples
    --------
    >>> customers = pd.DataFrame({"customer_id": list("abcd"), "membership": ["VIP", "member", "walk-in", "member"]})
    >>> tx = pd.DataFrame({"customer_id": list("abbc"), "order_id": list("1234"), "revenue": [100.0, 10, 10, 5],
    ...                    "cost": [50.0, 5, 5, 4], "date": pd.to_datetime(["2025-06-01"] * 4)})
    >>> log = pd.DataFrame({"customer_id": ["a"], "date": pd.to_datetime(["2025-05-01"]),
    ...                     "contact_type": ["joint_planning"], "cost_to_serve": [120.0]})
    >>> check = make_checks(customers, tx, log)
    >>> check.task1.evaluate(1).status, check.task1.evaluate(2).status
    ('correct', 'incorrect')
    """
    ref = _Reference(transactions, customers=customers, contacts=contacts)

    def task1(answer: Any) -> Feedback:
        name = "Task 1"
        x = as_number(answer)
        if x is None:
            return Feedback(name, "incorrect", f"Expected a number of customers; you stored a {type(answer).__name__}.")
        expected = int((ref.served == "partnership").sum())
        if x == expected:
            return Feedback(name, "correct", "That many customers had joint planning in the last year.")
        log = ref.frames[2]
        joint = log[log["contact_type"] == "joint_planning"]
        recent = joint[(joint["date"] >= ref.as_of - pd.Timedelta(days=365)) & (joint["date"] < ref.as_of)]
        if 0 < x < 1:
            return Feedback(name, "incorrect", "The task asks for a number of customers, not a share.")
        if x == len(recent) and x != expected:
            return Feedback(name, "incorrect", "You counted joint-planning *contacts*. Count the customers (some had several).")
        if x == joint["customer_id"].nunique() or x == len(joint):
            return Feedback(name, "incorrect", "You used the whole two-year log. The served level looks at the last 365 days only (as_of).")
        return Feedback(name, "incorrect", "Not the count. Use relationship.served_level(...) with as_of, then count the 'partnership' values.")

    def task2(answer: Any) -> Feedback:
        name = "Task 2"
        if not isinstance(answer, str) or answer.strip().lower() not in relationship.LEVELS:
            return Feedback(name, "incorrect", f"Store one of the level names as text: {', '.join(relationship.LEVELS)}.")
        got = answer.strip().lower()
        row = ref.profile.loc["regular"]
        if got == row["recommended"]:
            return Feedback(name, "correct", "That is Kotler's cell for the regular tier.")
        hints = {
            "partnership": "Partnership is for *few* customers with *high* margin. How many regular customers are there?",
            "proactive": "Proactive needs high margin or few customers. Read the regular tier's two bands in the profile.",
        }
        return Feedback(name, "incorrect", hints.get(got, "Read the regular row of the profile (number of customers and margin level) and find that cell of Kotler's matrix."))

    def task3(answer: Any) -> Feedback:
        name = "Task 3"
        x = as_number(answer)
        if x is None:
            return Feedback(name, "incorrect", f"Expected one number (a share such as 0.42); you stored a {type(answer).__name__}.")
        shares = ref.gap.astype(str).value_counts(normalize=True)
        expected = float(shares.get("below", 0.0))
        if close(x, expected, 5e-4):
            return Feedback(name, "correct", "That is the share of customers served below their tier's recommendation.")
        if 1 < x <= 100 and close(x / 100, expected, 5e-4):
            return Feedback(name, "incorrect", "A share is a fraction between 0 and 1: you gave a percentage. Divide by 100.")
        if close(x, float(shares.get("above", 0.0)), 5e-4):
            return Feedback(name, "incorrect", "That is the share served *above* the recommendation. The task asks for below.")
        if close(x, float(shares.get("at", 0.0)), 5e-4):
            return Feedback(name, "incorrect", "That is the share served *at* the recommendation. The task asks for below.")
        vip = ref.gap[ref.tiers.astype(str) == "VIP"].astype(str)
        if len(vip) and close(x, float((vip == "below").mean()), 5e-4):
            return Feedback(name, "incorrect", "That is the VIP tier alone. The task asks for all customers.")
        return Feedback(name, "incorrect", "Not the share. Compare every customer's served level with the recommended level of their tier (relationship.level_gap).")

    def task4(answer: Any) -> Feedback:
        name = "Task 4"
        x = as_number(answer)
        if x is None:
            return Feedback(name, "incorrect", f"Expected one amount in ¥; you stored a {type(answer).__name__}.")
        pb = ref.playbook
        vip = pb[pb["tier"] == "VIP"]
        expected = float((vip["per_year"] * vip["unit_cost"]).sum())
        if close(x, expected, 0.01):
            return Feedback(name, "correct", "That is the VIP playbook's cost per customer per year.")
        if close(x, float(vip["unit_cost"].sum()), 0.01):
            return Feedback(name, "incorrect", "You added the unit costs once each. Multiply each by how often it happens per year.")
        if close(x, float((pb["per_year"] * pb["unit_cost"]).sum()), 0.01):
            return Feedback(name, "incorrect", "You added every tier's rows. Keep the VIP rows only.")
        return Feedback(name, "incorrect", "Not the cost. For the VIP rows: per_year × unit_cost, then the sum.")

    def task5(answer: Any) -> Feedback:
        name = "Task 5"
        x = as_number(answer)
        if x is None:
            return Feedback(name, "incorrect", f"Expected one number (a share such as 0.42); you stored a {type(answer).__name__}.")
        pb = ref.playbook
        reg = pb[pb["tier"] == "regular"]
        cost = float((reg["per_year"] * reg["unit_cost"]).sum())
        margin = float(ref.profile.loc["regular", "margin_per_customer"])
        expected = cost / margin
        if close(x, expected, 5e-4):
            return Feedback(name, "correct", "That is the share of a regular customer's yearly margin the playbook uses.")
        if close(x, margin / cost, 5e-3):
            return Feedback(name, "incorrect", "You divided the margin by the cost. The share is cost ÷ margin.")
        if 1 < x <= 100 and close(x / 100, expected, 5e-4):
            return Feedback(name, "incorrect", "Give the share as a fraction between 0 and 1: divide by 100.")
        current = relationship.current_cost(ref.frames[2], ref.as_of, tiers=ref.tiers)
        if close(x, float(current["regular"]) / margin, 5e-4):
            return Feedback(name, "incorrect", "That uses today's cost to serve. The task asks for the *playbook's* cost.")
        return Feedback(name, "incorrect", "Not the share. Playbook cost per regular customer (per_year × unit_cost, summed) ÷ the regular tier's margin per customer.")

    return Checks(
        [
            Task("Task 1", task1, [
                "Partnership is inferred from at least one joint-planning contact in the last 365 days.",
                "served = relationship.served_level(company.contacts, as_of, ids=tiers.index); (served == \"partnership\").sum()",
            ]),
            Task("Task 2", task2, [
                "The profile table gives each tier's number-of-customers band and margin band.",
                "Look up relationship.KOTLER_MATRIX[(size, margin_level)] for the regular row.",
            ]),
            Task("Task 3", task3, [
                "Each customer's tier has one recommended level; compare it with the level they are served at.",
                "gap = relationship.level_gap(served, tiers.astype(str).map(profile[\"recommended\"])); (gap == \"below\").mean()",
            ]),
            Task("Task 4", task4, [
                "Each playbook row happens per_year times a year at unit_cost each.",
                "vip = playbook[playbook[\"tier\"] == \"VIP\"]; (vip[\"per_year\"] * vip[\"unit_cost\"]).sum()",
            ]),
            Task("Task 5", task5, [
                "Compute the regular playbook cost the same way as task 4, then compare it with the margin.",
                "cost ÷ profile.loc[\"regular\", \"margin_per_customer\"]",
            ]),
        ]
    )


#: The checks used by ``exercises/07_relationship.ipynb``.
check = make_checks()
