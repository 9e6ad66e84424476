"""Self-checks for exercise 05 (lifecycle stages, 客户生命周期) on the synthetic company.

In the exercise notebook::

    from helpers.checks.lifecycle import check
    check.task1(silent_days)
    check.hint(1)

:class:`Reference` computes the stages with :mod:`helpers.lifecycle`; ``TASKS``
says what each task compares and which known mistakes it names. The
multiple-choice answer is stored only as a salted digest.
"""

from __future__ import annotations

from functools import cached_property

import pandas as pd

from helpers import lifecycle
from helpers.checks._reference import CompanyReference
from helpers.checks.core import Checks, ChoiceTask, CountTask, LabelTask, Mistake, Task, WrittenTask, msg

#: The exercise this table belongs to.
EXERCISE = "05_lifecycle"
#: Salt of the multiple-choice digests (see :func:`helpers.checks.core.choice_digest`).
SALT = "tiering-kit/05_lifecycle"
#: The customer whose stage is asked in task 3.
CUSTOMER = "C00002"
#: Thresholds the exercise fixes besides the silence threshold.
CHURN_DAYS, LOYAL_DAYS = 365, 5


class Reference(CompanyReference):
    """What the exercise-05 answers are compared with (computed on the first check).

    Parameters
    ----------
    transactions, customers, leads : DataFrame, optional
        Default: the synthetic company's tables.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a"] * 3, "date": pd.to_datetime(["2025-01-01", "2025-01-11", "2025-01-31"]),
    ...                    "revenue": [5.0, 5.0, 5.0]})
    >>> Reference(tx).silent_days
    19
    """

    @cached_property
    def gaps(self) -> pd.Series:
        """Days between consecutive purchase days, all customers."""
        return lifecycle.purchase_gaps(self.tx)

    @cached_property
    def silent_days(self) -> int:
        """The 90% quantile of the gaps (the silence threshold)."""
        return lifecycle.silence_threshold(self.gaps, 0.9)

    def table(self, silent_days: int | None = None, churn_days: int = CHURN_DAYS) -> pd.DataFrame:
        """The lifecycle table with the exercise's thresholds (or ``silent_days`` given)."""
        return lifecycle.lifecycle_table(self.tx, customers=self.frame("customers"), leads=self.frame("leads"),
                                         silent_days=silent_days or self.silent_days, churn_days=churn_days,
                                         loyal_days=LOYAL_DAYS)

    @cached_property
    def main(self) -> pd.DataFrame:
        """:meth:`table` with the exercise's thresholds, computed once."""
        return self.table()

    def activity(self, value: str, table: pd.DataFrame | None = None) -> int:
        """How many customers have this ``activity`` (``active`` or ``silent``)."""
        table = self.main if table is None else table
        return int((table["activity"] == value).sum())

    @property
    def stage(self) -> str:
        """The task-3 customer's stage (the first customer's when the data has no C00002)."""
        table = self.main
        who = CUSTOMER if CUSTOMER in table.index else str(table.index[0])
        return str(table.loc[who, "stage"])

    def active(self, *memberships: str) -> int:
        """Active customers with one of ``memberships`` (all active customers when none given)."""
        active = self.main[self.main["activity"] == "active"]["membership"]
        return int(active.isin(memberships).sum()) if memberships else int(len(active))


