"""Contribution scoring (贡献度, 加权评分法): what each customer contributes, combined into one score.

Compute layer: pure functions, no plotting, no printing.

Definitions used throughout the course (per customer, over the period of the data):

* **Sales contribution** (销售额贡献) = the customer's revenue, net of returns.
* **Profit contribution** (利润贡献) = gross margin = revenue − cost of the goods sold.
* **Cost to serve** (服务成本) = the cost of the service contacts logged for the customer.
* **Marginal contribution** (边际贡献) = revenue − all costs that the customer
  causes and that would disappear without them = gross margin − cost to serve.
  Fixed costs (rent, salaries) are not allocated. A negative marginal
  contribution means the customer, as served today, costs more than they bring.

The **weighted score** (加权评分法) normalises each chosen metric to [0, 1]
(``method="percentile"``: the share of customers with a lower or equal value,
so outliers cannot dominate; or ``"minmax"``: ``(x − min) / (max − min)``),
multiplies by weights that must add up to 1, and adds up. The score is in
[0, 1]; customers are ranked by it (ties by customer id).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from helpers._common import CLASSES, before, require_columns
from helpers._docs import shared_docs

METRICS: tuple[str, ...] = ("revenue", "margin", "marginal_contribution")

__all__ = ["METRICS", "CLASSES", "contribution_table", "normalise", "weighted_score", "score_tiers",
           "top_n_overlap", "weight_sensitivity"]


@shared_docs
def contribution_table(
    transactions: pd.DataFrame,
    as_of: object = None,
    *,
    contacts: pd.DataFrame | None = None,
    customer: str = "customer_id",
    date: str = "date",
    amount: str = "revenue",
    cost: str = "cost",
    cost_to_serve: str = "cost_to_serve",
) -> pd.DataFrame:
    """Per customer: revenue, cost, margin, cost to serve, marginal contribution, and their shares.

    Parameters
    ----------
    {transactions}
    {as_of}
        Contacts dated on or after it are left out too. Without ``as_of`` every row counts.
    contacts : DataFrame, optional
        The contact log, one row per contact with the ``customer`` and ``cost_to_serve`` columns.
        Without it the cost to serve is 0 and marginal contribution equals margin.
    {customer}
    {date}
    {amount}
    {cost}
    cost_to_serve : str, default "cost_to_serve"
        Column of ``contacts`` holding what each contact cost.

    Returns
    -------
    DataFrame
        Indexed by customer, sorted by marginal contribution (largest first, ties
        by id); columns ``revenue``, ``cost``, ``margin``, ``cost_to_serve``,
        ``marginal_contribution``, ``revenue_share``, ``margin_share``.
        Customers who appear only in ``contacts`` are not added (they bought nothing).

    Raises
    ------
    KeyError
        If a needed column is missing (the message lists the columns there are).

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "revenue": [100.0, 50, 80], "cost": [60.0, 30, 70]})
    >>> sv = pd.DataFrame({"customer_id": ["b", "b"], "cost_to_serve": [15.0, 10.0]})
    >>> contribution_table(tx, contacts=sv)[["margin", "cost_to_serve", "marginal_contribution"]]
    ... # doctest: +NORMALIZE_WHITESPACE
                 margin  cost_to_serve  marginal_contribution
    customer_id
    a              60.0            0.0                   60.0
    b              10.0           25.0                  -15.0
    """
    require_columns(transactions, {"customer": customer, "amount": amount, "cost": cost}, "contribution_table")
    transactions = before(transactions, as_of, date=date)
    sums = transactions.groupby(customer)[[amount, cost]].sum()
    out = pd.DataFrame({"revenue": sums[amount], "cost": sums[cost]})
    out["margin"] = out["revenue"] - out["cost"]
    if contacts is not None:
        require_columns(contacts, {"customer": customer, "cost_to_serve": cost_to_serve}, "contribution_table (contacts)")
        contacts = before(contacts, as_of, date=date)
        cts = contacts.groupby(customer)[cost_to_serve].sum()
        out["cost_to_serve"] = cts.reindex(out.index, fill_value=0.0).astype(float)
    else:
        out["cost_to_serve"] = 0.0
    out["marginal_contribution"] = out["margin"] - out["cost_to_serve"]
    out["revenue_share"] = out["revenue"] / out["revenue"].sum()
    out["margin_share"] = out["margin"] / out["margin"].sum()
    out.index.name = customer
    keys = pd.DataFrame({"v": out["marginal_contribution"].to_numpy(), "k": out.index.astype(str)}, index=out.index)
    return out.loc[keys.sort_values(["v", "k"], ascending=[False, True], kind="mergesort").index]


def normalise(values: pd.Series, method: str = "percentile") -> pd.Series:
    """Scale a metric to [0, 1]: percentile rank (default) or min–max.

    Percentile: the share of customers whose value is lower or equal (ties share
    the highest rank), so the largest customer gets 1 and outliers do not
    squeeze everybody else towards 0. Min–max: ``(x − min) / (max − min)``,
    1 for everybody if all values are equal.

    Parameters
    ----------
    values : Series
        One metric, one value per customer (e.g. the ``margin`` column of :func:`contribution_table`).
    method : {"percentile", "minmax"}, default "percentile"
        How to scale: percentile rank, or ``(x − min) / (max − min)``.

    Returns
    -------
    Series
        The scaled values in [0, 1], same index as ``values``.

    Raises
    ------
    ValueError
        If ``values`` has missing values or ``method`` is unknown.

    Examples
    --------
    >>> s = pd.Series([10.0, 20, 20, 1000])
    >>> normalise(s).tolist(), normalise(s, "minmax").round(3).tolist()
    ([0.25, 0.75, 0.75, 1.0], [0.0, 0.01, 0.01, 1.0])
    """
    if values.isna().any():
        raise ValueError(f"{values.name or 'metric'}: {int(values.isna().sum())} missing values; fill or remove them first.")
    if method == "percentile":
        return values.rank(method="max", pct=True).astype(float)
    if method == "minmax":
        lo, hi = float(values.min()), float(values.max())
        return pd.Series(1.0, index=values.index) if hi == lo else (values - lo) / (hi - lo)
    raise ValueError(f"method must be 'percentile' or 'minmax'; got {method!r}.")


def _check_weights(weights: Mapping[str, float], columns: Sequence[str]) -> dict[str, float]:
    missing = [k for k in weights if k not in columns]
    if missing:
        raise KeyError(f"weights name {missing}, which are not columns of the table; choose from {list(columns)}.")
    bad = {k: w for k, w in weights.items() if not 0 <= float(w) <= 1}
    if bad:
        raise ValueError(f"each weight must be between 0 and 1; got {bad}.")
    total = sum(float(w) for w in weights.values())
    if abs(total - 1) > 1e-6:
        raise ValueError(f"weights must add up to 1 (100%); yours add up to {total:.4g}. "
                         "Divide each weight by their sum, or adjust one of them.")
    return {k: float(w) for k, w in weights.items()}


def weighted_score(table: pd.DataFrame, weights: Mapping[str, float], method: str = "percentile") -> pd.DataFrame:
    """Weighted score in [0, 1] and rank (1 = best) from normalised metrics.

    Parameters
    ----------
    table : DataFrame
        One row per customer (e.g. from :func:`contribution_table`), one column per metric.
    weights : mapping of str to float
        Metric (a column of ``table``) -> its weight; weights in [0, 1] that add up to 1,
        e.g. ``{"revenue": 0.3, "margin": 0.7}``.
    method : {"percentile", "minmax"}, default "percentile"
        How each metric is scaled to [0, 1] before weighting (see :func:`normalise`).

    Returns
    -------
    DataFrame
        ``<metric>_norm`` for each weighted metric, ``score`` and ``rank``,
        sorted by rank.

    Raises
    ------
    ValueError
        If the weights do not add up to 1 or lie outside [0, 1].
    KeyError
        If a weight names a column the table does not have.

    Examples
    --------
    >>> t = pd.DataFrame({"revenue": [100.0, 50, 10], "margin": [5.0, 30, 2]}, index=list("abc"))
    >>> weighted_score(t, {"revenue": 0.5, "margin": 0.5})[["score", "rank"]]
    ... # doctest: +NORMALIZE_WHITESPACE
          score  rank
    a  0.833333     1
    b  0.833333     2
    c  0.333333     3
    """
    w = _check_weights(weights, list(table.columns))
    out = pd.DataFrame(index=table.index)
    for metric in w:
        out[f"{metric}_norm"] = normalise(table[metric], method)
    out["score"] = sum(out[f"{m}_norm"] * wt for m, wt in w.items())
    out["score"] = out["score"].clip(0.0, 1.0)
    keys = pd.DataFrame({"s": out["score"].round(12), "k": out.index.astype(str)}, index=out.index)
    out = out.loc[keys.sort_values(["s", "k"], ascending=[False, True], kind="mergesort").index]
    out["rank"] = np.arange(1, len(out) + 1)
    return out


def score_tiers(scored: pd.DataFrame, shares: Sequence[float] = (0.2, 0.3)) -> pd.Series:
    """Tiers A / B / C from the rank: the top ``shares[0]`` of customers are A, the next ``shares[1]`` B.

    The tier sizes are rounded up (``ceil``), like :func:`helpers.pareto.top_count`.

    Parameters
    ----------
    scored : DataFrame
        One row per customer with a ``rank`` column (1 = best), e.g. from :func:`weighted_score`.
    shares : (float, float), default (0.2, 0.3)
        Fractions of the customers in tier A and in tier B; the rest are C. They must add up
        to at most 1.

    Returns
    -------
    Series
        Named ``"tier"``, "A", "B" or "C" for each customer, same index as ``scored``.

    Raises
    ------
    ValueError
        If the shares are not two fractions adding up to at most 1.

    Examples
    --------
    >>> scored = pd.DataFrame({"rank": range(1, 11)}, index=list("abcdefghij"))
    >>> score_tiers(scored).value_counts().sort_index().to_dict()
    {'A': 2, 'B': 3, 'C': 5}
    """
    a, b = (float(x) for x in shares)
    if a <= 0 or b < 0 or a + b > 1:
        raise ValueError(f"shares must be two fractions adding up to at most 1, e.g. (0.2, 0.3); got {shares!r}.")
    n = len(scored)
    n_a = int(np.ceil(round(a * n, 9)))
    n_b = int(np.ceil(round((a + b) * n, 9))) - n_a
    tiers = np.where(scored["rank"] <= n_a, "A", np.where(scored["rank"] <= n_a + n_b, "B", "C"))
    return pd.Series(tiers, index=scored.index, name="tier")


def top_n_overlap(first: pd.DataFrame, second: pd.DataFrame, n: int = 10) -> dict[str, float]:
    """How similar two rankings are: overlap of their top ``n`` and Spearman rank correlation.

    Both frames need a ``rank`` column and the same customers.

    Parameters
    ----------
    first, second : DataFrame
        Two rankings of the same customers, each with a ``rank`` column (1 = best), e.g. from
        :func:`weighted_score` with two weightings.
    n : int, default 10
        How many top customers to compare.

    Returns
    -------
    dict
        ``n``; ``overlap``, the number of customers in both top ``n``; ``overlap_share``
        (``overlap / n``, 0–1); and ``spearman``, the rank correlation of the whole rankings
        (1 = same order, −1 = reversed).

    Raises
    ------
    ValueError
        If the rankings cover different customers.

    Examples
    --------
    >>> a = pd.DataFrame({"rank": [1, 2, 3, 4]}, index=list("wxyz"))
    >>> b = pd.DataFrame({"rank": [2, 1, 4, 3]}, index=list("wxyz"))
    >>> top_n_overlap(a, b, n=2)
    {'n': 2, 'overlap': 2, 'overlap_share': 1.0, 'spearman': 0.6}
    """
    r1, r2 = first["rank"], second["rank"].reindex(first.index)
    if r2.isna().any():
        raise ValueError("the two rankings cover different customers; rank the same customers.")
    top1 = set(r1.index[r1 <= n])
    top2 = set(r2.index[r2 <= n])
    overlap = len(top1 & top2)
    d = (r1 - r2).astype(float)
    m = len(r1)
    spearman = 1.0 if m < 2 else 1 - 6 * float((d ** 2).sum()) / (m * (m ** 2 - 1))
    return {"n": n, "overlap": overlap, "overlap_share": overlap / n, "spearman": round(spearman, 6)}


def weight_sensitivity(
    table: pd.DataFrame,
    base: Mapping[str, float],
    alternatives: Mapping[str, Mapping[str, float]],
    n: int = 50,
    method: str = "percentile",
) -> pd.DataFrame:
    """For each alternative weighting: how much its top ``n`` and ranking differ from the base weighting.

    Parameters
    ----------
    table : DataFrame
        One row per customer, one column per metric (e.g. from :func:`contribution_table`).
    base : mapping of str to float
        The reference weights, metric -> weight (see :func:`weighted_score`).
    alternatives : mapping of str to mapping
        Name of each alternative -> its weights.
    n : int, default 50
        How many top customers to compare.
    method : {"percentile", "minmax"}, default "percentile"
        How each metric is scaled (see :func:`normalise`).

    Returns
    -------
    DataFrame
        One row per alternative with the columns of :func:`top_n_overlap` (``n``, ``overlap``,
        ``overlap_share``, ``spearman``), each compared with ``base``.

    Raises
    ------
    ValueError, KeyError
        If a weighting is invalid (see :func:`weighted_score`).

    Examples
    --------
    >>> t = pd.DataFrame({"revenue": [100.0, 50, 10, 5], "margin": [5.0, 30, 2, 8]}, index=list("abcd"))
    >>> weight_sensitivity(t, {"revenue": 1.0}, {"margin only": {"margin": 1.0}}, n=2)["overlap"].tolist()
    [1]
    """
    ref = weighted_score(table, base, method)
    rows = {}
    for name, weights in alternatives.items():
        rows[name] = top_n_overlap(ref, weighted_score(table, weights, method), n)
    out = pd.DataFrame.from_dict(rows, orient="index")
    out["overlap"] = out["overlap"].astype(int)
    out["n"] = out["n"].astype(int)
    return out
