"""Self-checks for exercise 11 (predicted value and clusters, 客户终身价值与聚类分析) on the synthetic company.

In the exercise notebook::

    from helpers.checks.clv import check
    check.task1(r, alpha, a, b)   # ✅ / ❌ with a specific hint / ⏳ not answered yet
    check.hint(1)

The calibration period is 2024 (before ``2025-01-01``), the holdout period the first half of 2025
(up to ``2025-07-01``, when the retention program starts and changes how treated customers buy).
Task 6 is a written answer graded by the trainer with the rubric in the solution.
:class:`Reference` computes everything with :mod:`helpers.clv`; ``TASKS`` names the likely mistakes.
"""

from __future__ import annotations

from functools import cached_property

import pandas as pd

from helpers import clv, rfm
from helpers.checks._reference import CompanyReference
from helpers.checks.core import (
    Checks, CountTask, Mistake, NumberTask, Part, RecordTask, Task, WrittenTask, close, msg, near, percent_mistake,
)

#: The exercise this table belongs to.
EXERCISE = "11_clv"
#: The first day of the holdout period (the calibration period is everything before it).
CALIBRATION_END = "2025-01-01"
#: The day after the holdout period: the retention program starts on it.
HOLDOUT_END = "2025-07-01"
#: Clusters asked for in tasks 4 and 5 (k-means seed 0, n_init 10, relabelled by revenue).
K = 4


class Reference(CompanyReference):
    """What the exercise-11 answers are compared with (computed on the first check).

    Parameters
    ----------
    transactions : DataFrame, optional
        Default: the synthetic company's.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b", "b", "c"],
    ...                    "date": pd.to_datetime(["2024-03-01", "2024-06-01", "2024-05-01", "2025-02-01",
    ...                                            "2025-03-01"]),
    ...                    "revenue": [10.0, 20.0, 5.0, 7.0, 3.0]})
    >>> ref = Reference(tx)
    >>> ref.table["holdout_purchases"].to_dict(), ref.actual_with_new
    ({'a': 0, 'b': 1}, 2)
    """

    @cached_property
    def table(self) -> pd.DataFrame:
        """Calibration (2024) and holdout (first half of 2025) table in weeks."""
        return clv.holdout_table(self.tx, CALIBRATION_END, end=HOLDOUT_END)

    def _fit(self, table: pd.DataFrame) -> clv.BGNBDParams:
        return clv.bgnbd_fit(table["frequency"], table["recency"], table["T"])

    @cached_property
    def params(self) -> clv.BGNBDParams:
        """BG/NBD fitted on the calibration period, in weeks."""
        return self._fit(self.table)

    @cached_property
    def params_days(self) -> clv.BGNBDParams:
        """The same fit in days (a known mistake: alpha 7 times larger)."""
        return self._fit(clv.holdout_table(self.tx, CALIBRATION_END, end=HOLDOUT_END, unit_days=1))

    @cached_property
    def params_all(self) -> clv.BGNBDParams:
        """BG/NBD fitted on every transaction (a known mistake: no holdout kept aside)."""
        return self._fit(clv.clv_summary(self.tx))

    @cached_property
    def totals(self) -> pd.Series:
        """Actual and predicted holdout purchases of the calibration customers."""
        return clv.holdout_totals(self.table, self.params)

    @cached_property
    def actual_with_new(self) -> int:
        """Holdout purchase days of everyone, including customers who first bought in the holdout."""
        buys = self.tx[(self.tx["revenue"] >= 0) & (self.tx["date"] >= CALIBRATION_END) & (self.tx["date"] < HOLDOUT_END)]
        return int(buys.assign(day=buys["date"].dt.normalize()).drop_duplicates(["customer_id", "day"]).shape[0])

    @cached_property
    def predicted_year(self) -> float:
        """Predicted purchases over 52 weeks instead of the holdout's length (a known mistake)."""
        t = self.table
        return float(clv.predicted_purchases(self.params, t["frequency"], t["recency"], t["T"], 52).sum())

    @cached_property
    def alive(self) -> pd.Series:
        """P(alive) of each calibration customer at the end of 2024."""
        t = self.table
        return clv.probability_alive(self.params, t["frequency"], t["recency"], t["T"])

    @cached_property
    def result(self) -> pd.DataFrame:
        """Module 04's RFM table, scores, segments and tiers on all the data."""
        return rfm.rfm(self.tx)

    @cached_property
    def features(self) -> pd.DataFrame:
        """Log-scaled, standardised recency, frequency and monetary value."""
        return clv.cluster_features(self.result)

    @cached_property
    def clusters(self) -> pd.Series:
        """k-means (k = 4, seed 0) relabelled by revenue: 1 = highest average revenue."""
        return clv.kmeans_clusters(self.features, K, self.result["monetary"])

    @cached_property
    def raw_sizes(self) -> list[int]:
        """Sizes of k-means' own clusters 0 … k-1 (before relabelling)."""
        raw, _ = clv._kmeans_raw(self.features, K, 0, 10)
        return [int((raw == c).sum()) for c in range(K)]

    @cached_property
    def cluster_alive(self) -> pd.Series:
        """Mean P(alive) per cluster, from BG/NBD fitted on all the data."""
        s = clv.clv_summary(self.tx)
        fit = clv.bgnbd_fit(s["frequency"], s["recency"], s["T"])
        alive = clv.probability_alive(fit, s["frequency"], s["recency"], s["T"]).reindex(self.clusters.index)
        return alive.groupby(self.clusters).mean()


