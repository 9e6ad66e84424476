"""Self-checks for exercise 07 (relationship levels and service strategy, 客户关系层级) on the synthetic company.

In the exercise notebook::

    from helpers.checks.relationship import check
    check.task3(share_below)   # ✅ / ❌ with a specific hint / ⏳ not answered yet
    check.hint(3)

Task 6 is a written answer graded by the trainer with the rubric in the solution.
:class:`Reference` computes the levels with :mod:`helpers.relationship`;
``TASKS`` names the likely mistakes.
"""

from __future__ import annotations

from functools import cached_property

import pandas as pd

from helpers import loyalty, relationship
from helpers._common import default_as_of
from helpers.checks._reference import CompanyReference
from helpers.checks.core import (
    Checks, CountTask, LabelTask, Mistake, NumberTask, Task, WrittenTask, close, msg, near, percent_mistake,
)

#: The exercise this table belongs to.
EXERCISE = "07_relationship"

_LEVEL_NAMES = ", ".join(relationship.LEVELS)


class Reference(CompanyReference):
    """What the exercise-07 answers are compared with (computed on the first check).

    Parameters
    ----------
    transactions, customers, contacts : DataFrame, optional
        Default: the synthetic company's tables.

    Examples
    --------
    >>> customers = pd.DataFrame({"customer_id": ["a"], "membership": ["VIP"]})
    >>> tx = pd.DataFrame({"customer_id": ["a"], "order_id": ["1"], "revenue": [10.0], "cost": [5.0],
    ...                    "date": pd.to_datetime(["2025-06-01"])})
    >>> log = pd.DataFrame({"customer_id": ["a"], "date": pd.to_datetime(["2025-05-01"]),
    ...                     "contact_type": ["joint_planning"], "cost_to_serve": [120.0]})
    >>> Reference(tx, customers=customers, contacts=log).served.astype(str).tolist()
    ['partnership']
    """

    @cached_property
    def as_of(self) -> pd.Timestamp:
        """The day after the last transaction."""
        return default_as_of(self.tx)

    @cached_property
    def tiers(self) -> pd.Series:
        """Service tier per customer."""
        return loyalty.service_tiers(self.tx, customers=self.frame("customers"))

    @cached_property
    def profile(self) -> pd.DataFrame:
        """Per tier: size band, margin band, recommended level, margin per customer."""
        margin = relationship.margin_per_year(self.tx, self.as_of, ids=self.tiers.index)
        return relationship.tier_profile(self.tiers, margin)

    @cached_property
    def served(self) -> pd.Series:
        """The level each customer was served at in the last year."""
        return relationship.served_level(self.frame("contacts"), self.as_of, ids=self.tiers.index)

    @cached_property
    def gap(self) -> pd.Series:
        """below / at / above the tier's recommended level, per customer."""
        return relationship.level_gap(self.served, self.tiers.astype(str).map(self.profile["recommended"]))

    def gap_share(self, value: str) -> float:
        """Share of customers whose gap is ``value``."""
        return float(self.gap.astype(str).value_counts(normalize=True).get(value, 0.0))

    @cached_property
    def joint(self) -> pd.DataFrame:
        """Every joint-planning contact in the log."""
        log = self.frame("contacts")
        return log[log["contact_type"] == "joint_planning"]

    @cached_property
    def recent_joint(self) -> pd.DataFrame:
        """Joint-planning contacts in the 365 days before as_of."""
        j = self.joint
        return j[(j["date"] >= self.as_of - pd.Timedelta(days=365)) & (j["date"] < self.as_of)]

    @cached_property
    def playbook(self) -> pd.DataFrame:
        """The default service playbook."""
        return relationship.default_playbook()

    def playbook_cost(self, tier: str | None = None) -> float:
        """Yearly playbook cost per customer of ``tier`` (all tiers' rows when None)."""
        pb = self.playbook if tier is None else self.playbook[self.playbook["tier"] == tier]
        return float((pb["per_year"] * pb["unit_cost"]).sum())

    @property
    def regular_margin(self) -> float:
        """Yearly margin per regular customer."""
        return float(self.profile.loc["regular", "margin_per_customer"])

    @cached_property
    def regular_current_cost(self) -> float:
        """Today's cost to serve per regular customer."""
        return float(relationship.current_cost(self.frame("contacts"), self.as_of, tiers=self.tiers)["regular"])


_WANT_SHARE = msg("Expected one number (a share such as 0.42); you stored a {type}.",
                  "这里需要一个数字（例如占比 0.42），你存的是 {type}。")