TASKS: tuple[Task, ...] = (
    CountTask(
        "task1", points=2, reference=lambda r: r.silent_days,
        wrong_type=msg("Store one whole number of days.", "请存一个整数天数。"),
        correct=msg("90% of the gaps between two purchases are at most this long.",
                    "90% 的两次购买间隔都不超过这么长。"),
        mistakes=[
            Mistake(lambda x, r: x == lifecycle.silence_threshold(r.gaps, 0.5), msg(
                "That is the median gap: half of all normal gaps are longer. Use the 90% quantile.",
                "这是间隔的中位数：一半正常的间隔都比它长。请用 90% 分位数。")),
            Mistake(lambda x, r: 0 < x < 1, msg(
                "That looks like the quantile itself. Pass 0.9 to silence_threshold and store the days it returns.",
                "这看起来是分位数本身。把 0.9 传给 silence_threshold，存它返回的天数。")),
            Mistake(lambda x, r: x == 0, msg(
                "A gap of 0 days means you measured between order rows of the same day. Use lifecycle.purchase_gaps, "
                "which works on purchase days.",
                "间隔为 0 天，说明你量的是同一天的订单行之间的间隔。请用 lifecycle.purchase_gaps，它按购买日计算。")),
        ],
        otherwise=msg("Compute the gaps with lifecycle.purchase_gaps(transactions), then lifecycle.silence_threshold(gaps, 0.9).",
                      "先用 lifecycle.purchase_gaps(transactions) 算间隔，再用 lifecycle.silence_threshold(gaps, 0.9)。"),
        hints=[msg("Gaps are measured between a customer's purchase days.", "间隔是按同一位客户的购买日之间计算的。"),
               msg("gaps = lifecycle.purchase_gaps(transactions); lifecycle.silence_threshold(gaps, 0.9)",
                   "gaps = lifecycle.purchase_gaps(transactions)；lifecycle.silence_threshold(gaps, 0.9)")],
    ),
    CountTask(
        "task2", points=2, reference=lambda r: r.activity("silent"),
        wrong_type=msg("Store one whole number: how many customers are silent.", "请存一个整数：有多少位沉默客户。"),
        correct=msg("That many customers have waited longer than 90% of normal gaps.",
                    "这么多客户的沉默时间已经超过了 90% 的正常购买间隔。"),
        mistakes=[
            Mistake(lambda x, r: x == int((r.main["stage"] == "churned").sum()), msg(
                "That is the number of *churned* customers (stage). The task asks for the *silent* ones (activity).",
                "这是*流失*客户的人数（阶段）。题目问的是*沉默*客户（活跃度）。")),
            Mistake(lambda x, r: x == r.activity("silent", r.table(silent_days=180)), msg(
                "That uses the default of 180 days. Pass silent_days=silent_days from task 1.",
                "这用的是默认的 180 天。请传入第 1 题的 silent_days=silent_days。")),
            Mistake(lambda x, r: x == r.activity("silent") + r.activity("potential"), msg(
                "Leads (activity \"potential\") never bought, so they are not silent. Count activity == \"silent\" only.",
                "潜在客户从没买过，所以不算沉默。只数 activity == \"silent\" 的。")),
        ],
        otherwise=msg("Count the rows of `table` whose activity is \"silent\".", "数一数 `table` 里 activity 为 \"silent\" 的行。"),
        hints=[msg("Build the lifecycle table with your silent_days and churn_days=365, loyal_days=5.",
                   "用你的 silent_days 以及 churn_days=365、loyal_days=5 做出生命周期表。"),
               msg("(table[\"activity\"] == \"silent\").sum()", "(table[\"activity\"] == \"silent\").sum()")],
    ),
    LabelTask(
        "task3", points=2, reference=lambda r: r.stage, labels=lifecycle.STAGES,
        wrong_type=msg("Answer with the stage name in quotes, e.g. \"loyal\".", "请用引号写出阶段名称，例如 \"loyal\"。"),
        unknown=msg("Use one of the stage names: {labels}.", "请用这些阶段名称之一：{labels}。"),
        correct=msg("Stage and activity are two views: this customer can be in this stage and still be silent.",
                    "阶段和活跃度是两个角度：这位客户可以处在这个阶段，同时又是沉默的。"),
        mistakes=[Mistake(lambda s, r: s in ("active", "silent"), msg(
            "That is the activity view. The task asks for the stage (potential, one_time, regular, loyal or churned).",
            "这是活跃度的角度。题目问的是阶段（potential、one_time、regular、loyal 或 churned）。"))],
        otherwise=msg("Read the customer's frequency and recency in `table` and apply the rules in order: potential, "
                      "churned (recency > 365), one_time, loyal (5+ days), regular.",
                      "在 `table` 里读出这位客户的消费频率和最近一次消费，按顺序套用规则：potential、churned"
                      "（最近一次消费 > 365 天）、one_time、loyal（5 天及以上）、regular。"),
        hints=[msg("table.loc[\"C00002\"] shows frequency, recency and stage.", "table.loc[\"C00002\"] 会显示消费频率、最近一次消费和阶段。"),
               msg("Read the column \"stage\", not \"activity\".", "读 \"stage\" 列，不是 \"activity\" 列。")],
    ),
    CountTask(
        "task4", points=2, reference=lambda r: r.active("member", "VIP"),
        wrong_type=msg("Store one whole number.", "请存一个整数。"),
        correct=msg("Members and VIPs who bought recently: the base of the loyalty programme.",
                    "最近买过的会员和 VIP：这是会员计划的基本盘。"),
        mistakes=[
            Mistake(lambda x, r: x == r.active("member"), msg(
                "VIPs are members too (the top of the membership). Count \"member\" and \"VIP\".",
                "VIP 也是会员（会员里的最高一级）。请把 \"member\" 和 \"VIP\" 都算上。")),
            Mistake(lambda x, r: x == r.active(), msg(
                "That counts walk-in customers too. Keep membership \"member\" or \"VIP\".",
                "这把散客也算进去了。只保留 membership 为 \"member\" 或 \"VIP\" 的。")),
        ],
        otherwise=msg("Keep rows where activity is \"active\" and membership is \"member\" or \"VIP\", then count them.",
                      "保留 activity 为 \"active\" 且 membership 为 \"member\" 或 \"VIP\" 的行，再数一数。"),
        hints=[msg("Two conditions: activity and membership.", "两个条件：活跃度和会员身份。"),
               msg("table[(table[\"activity\"] == \"active\") & table[\"membership\"].isin([\"member\", \"VIP\"])]",
                   "table[(table[\"activity\"] == \"active\") & table[\"membership\"].isin([\"member\", \"VIP\"])]")],
    ),
    ChoiceTask(
        "task5", points=2, salt=SALT,
        answer_digest="7b1bdf3dd03ae8cbba655dc9cdf642ee0288b467809ce534a7e7735c171b0a24",
        correct=msg("They already bought once; the next step is the second purchase.",
                    "他们已经买过一次；下一步是促成第二次购买。"),
        why={
            "fe30944e59ba76b32c93d6267084100339620440ebcd8db3d35729a96fd77f25": msg(
                "Acquisition is for people who never bought. One-time customers already did.",
                "拉新是针对从没买过的人。只买过一次的客户已经买过了。"),
            "4406e0c00dcd1a15533b0a52b13553928e694cc1f6f0441d2aca6e4eb40427a6": msg(
                "Win-back is for churned customers. One-time customers may still be recent.",
                "挽回是针对已流失的客户。只买过一次的客户可能刚买不久。"),
        },
        hints=[msg("Look at lifecycle.ATTACK_DEFENCE: attack, defend or win back?", "看看 lifecycle.ATTACK_DEFENCE：进攻、防守还是挽回？")],
    ),
    WrittenTask("task6", points=3, hints=[msg(
        "How would you set the silence threshold for your own customers, and why not copy this one?",
        "你会怎样为自己的客户设定沉默阈值？为什么不能直接照搬这里的数？")]),
)


def make_checks(transactions: pd.DataFrame | None = None, customers: pd.DataFrame | None = None,
                leads: pd.DataFrame | None = None, *, lang: str = "en") -> Checks:
    """The checks of exercise 05 (default: the synthetic company's tables).

    Parameters
    ----------
    transactions, customers, leads : DataFrame, optional
    lang : {"en", "zh"}
        Language of the feedback and hints.

    Returns
    -------
    Checks

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["C00002"] * 3, "date": pd.to_datetime(["2025-01-01", "2025-01-11", "2025-01-31"]),
    ...                    "revenue": [5.0, 5.0, 5.0]})
    >>> check = make_checks(tx)
    >>> check.task1.evaluate(19).status, check.task1.evaluate(15).status   # gaps 10 and 20 days
    ('correct', 'incorrect')
    """
    return Checks(TASKS, Reference(transactions, customers=customers, leads=leads), lang=lang)


#: The checks used by ``exercises/05_lifecycle.ipynb``.
check = make_checks()