def _param(name: str, tolerance: float, zh: str) -> Part:
    return Part(lambda r: getattr(r.params, name), tolerance, [
        Mistake(lambda x, r: close(x, getattr(r.params_days, name), max(tolerance, 1e-3 * abs(getattr(r.params_days, name))))
                and not close(getattr(r.params_days, name), getattr(r.params, name), tolerance), msg(
            f"{name} is the fit in days: measure recency and T in weeks (unit_days=7, the default)",
            f"{zh}是按天拟合的结果：recency 和 T 要以周为单位（unit_days=7，默认值）")),
        Mistake(lambda x, r: close(x, getattr(r.params_all, name), tolerance), msg(
            f"{name} comes from all the transactions: fit on the calibration period only (before {CALIBRATION_END})",
            f"{zh}用了全部交易：只能用校准期（{CALIBRATION_END} 之前）的数据拟合")),
    ], msg(f"{name} is off: fit clv.bgnbd_fit on the calibration columns of clv.holdout_table",
           f"{zh}不对：请用 clv.holdout_table 的校准期各列来运行 clv.bgnbd_fit"))


TASKS: tuple[Task, ...] = (
    RecordTask(
        "task1", points=3,
        wrong_type=msg("Store four single numbers: r, alpha, a and b (r, alpha, a, b = clv.bgnbd_fit(...)).",
                       "请存四个单独的数字：r、alpha、a 和 b（r, alpha, a, b = clv.bgnbd_fit(...)）。"),
        correct=msg("That is the model fitted on 2024 alone.", "这就是只用 2024 年数据拟合的模型。"),
        parts={"r": _param("r", 2e-3, "r"), "alpha": _param("alpha", 1e-2, "alpha"),
               "a": _param("a", 5e-3, "a"), "b": _param("b", 3e-2, "b")},
        hints=[msg(f"Make the table with clv.holdout_table(transactions, \"{CALIBRATION_END}\", end=\"{HOLDOUT_END}\"): "
                   "its frequency, recency and T columns describe 2024 only.",
                   f"先用 clv.holdout_table(transactions, \"{CALIBRATION_END}\", end=\"{HOLDOUT_END}\") 生成表格："
                   "其中 frequency、recency 和 T 三列只描述 2024 年。"),
               msg("r, alpha, a, b = clv.bgnbd_fit(table[\"frequency\"], table[\"recency\"], table[\"T\"])",
                   "r, alpha, a, b = clv.bgnbd_fit(table[\"frequency\"], table[\"recency\"], table[\"T\"])")],
    ),
    RecordTask(
        "task2", points=2,
        wrong_type=msg("Store two single numbers: the predicted and the actual purchases in the holdout period.",
                       "请存两个单独的数字：检验期内预测的购买次数和实际的购买次数。"),
        correct=msg("Predicted and actual side by side: that is the honest test of the model.",
                    "预测值和实际值并排放在一起：这才是对模型的真实检验。"),
        parts={
            "predicted": Part(lambda r: r.totals["predicted"], 0.5, [
                Mistake(lambda x, r: close(x, r.predicted_year, 0.5), msg(
                    "the prediction covers 52 weeks: the holdout period is about 26 weeks "
                    "(table.attrs[\"holdout_length\"])",
                    "预测覆盖了 52 周：检验期只有大约 26 周（table.attrs[\"holdout_length\"]）")),
            ], msg("the prediction is off: add up clv.predicted_purchases over the holdout's length for every "
                   "calibration customer (or use clv.holdout_totals)",
                   "预测值不对：请对每位校准期客户按检验期长度计算 clv.predicted_purchases 再求和（或用 clv.holdout_totals）")),
            "actual": Part(lambda r: r.totals["actual"], 0, [
                Mistake(lambda x, r: x == r.actual_with_new, msg(
                    "the actual count includes customers who first bought in the holdout period: the model only "
                    "predicts the customers it knew at the end of 2024",
                    "实际次数包含了在检验期才首次购买的客户：模型只预测 2024 年底已经认识的客户")),
            ], msg("the actual count is off: add up the table's holdout_purchases column",
                   "实际次数不对：请把表中的 holdout_purchases 列加起来")),
        },
        hints=[msg("clv.holdout_totals(table, params) gives both numbers.",
                   "clv.holdout_totals(table, params) 可以同时给出这两个数。"),
               msg("totals = clv.holdout_totals(table, (r, alpha, a, b)); totals[\"predicted\"], totals[\"actual\"]",
                   "totals = clv.holdout_totals(table, (r, alpha, a, b))；totals[\"predicted\"]、totals[\"actual\"]")],
    ),
    NumberTask(
        "task3", points=2, reference=lambda r: float((r.alive < 0.5).mean()), tolerance=5e-4,
        wrong_type=msg("Expected one number (a share such as 0.42); you stored a {type}.",
                       "这里需要一个数字（例如占比 0.42），你存的是 {type}。"),
        correct=msg("That is the share of 2024's customers more likely gone than still there.",
                    "这就是 2024 年的客户中更可能已经流失的比例。"),
        mistakes=[
            percent_mistake(),
            near(lambda r: float((r.alive >= 0.5).mean()), msg(
                "That is the share *at or above* 50%. The task asks for the customers below 50%.",
                "这是概率*不低于* 50% 的占比。题目问的是低于 50% 的客户。")),
            near(lambda r: float((r.alive < 0.5).sum()), msg(
                "That is a number of customers. The task asks for a share: divide by the number of customers.",
                "这是客户人数。题目问的是占比：请除以客户总数。")),
        ],
        otherwise=msg("Not the share. Compute clv.probability_alive for every calibration customer, then the share "
                      "below 0.5.",
                      "占比不对。请对每位校准期客户计算 clv.probability_alive，再求低于 0.5 的比例。"),
        hints=[msg("P(alive) needs the fitted parameters and the three calibration columns.",
                   "计算活跃概率需要拟合好的参数和校准期的三列数据。"),
               msg("alive = clv.probability_alive((r, alpha, a, b), table[\"frequency\"], table[\"recency\"], "
                   "table[\"T\"]); (alive < 0.5).mean()",
                   "alive = clv.probability_alive((r, alpha, a, b), table[\"frequency\"], table[\"recency\"], "
                   "table[\"T\"])；(alive < 0.5).mean()")],
    ),
    CountTask(
        "task4", points=2, reference=lambda r: int((r.clusters == 1).sum()),
        wrong_type=msg("Store one whole number, a count of customers; you stored a {type}.",
                       "请存一个整数，即客户人数；你存的是 {type}。"),
        correct=msg("That is the most valuable cluster's size, whatever the seed.",
                    "这就是价值最高的客户群的人数，不受随机种子影响。"),
        mistakes=[
            Mistake(lambda n, r: n == r.raw_sizes[0] and r.raw_sizes[0] != int((r.clusters == 1).sum()), msg(
                "That is k-means' own cluster 0. Its numbers are arbitrary: use clv.kmeans_clusters, which numbers "
                "the clusters by value (1 = highest average revenue).",
                "这是 k-means 自己编号为 0 的群。它的编号是随意的：请用 clv.kmeans_clusters，它按价值给群编号"
                "（1 = 平均销售额最高）。")),
            Mistake(lambda n, r: n == int(r.clusters.value_counts().max()) != int((r.clusters == 1).sum()), msg(
                "That is the largest cluster. The task asks for the most valuable one (cluster 1).",
                "这是人数最多的群。题目问的是价值最高的群（第 1 群）。")),
        ],
        otherwise=msg(f"Not the count. Cluster the log-standardised RFM with k = {K} (clv.cluster_features, then "
                      "clv.kmeans_clusters with result[\"monetary\"] as the value) and count cluster 1.",
                      f"人数不对。请对取对数并标准化后的 RFM 做 k = {K} 的聚类（先 clv.cluster_features，再用 "
                      "result[\"monetary\"] 作为价值运行 clv.kmeans_clusters），然后数第 1 群的人数。"),
        hints=[msg("result = rfm.rfm(transactions); features = clv.cluster_features(result)",
                   "result = rfm.rfm(transactions)；features = clv.cluster_features(result)"),
               msg(f"clusters = clv.kmeans_clusters(features, {K}, result[\"monetary\"]); (clusters == 1).sum()",
                   f"clusters = clv.kmeans_clusters(features, {K}, result[\"monetary\"])；(clusters == 1).sum()")],
    ),
    CountTask(
        "task5", points=2, reference=lambda r: int(r.cluster_alive.idxmin()),
        wrong_type=msg(f"Store the cluster's value rank: one whole number from 1 to {K}.",
                       f"请存该客户群的价值排名：1 到 {K} 之间的一个整数。"),
        guards=[Mistake(lambda n, r: not 1 <= n <= K, msg(f"Cluster numbers run from 1 to {K}.",
                                                            f"客户群的编号是 1 到 {K}。"))],
        correct=msg("Yes: big spenders of the past who have gone quiet.", "对：过去消费很多、现在却沉寂了的客户。"),
        mistakes=[
            Mistake(lambda n, r: n == K and int(r.cluster_alive.idxmin()) != K, msg(
                "That is the cluster with the lowest value. The task asks which one the model thinks most likely "
                "to have left: compare the mean P(alive) of the clusters.",
                "这是价值最低的群。题目问的是模型认为最可能已经流失的群：请比较各群的平均活跃概率。")),
            Mistake(lambda n, r: n == int(r.cluster_alive.idxmax()), msg(
                "That cluster has the *highest* mean P(alive). Look for the lowest.",
                "这个群的平均活跃概率是*最高*的。请找最低的那个。")),
        ],
        otherwise=msg("Not that cluster. Fit BG/NBD on all the data (clv.clv_summary), compute P(alive) per customer "
                      "and take its mean per cluster.",
                      "不是这个群。请用全部数据拟合 BG/NBD（clv.clv_summary），计算每位客户的活跃概率，再按群求平均。"),
        hints=[msg("summary = clv.clv_summary(transactions); fit = clv.bgnbd_fit(summary[\"frequency\"], "
                   "summary[\"recency\"], summary[\"T\"])",
                   "summary = clv.clv_summary(transactions)；fit = clv.bgnbd_fit(summary[\"frequency\"], "
                   "summary[\"recency\"], summary[\"T\"])"),
               msg("alive = clv.probability_alive(fit, summary[\"frequency\"], summary[\"recency\"], summary[\"T\"]); "
                   "alive.groupby(clusters).mean().idxmin()",
                   "alive = clv.probability_alive(fit, summary[\"frequency\"], summary[\"recency\"], summary[\"T\"])；"
                   "alive.groupby(clusters).mean().idxmin()")],
    ),
    WrittenTask("task6", points=4, hints=[
        msg("Use the profile table: what stands out in each cluster (recent or lapsed, frequent or rare, big or small "
            "spenders)?", "看画像表：每个群最突出的是什么（近期购买还是久未购买、高频还是低频、高消费还是低消费）？"),
        msg("For the lapsed big spenders, weigh a cheap check (a call) against the cost of a VIP budget spent on "
            "someone who has gone.", "对久未购买的高消费客户，把一次低成本的确认（打个电话）和把 VIP 预算花在已流失客户身上的代价比一比。"),
    ]),
)


def make_checks(transactions: pd.DataFrame | None = None, *, lang: str = "en") -> Checks:
    """The checks of exercise 11 against ``transactions`` (default: the synthetic company).

    Parameters
    ----------
    transactions : DataFrame, optional
        Columns ``customer_id``, ``date``, ``revenue``; default the shipped data.
    lang : {"en", "zh"}
        Language of the feedback and hints.

    Returns
    -------
    Checks

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b", "b", "c", "a"],
    ...                    "date": pd.to_datetime(["2024-03-01", "2024-06-01", "2024-05-01", "2025-02-01",
    ...                                            "2025-03-01", "2024-09-01"]),
    ...                    "revenue": [10.0, 20.0, 5.0, 7.0, 3.0, 4.0]})
    >>> check = make_checks(tx)
    >>> check.task1.evaluate(..., 1.0, 1.0, 1.0).status, check.task3.evaluate("half").status
    ('unanswered', 'incorrect')
    >>> check.task5.evaluate(9).message
    'Cluster numbers run from 1 to 4.'
    
    """
    return Checks(TASKS, Reference(transactions), lang=lang)


#: The checks used by ``exercises/11_clv.ipynb``.
check = make_checks()