TASKS: tuple[Task, ...] = (
    CountTask(
        "task1", points=1, reference=lambda r: int((r.served == "partnership").sum()),
        wrong_type=msg("Expected a number of customers; you stored a {type}.", "这里需要客户人数，你存的是 {type}。"),
        correct=msg("That many customers had joint planning in the last year.", "这么多客户在过去一年里有过联合规划。"),
        mistakes=[
            Mistake(lambda x, r: 0 < x < 1, msg("The task asks for a number of customers, not a share.",
                                                "题目问的是客户人数，不是占比。")),
            Mistake(lambda x, r: x == len(r.recent_joint), msg(
                "You counted joint-planning *contacts*. Count the customers (some had several).",
                "你数的是联合规划的*联系次数*。请数客户（有些客户有好几次）。")),
            Mistake(lambda x, r: x in (r.joint["customer_id"].nunique(), len(r.joint)), msg(
                "You used the whole two-year log. The served level looks at the last 365 days only (as_of).",
                "你用的是整整两年的记录。服务层级只看最近 365 天（as_of 之前）。")),
        ],
        otherwise=msg("Not the count. Use relationship.served_level(...) with as_of, then count the 'partnership' values.",
                      "人数不对。请用带 as_of 的 relationship.served_level(...)，再数 'partnership' 的个数。"),
        hints=[msg("Partnership is inferred from at least one joint-planning contact in the last 365 days.",
                   "最近 365 天里至少有一次联合规划，就算伙伴型（partnership）。"),
               msg("served = relationship.served_level(company.contacts, as_of, ids=tiers.index); "
                   "(served == \"partnership\").sum()",
                   "served = relationship.served_level(company.contacts, as_of, ids=tiers.index)；"
                   "(served == \"partnership\").sum()")],
    ),
    LabelTask(
        "task2", points=1, reference=lambda r: r.profile.loc["regular", "recommended"], labels=relationship.LEVELS,
        wrong_type=msg(f"Store one of the level names as text: {_LEVEL_NAMES}.",
                       f"请用文字写出层级名称之一：{_LEVEL_NAMES}。"),
        unknown=msg(f"Store one of the level names as text: {_LEVEL_NAMES}.",
                    f"请用文字写出层级名称之一：{_LEVEL_NAMES}。"),
        correct=msg("That is Kotler's cell for the regular tier.", "这就是科特勒矩阵里普通等级对应的格子。"),
        mistakes=[
            Mistake(lambda s, r: s == "partnership", msg(
                "Partnership is for *few* customers with *high* margin. How many regular customers are there?",
                "伙伴型适合*人数少*、*毛利高*的客户。普通等级的客户有多少？")),
            Mistake(lambda s, r: s == "proactive", msg(
                "Proactive needs high margin or few customers. Read the regular tier's two bands in the profile.",
                "主动型需要毛利高或人数少。请读一下概况表里普通等级的两个档位。")),
        ],
        otherwise=msg("Read the regular row of the profile (number of customers and margin level) and find that cell of "
                      "Kotler's matrix.",
                      "读概况表里 regular 这一行（客户人数档位和毛利档位），在科特勒矩阵里找到对应的格子。"),
        hints=[msg("The profile table gives each tier's number-of-customers band and margin band.",
                   "概况表给出了每个等级的客户人数档位和毛利档位。"),
               msg("Look up relationship.KOTLER_MATRIX[(size, margin_level)] for the regular row.",
                   "对 regular 这一行查 relationship.KOTLER_MATRIX[(size, margin_level)]。")],
    ),
    NumberTask(
        "task3", points=2, reference=lambda r: r.gap_share("below"), tolerance=5e-4, wrong_type=_WANT_SHARE,
        correct=msg("That is the share of customers served below their tier's recommendation.",
                    "这就是服务水平低于所在等级建议层级的客户占比。"),
        mistakes=[
            percent_mistake(),
            near(lambda r: r.gap_share("above"), msg(
                "That is the share served *above* the recommendation. The task asks for below.",
                "这是服务*高于*建议层级的占比。题目问的是低于。")),
            near(lambda r: r.gap_share("at"), msg(
                "That is the share served *at* the recommendation. The task asks for below.",
                "这是服务*正好等于*建议层级的占比。题目问的是低于。")),
            Mistake(lambda x, r: bool((r.tiers.astype(str) == "VIP").any()) and close(
                x, float((r.gap[r.tiers.astype(str) == "VIP"].astype(str) == "below").mean()), 5e-4), msg(
                "That is the VIP tier alone. The task asks for all customers.", "这只是 VIP 等级。题目问的是全部客户。")),
        ],
        otherwise=msg("Not the share. Compare every customer's served level with the recommended level of their tier "
                      "(relationship.level_gap).",
                      "占比不对。请把每位客户实际的服务层级和所在等级的建议层级比较（relationship.level_gap）。"),
        hints=[msg("Each customer's tier has one recommended level; compare it with the level they are served at.",
                   "每位客户所在的等级都有一个建议层级；拿它和实际的服务层级比较。"),
               msg("gap = relationship.level_gap(served, tiers.astype(str).map(profile[\"recommended\"])); "
                   "(gap == \"below\").mean()",
                   "gap = relationship.level_gap(served, tiers.astype(str).map(profile[\"recommended\"]))；"
                   "(gap == \"below\").mean()")],
    ),
    NumberTask(
        "task4", points=2, reference=lambda r: r.playbook_cost("VIP"), tolerance=0.01,
        wrong_type=msg("Expected one amount in ¥; you stored a {type}.", "这里需要一个金额（¥），你存的是 {type}。"),
        correct=msg("That is the VIP playbook's cost per customer per year.", "这就是 VIP 服务方案每位客户每年的成本。"),
        mistakes=[
            near(lambda r: float(r.playbook.loc[r.playbook["tier"] == "VIP", "unit_cost"].sum()), msg(
                "You added the unit costs once each. Multiply each by how often it happens per year.",
                "你把单次成本各加了一次。要乘以每年发生的次数。")),
            near(lambda r: r.playbook_cost(), msg("You added every tier's rows. Keep the VIP rows only.",
                                                  "你把所有等级的行都加进去了。只保留 VIP 的行。")),
        ],
        otherwise=msg("Not the cost. For the VIP rows: per_year × unit_cost, then the sum.",
                      "成本不对。对 VIP 的行：per_year × unit_cost，再求和。"),
        hints=[msg("Each playbook row happens per_year times a year at unit_cost each.",
                   "服务方案的每一行每年发生 per_year 次，每次成本 unit_cost。"),
               msg("vip = playbook[playbook[\"tier\"] == \"VIP\"]; (vip[\"per_year\"] * vip[\"unit_cost\"]).sum()",
                   "vip = playbook[playbook[\"tier\"] == \"VIP\"]；(vip[\"per_year\"] * vip[\"unit_cost\"]).sum()")],
    ),
    NumberTask(
        "task5", points=3, reference=lambda r: r.playbook_cost("regular") / r.regular_margin, tolerance=5e-4,
        wrong_type=_WANT_SHARE,
        correct=msg("That is the share of a regular customer's yearly margin the playbook uses.",
                    "这就是服务方案占用的普通客户年毛利的比例。"),
        mistakes=[
            near(lambda r: r.regular_margin / r.playbook_cost("regular"), msg(
                "You divided the margin by the cost. The share is cost ÷ margin.", "你用毛利除以了成本。占比应是成本 ÷ 毛利。"),
                tol=5e-3),
            percent_mistake(msg("Give the share as a fraction between 0 and 1: divide by 100.",
                                "占比请写成 0 到 1 之间的小数：除以 100。")),
            near(lambda r: r.regular_current_cost / r.regular_margin, msg(
                "That uses today's cost to serve. The task asks for the *playbook's* cost.",
                "这用的是目前的服务成本。题目问的是*服务方案*的成本。")),
        ],
        otherwise=msg("Not the share. Playbook cost per regular customer (per_year × unit_cost, summed) ÷ the regular "
                      "tier's margin per customer.",
                      "占比不对。普通客户的服务方案成本（per_year × unit_cost 求和）÷ 普通等级每位客户的毛利。"),
        hints=[msg("Compute the regular playbook cost the same way as task 4, then compare it with the margin.",
                   "用和第 4 题一样的方法算出普通等级的方案成本，再和毛利比较。"),
               msg("cost ÷ profile.loc[\"regular\", \"margin_per_customer\"]",
                   "成本 ÷ profile.loc[\"regular\", \"margin_per_customer\"]")],
    ),
    WrittenTask("task6", points=4, hints=[msg(
        "Use your numbers from tasks 2 to 5: which level for the regular tier, and what would the VIP playbook cost?",
        "用第 2–5 题的数字：普通等级该用哪个层级？VIP 服务方案要花多少？")]),
)


def make_checks(
    customers: pd.DataFrame | None = None,
    transactions: pd.DataFrame | None = None,
    contacts: pd.DataFrame | None = None,
    *,
    lang: str = "en",
) -> Checks:
    """The checks of exercise 07 (default data: the synthetic company).

    Parameters
    ----------
    customers, transactions, contacts : DataFrame, optional
    lang : {"en", "zh"}
        Language of the feedback and hints.

    Returns
    -------
    Checks

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
    return Checks(TASKS, Reference(transactions, customers=customers, contacts=contacts), lang=lang)


#: The checks used by ``exercises/07_relationship.ipynb``.
check = make_checks()
