"""The one seeded generator of the course's synthetic company.

::

    python -m coursekit.datasets generate [--seed 20261122] [--out DIR]
    python -m coursekit.datasets check      # regenerate in a temp folder, compare byte for byte
    python -m coursekit.datasets crm-export # datasets/raw/crm_export.csv: the company as a raw CRM export

A retailer with about 5,000 customers over 24 months (2024-01-01 to
2025-12-31). The generating process is behavioural, not tuned to give "80/20":

* **Purchase rates differ** between customers: each has a Poisson rate drawn
  from a gamma distribution (a few buy often, most rarely).
* **Customers drop out**: after every purchase a customer stays active with
  probability ``1 - p``, ``p`` drawn from a beta distribution per customer
  (the BG/NBD story), so many are "one-time" and some churn after a while.
* **Spend is skewed**: each customer has a typical order value (lognormal
  across customers), and each order varies around it (lognormal again).
* **Margin varies** by product category, and customers prefer different
  categories, so a big spender on electronics can earn less than a smaller
  beauty buyer.
* **Service costs differ**: a few customers report many problems, and
  higher-value customers get more company-initiated contacts, imperfectly.
* **A randomised retention program** starts on 2025-07-01 for customers who
  bought in the previous six months. Treatment raises the purchase rate by a
  known factor; both potential outcomes are simulated with common random
  numbers, so the true effect in this sample is known exactly (``truth.json``).

Every file is written with fixed formatting, so the same seed gives
byte-identical files on any machine.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from helpers._common import CONTACT_COSTS
from helpers.paths import DATA_DIR, SYNTHETIC_DIR

SEED = 20261122
START = pd.Timestamp("2024-01-01")
END = pd.Timestamp("2025-12-31")
PROGRAM_START = pd.Timestamp("2025-07-01")
# Purchases are simulated up to the start of 2025-12-31, so the last sales day is 2025-12-30
# (returns may still fall on the 31st); the outcome window [2025-07-01, +183 days) covers it all.
PROGRAM_WINDOW_DAYS = 183

CITIES = ["Harbin", "Shanghai", "Beijing", "Guangzhou", "Shenzhen", "Chengdu", "Wuhan", "Hangzhou"]
CITY_P = [0.22, 0.18, 0.15, 0.11, 0.1, 0.09, 0.08, 0.07]
ACQUISITION = ["store", "online", "referral", "event"]
ACQUISITION_P = [0.45, 0.35, 0.12, 0.08]
ORDER_CHANNELS = ["store", "online", "phone"]
#: Product categories and their typical margin rate (margin / revenue).
CATEGORIES = {"electronics": 0.12, "groceries": 0.18, "home": 0.30, "apparel": 0.42, "beauty": 0.55}
LEAD_SOURCES = ["web_form", "trade_show", "social_media", "referral"]

PARAMS = {
    "n_customers": 5000,
    "n_leads": 3000,
    "purchase_rate_per_month_gamma": {"shape": 0.9, "scale": 1.0},
    "dropout_after_purchase_beta": {"a": 1.0, "b": 5.0},
    "order_value_customer_lognormal": {"mean_log": 4.7, "sd_log": 0.9},
    "order_value_order_lognormal_sd": 0.45,
    "return_probability": 0.04,
    "survey_share": 0.2,
    "program_rate_multiplier": 1.8,
}


def _money(x: np.ndarray) -> np.ndarray:
    return np.round(np.asarray(x, dtype=float), 2)


@dataclass
class _People:
    """Per-customer traits drawn in step 1 (arrays of length ``n``)."""

    ids: np.ndarray
    signup: pd.DatetimeIndex
    signup_offset: np.ndarray
    rate: np.ndarray
    dropout: np.ndarray
    value_log: np.ndarray
    cat_pref: np.ndarray
    acquisition: np.ndarray
    city: np.ndarray
    complaint_propensity: np.ndarray


@dataclass
class _Purchases:
    """Step 2's result: who bought when, and the program's assignment and potential outcomes."""

    orders: list[tuple[int, float]]
    program_ids: np.ndarray
    treat: np.ndarray
    y0: np.ndarray
    y1: np.ndarray


def _draw_people(rng: np.random.Generator, n: int, days: int) -> _People:
    """Step 1: signup dates, purchase rates, dropout, spend level, category taste, channel, city, complaints.

    A third of the customers is already on the books at the start; the rest
    arrive over the period.
    """
    p = PARAMS
    existing = rng.random(n) < 0.35
    signup_day = np.where(existing, rng.integers(0, 14, n), rng.integers(0, days - 60, n))
    signup = START + pd.to_timedelta(np.sort(signup_day), unit="D")
    rate = rng.gamma(p["purchase_rate_per_month_gamma"]["shape"], p["purchase_rate_per_month_gamma"]["scale"], n) / 30.0
    dropout = rng.beta(p["dropout_after_purchase_beta"]["a"], p["dropout_after_purchase_beta"]["b"], n)
    value_log = rng.normal(p["order_value_customer_lognormal"]["mean_log"], p["order_value_customer_lognormal"]["sd_log"], n)
    cat_pref = rng.dirichlet(np.full(len(CATEGORIES), 0.6), n)
    acquisition = rng.choice(ACQUISITION, n, p=ACQUISITION_P)
    city = rng.choice(CITIES, n, p=CITY_P)
    complaint_propensity = rng.gamma(0.4, 1.0, n)  # a few "difficult" customers
    ids = np.array([f"C{i:05d}" for i in range(1, n + 1)])
    signup_offset = (signup - START).days.to_numpy().astype(float)
    return _People(ids, signup, signup_offset, rate, dropout, value_log, cat_pref, acquisition, city,
                   complaint_propensity)


def _simulate_purchases(rng: np.random.Generator, people: _People, days: int) -> _Purchases:
    """Step 2: purchase times (Poisson rate, dropout after each purchase) and the randomised program.

    Before the program start each customer follows their own rate; from the
    start on, both potential outcomes (rate x 1 and rate x the multiplier) are
    simulated with common random numbers, so the true effect in the sample is
    known. Half of the eligible customers (bought in the 182 days before the
    start) are treated.
    """
    n = len(people.ids)
    rate, dropout, signup_offset = people.rate, people.dropout, people.signup_offset
    start_offset = (PROGRAM_START - START).days
    window_end = start_offset + PROGRAM_WINDOW_DAYS
    # common random numbers after the program start: the same draws serve both arms
    post_gap = rng.exponential(1.0, (n, 80))
    post_drop = rng.random((n, 80))
    pre_rng = np.random.default_rng(rng.integers(2**63))
    pre_times: list[list[float]] = []
    alive_at_start = np.ones(n, bool)
    for i in range(n):
        times: list[float] = []
        t = signup_offset[i]
        while t < start_offset:
            times.append(t)
            if pre_rng.random() < dropout[i]:
                alive_at_start[i] = False
                break
            t += pre_rng.exponential(1.0 / rate[i])
        pre_times.append(times)

    def post_times(i: int, multiplier: float) -> list[float]:
        """Purchases from the program start on (or from signup, for later customers)."""
        if not alive_at_start[i]:
            return []
        out: list[float] = []
        k = 0
        t = max(signup_offset[i], float(start_offset))
        if signup_offset[i] >= start_offset:  # a new customer buys on the day they sign up
            out.append(t)
            if post_drop[i, 0] < dropout[i]:
                return out
            k = 1
        while k < post_gap.shape[1]:
            t += post_gap[i, k] / (rate[i] * multiplier)
            if t > days - 1:
                break
            out.append(t)
            if post_drop[i, k] < dropout[i]:
                break
            k += 1
        return out

    last_before = np.array([times[-1] if times else -1.0 for times in pre_times])
    eligible = last_before >= start_offset - 182
    program_ids = np.flatnonzero(eligible)
    treat = np.zeros(n, bool)
    treat[rng.permutation(program_ids)[: len(program_ids) // 2]] = True
    m = PARAMS["program_rate_multiplier"]

    def bought_in_window(times: list[float]) -> bool:
        return any(start_offset <= t < window_end for t in times)

    y0 = np.array([bought_in_window(post_times(i, 1.0)) if eligible[i] else False for i in range(n)])
    y1 = np.array([bought_in_window(post_times(i, m)) if eligible[i] else False for i in range(n)])
    orders: list[tuple[int, float]] = []
    for i in range(n):
        orders.extend((i, t) for t in pre_times[i])
        orders.extend((i, t) for t in post_times(i, m if treat[i] else 1.0))
    return _Purchases(orders, program_ids, treat, y0, y1)


def _order_lines(rng: np.random.Generator, people: _People, orders: list[tuple[int, float]]
                 ) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """Step 3: one transaction row per order (time of day, revenue, category, cost, channel), plus returns.

    Returns the transaction table (sorted, returns included, timestamps still
    datetimes), and for every order (before returns) the customer index and
    revenue, which later steps use.
    """
    p = PARAMS
    cust_idx = np.array([o[0] for o in orders])
    day = np.floor(np.array([o[1] for o in orders])).astype(int)
    k = len(orders)
    minutes = rng.integers(9 * 60, 21 * 60, k)
    ts = START + pd.to_timedelta(day, unit="D") + pd.to_timedelta(minutes, unit="m")
    revenue = _money(np.exp(people.value_log[cust_idx] + rng.normal(0, p["order_value_order_lognormal_sd"], k)))
    cats = list(CATEGORIES)
    u = rng.random(k)
    cat_choice = (u[:, None] > np.cumsum(people.cat_pref[cust_idx], axis=1)).sum(axis=1).clip(0, len(cats) - 1)
    category = np.array(cats)[cat_choice]
    margin_rate = np.array([CATEGORIES[c] for c in category]) + rng.normal(0, 0.04, k)
    cost = _money(revenue * (1 - margin_rate.clip(0.02, 0.8)))
    pref_channel = {"store": [0.7, 0.2, 0.1], "online": [0.1, 0.85, 0.05], "referral": [0.4, 0.45, 0.15], "event": [0.5, 0.35, 0.15]}
    channel = np.array([rng.choice(ORDER_CHANNELS, p=pref_channel[people.acquisition[c]]) for c in cust_idx])
    tx = pd.DataFrame({
        "customer_id": people.ids[cust_idx], "timestamp": ts, "revenue": revenue, "cost": cost,
        "category": category, "channel": channel,
    }).sort_values(["timestamp", "customer_id"], kind="mergesort").reset_index(drop=True)
    tx.insert(0, "order_id", [f"O{i:06d}" for i in range(1, len(tx) + 1)])
    tx["is_return"] = False
    tx["return_of"] = ""
    # returns: full or partial, 3-20 days later, only inside the period
    ret = rng.random(len(tx)) < p["return_probability"]
    ret_days = rng.integers(3, 21, len(tx))
    ret_share = np.where(rng.random(len(tx)) < 0.6, 1.0, rng.uniform(0.3, 0.7, len(tx)))
    rts = tx["timestamp"] + pd.to_timedelta(ret_days, unit="D")
    keep = ret & (rts <= END + pd.Timedelta(hours=23))
    returns = pd.DataFrame({
        "customer_id": tx.loc[keep, "customer_id"].to_numpy(),
        "timestamp": rts[keep].to_numpy(),
        "revenue": -_money(tx.loc[keep, "revenue"].to_numpy() * ret_share[keep]),
        "cost": -_money(tx.loc[keep, "cost"].to_numpy() * ret_share[keep]),
        "category": tx.loc[keep, "category"].to_numpy(),
        "channel": tx.loc[keep, "channel"].to_numpy(),
        "is_return": True,
        "return_of": tx.loc[keep, "order_id"].to_numpy(),
    })
    returns.insert(0, "order_id", [f"R{i:06d}" for i in range(1, len(returns) + 1)])
    tx = pd.concat([tx, returns], ignore_index=True).sort_values(["timestamp", "order_id"], kind="mergesort")
    return tx.reset_index(drop=True), cust_idx, revenue


def _customer_table(rng: np.random.Generator, people: _People, n_orders: np.ndarray, spend: np.ndarray) -> pd.DataFrame:
    """Step 4: the customer table with the current membership (walk-in, member, VIP), noisy in orders and spend."""
    n = len(people.ids)
    member_score = np.log1p(n_orders) + rng.normal(0, 0.6, n)
    member = member_score > np.quantile(member_score, 0.55)
    vip_score = np.log1p(spend) + rng.normal(0, 0.5, n)
    vip = member & (vip_score >= np.quantile(vip_score[member], 0.88))
    membership = np.where(vip, "VIP", np.where(member, "member", "walk-in"))
    return pd.DataFrame({
        "customer_id": people.ids, "signup_date": people.signup.strftime("%Y-%m-%d"), "city": people.city,
        "acquisition_channel": people.acquisition, "membership": membership,
    })


def _survey(rng: np.random.Generator, people: _People, n_orders: np.ndarray) -> pd.DataFrame:
    """Step 5: a June 2025 survey of a fifth of the customers; answers follow engagement, with noise."""
    n = len(people.ids)
    survey_n = int(PARAMS["survey_share"] * n)
    surveyed = np.sort(rng.choice(np.flatnonzero(people.signup <= pd.Timestamp("2025-05-31")), survey_n, replace=False))
    engagement = (np.log1p(n_orders) - np.log1p(n_orders).mean()) / np.log1p(n_orders).std()
    latent = 0.6 * engagement[surveyed] + rng.normal(0, 1, survey_n)
    sat = np.digitize(latent, [-1.9, -0.9, 0.1, 1.1]) + 1
    rep = np.clip(np.round((50 + 22 * latent + rng.normal(0, 15, survey_n)) / 5) * 5, 0, 100).astype(int)
    rec = np.clip(np.round(7 + 1.6 * latent + rng.normal(0, 1.2, survey_n)), 0, 10).astype(int)
    rec3 = np.where(rec >= 9, "very likely", np.where(rec >= 7, "likely", "unlikely"))
    sdate = pd.Timestamp("2025-06-01") + pd.to_timedelta(rng.integers(0, 30, survey_n), unit="D")
    return pd.DataFrame({
        "customer_id": people.ids[surveyed], "survey_date": sdate.strftime("%Y-%m-%d"), "satisfaction": sat,
        "repurchase_probability": rep, "recommend_score": rec, "recommend_3": rec3,
    })


def _contacts(rng: np.random.Generator, people: _People, n_orders: np.ndarray, spend: np.ndarray, days: int) -> pd.DataFrame:
    """Step 6: the service-contact log; problem reports follow complaint propensity, company contacts follow value."""
    n = len(people.ids)
    value_rank = pd.Series(spend).rank(pct=True).to_numpy()
    rows = []
    cstart = people.signup_offset.astype(int)
    expected = {
        "problem_report": 0.4 + 2.0 * people.complaint_propensity,
        "after_sale_followup": 0.3 + 1.5 * value_rank,
        "proactive_offer": 0.2 + 3.0 * value_rank ** 2,
        "joint_planning": np.where(value_rank > 0.9, 1.2, 0.02) * (rng.random(n) < 0.6),
    }
    for ctype, lam in expected.items():
        counts = rng.poisson(lam * np.clip(n_orders, 1, None) ** 0.3)
        for i in np.flatnonzero(counts):
            d = rng.integers(cstart[i], days, counts[i])
            rows.extend((people.ids[i], int(x), ctype) for x in d)
    contacts = pd.DataFrame(rows, columns=["customer_id", "day", "contact_type"])
    contacts["date"] = (START + pd.to_timedelta(contacts["day"], unit="D")).dt.strftime("%Y-%m-%d")
    contacts["initiated_by"] = np.where(contacts["contact_type"] == "problem_report", "customer", "company")
    contacts["cost_to_serve"] = contacts["contact_type"].map(CONTACT_COSTS).astype(float)
    contacts = contacts.sort_values(["date", "customer_id", "contact_type"], kind="mergesort").reset_index(drop=True)
    contacts.insert(0, "contact_id", [f"S{i:06d}" for i in range(1, len(contacts) + 1)])
    return contacts[["contact_id", "customer_id", "date", "initiated_by", "contact_type", "cost_to_serve"]]


def _leads(rng: np.random.Generator, days: int) -> pd.DataFrame:
    """Step 7: prospects who never bought (created date, city, source)."""
    nl = PARAMS["n_leads"]
    return pd.DataFrame({
        "lead_id": [f"L{i:05d}" for i in range(1, nl + 1)],
        "created_date": (START + pd.to_timedelta(np.sort(rng.integers(0, days, nl)), unit="D")).strftime("%Y-%m-%d"),
        "city": rng.choice(CITIES, nl, p=CITY_P),
        "source": rng.choice(LEAD_SOURCES, nl, p=[0.45, 0.2, 0.25, 0.1]),
    })


def _truth(seed: int, tables: dict[str, pd.DataFrame], returns: int, bought: _Purchases) -> dict:
    """Step 8: the truth record (counts, the program's potential outcomes and true effect, the parameters)."""
    ids, y0, y1 = bought.program_ids, bought.y0, bought.y1
    ate = float((y1[ids].astype(int) - y0[ids].astype(int)).mean())
    return {
        "seed": seed,
        "period": {"start": START.strftime("%Y-%m-%d"), "end": END.strftime("%Y-%m-%d")},
        "counts": {name: int(len(t)) for name, t in tables.items()},
        "returns": returns,
        "program": {
            "start": PROGRAM_START.strftime("%Y-%m-%d"),
            "window_days": PROGRAM_WINDOW_DAYS,
            "outcome": "bought at least once from 2025-07-01 to 2025-12-31",
            "eligible": "bought at least once in the 182 days before 2025-07-01",
            "rate_multiplier": PARAMS["program_rate_multiplier"],
            "customers": int(len(ids)),
            "treated": int(bought.treat.sum()),
            "repurchase_rate_if_all_control": round(float(y0[ids].mean()), 6),
            "repurchase_rate_if_all_treated": round(float(y1[ids].mean()), 6),
            "true_sample_effect_pp": round(100 * ate, 4),
        },
        "parameters": PARAMS,
        "categories_margin_rate": CATEGORIES,
        "contact_cost": dict(CONTACT_COSTS),
    }


def generate_tables(seed: int = SEED) -> tuple[dict[str, pd.DataFrame], dict]:
    """Simulate the company; return its tables and the truth record (nothing is written).

    The steps draw from one random generator in a fixed order (so a seed
    gives the same company everywhere): people (:func:`_draw_people`),
    purchases and the program (:func:`_simulate_purchases`), order lines and
    returns (:func:`_order_lines`), the customer table (:func:`_customer_table`),
    the survey (:func:`_survey`), service contacts (:func:`_contacts`), leads
    (:func:`_leads`), then the program table and the truth record (:func:`_truth`).

    Parameters
    ----------
    seed : int
        Seed of the random generator.

    Returns
    -------
    tables : dict of DataFrame
        ``customers``, ``transactions``, ``survey``, ``contacts``, ``leads``, ``program``.
    truth : dict
        What the simulation knows and an analysis must recover (see ``truth.json``).

    Examples
    --------
    >>> tables, truth = generate_tables(seed=1)
    >>> sorted(tables)
    ['contacts', 'customers', 'leads', 'program', 'survey', 'transactions']
    >>> truth["seed"], len(tables["customers"]) == truth["counts"]["customers"]
    (1, True)
    """
    rng = np.random.default_rng(seed)
    n = PARAMS["n_customers"]
    days = (END - START).days + 1
    people = _draw_people(rng, n, days)
    bought = _simulate_purchases(rng, people, days)
    tx, cust_idx, revenue = _order_lines(rng, people, bought.orders)
    n_orders = np.bincount(cust_idx, minlength=n)
    spend = np.bincount(cust_idx, weights=revenue, minlength=n)
    customers = _customer_table(rng, people, n_orders, spend)
    survey = _survey(rng, people, n_orders)
    contacts = _contacts(rng, people, n_orders, spend, days)
    leads = _leads(rng, days)
    program = pd.DataFrame({
        "customer_id": people.ids[bought.program_ids],
        "group": np.where(bought.treat[bought.program_ids], "treatment", "control"),
        "assigned_date": PROGRAM_START.strftime("%Y-%m-%d"),
    })
    tx_out = tx.assign(timestamp=tx["timestamp"].dt.strftime("%Y-%m-%d %H:%M:%S"))
    tables = {"customers": customers, "transactions": tx_out, "survey": survey, "contacts": contacts,
              "leads": leads, "program": program}
    return tables, _truth(seed, tables, int(tx["is_return"].sum()), bought)


def generate(seed: int = SEED, out_dir: Path = SYNTHETIC_DIR, card: Path | None = DATA_DIR / "README.md") -> dict:
    """Write the synthetic company's CSV files and ``truth.json`` to ``out_dir``.

    Also rewrites the truth section of the data card (between
    ``<!-- truth:start -->`` and ``<!-- truth:end -->``) when ``card`` exists.

    Returns
    -------
    dict
        The truth record.

    Examples
    --------
    >>> import tempfile
    >>> truth = generate(seed=3, out_dir=Path(tempfile.mkdtemp()), card=None)
    >>> truth["counts"]["customers"]
    5000
    """
    tables, truth = generate_tables(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        frame.to_csv(out_dir / f"{name}.csv", index=False, lineterminator="\n", float_format="%.2f")
    (out_dir / "truth.json").write_text(json.dumps(truth, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    if card is not None and card.exists():
        card.write_text(card_with_truth(card.read_text(encoding="utf-8"), truth), encoding="utf-8")
    return truth


def truth_markdown(truth: dict) -> str:
    """The data card's truth section, rendered from ``truth.json``.

    Examples
    --------
    >>> t = json.loads((SYNTHETIC_DIR / "truth.json").read_text(encoding="utf-8"))
    >>> truth_markdown(t).splitlines()[0]
    '| Quantity | True value |'
    """
    pr = truth["program"]
    rows = [
        ("Seed", truth["seed"]),
        ("Customers / transactions rows / returns", f"{truth['counts']['customers']:,} / {truth['counts']['transactions']:,} / {truth['returns']:,}"),
        ("Survey responses / service contacts / leads", f"{truth['counts']['survey']:,} / {truth['counts']['contacts']:,} / {truth['counts']['leads']:,}"),
        ("Program customers (treated)", f"{pr['customers']:,} ({pr['treated']:,})"),
        ("Program: purchase-rate multiplier under treatment", pr["rate_multiplier"]),
        ("Program: repurchase rate if nobody were treated", f"{100 * pr['repurchase_rate_if_all_control']:.2f}%"),
        ("Program: repurchase rate if everybody were treated", f"{100 * pr['repurchase_rate_if_all_treated']:.2f}%"),
        ("Program: true effect in this sample (percentage points)", f"{pr['true_sample_effect_pp']:+.2f} pp"),
    ]
    return "\n".join(["| Quantity | True value |", "|---|---|"] + [f"| {k} | {v} |" for k, v in rows])


def card_with_truth(text: str, truth: dict) -> str:
    """``text`` with the block between the truth markers replaced.

    Examples
    --------
    >>> t = json.loads((SYNTHETIC_DIR / "truth.json").read_text(encoding="utf-8"))
    >>> out = card_with_truth("a\\n<!-- truth:start -->\\nold\\n<!-- truth:end -->\\nb", t)
    >>> "old" in out, out.endswith("<!-- truth:end -->\\nb")
    (False, True)
    """
    start, end = "<!-- truth:start -->", "<!-- truth:end -->"
    if start not in text or end not in text:
        return text
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{start}\n{truth_markdown(truth)}\n{end}{tail}"


def check(seed: int = SEED, out_dir: Path = SYNTHETIC_DIR) -> list[str]:
    """Regenerate into a temporary folder; the names of the files in ``out_dir`` that differ.

    ``tests/test_data.py`` checks the committed files byte for byte.

    Parameters
    ----------
    seed : int
        Seed to regenerate with.
    out_dir : Path
        Folder holding the files to compare (default: the committed synthetic company).

    Returns
    -------
    list of str
        File names that are missing from ``out_dir`` or differ from a regeneration.

    Examples
    --------
    >>> import tempfile
    >>> check(out_dir=Path(tempfile.mkdtemp()))   # an empty folder: every file is missing
    ['contacts.csv', 'customers.csv', 'leads.csv', 'program.csv', 'survey.csv', 'transactions.csv', 'truth.json']
    """
    with tempfile.TemporaryDirectory() as tmp:
        generate(seed, Path(tmp), card=None)
        names = sorted(p.name for p in Path(tmp).iterdir())
        return [name for name in names
                if not (out_dir / name).exists() or not filecmp.cmp(Path(tmp) / name, out_dir / name, shallow=False)]


#: The raw CRM export of the synthetic company (module 12): a file written like a real export, with its quirks.
CRM_EXPORT: Path = DATA_DIR / "raw" / "crm_export.csv"
#: Its columns (Chinese, one with an English tail, as Chinese CRMs often write them) and their encoding.
CRM_COLUMNS: dict[str, str] = {"order_id": "订单编号", "customer_id": "客户编号", "membership": "会员等级",
                               "city": "城市", "timestamp": "下单时间", "category": "商品类别",
                               "revenue": "实付金额(元)", "cost": "成本(元)", "channel": "渠道 Channel",
                               "note": "备注"}
CRM_ENCODING = "gbk"
_CRM_WORDS = {"walk-in": "散客", "member": "会员", "VIP": "VIP", "store": "门店", "online": "线上", "phone": "电话",
              "electronics": "电子产品", "groceries": "食品杂货", "home": "家居", "apparel": "服装", "beauty": "美妆",
              "Harbin": "哈尔滨", "Shanghai": "上海", "Beijing": "北京", "Guangzhou": "广州", "Shenzhen": "深圳",
              "Chengdu": "成都", "Wuhan": "武汉", "Hangzhou": "杭州"}
#: How many rows of each quirk the export carries (what the importer must report).
CRM_QUIRKS: dict[str, int] = {"blank_rows": 9, "duplicates": 7, "no_customer": 12}


def crm_export_text(folder: Path = SYNTHETIC_DIR, seed: int = SEED) -> str:
    """The synthetic company's transactions as a CRM would export them (text; :func:`write_crm_export` writes it).

    The rows are the company's orders and returns (``transactions.csv``) with the customer's
    membership and city, in Chinese, and these quirks, each placed by a generator seeded with
    ``seed``: a title line and an empty line above the header; dates as ``2024/01/01 09:01``;
    amounts with a thousands separator (``"1,518.10"``); returns as negative amounts with a note;
    :data:`CRM_QUIRKS` rows that are blank, exact repeats of the row above (exported twice) and
    walk-in sales without a customer id; and a totals row (``合计``) at the end.

    Parameters
    ----------
    folder : Path
        The synthetic company's folder (``transactions.csv`` and ``customers.csv``).
    seed : int
        Seed of the quirks' positions.

    Returns
    -------
    str
        The file's text (written in :data:`CRM_ENCODING`).

    Examples
    --------
    >>> text = crm_export_text()
    >>> text.splitlines()[2].split(",")[:3]
    ['订单编号', '客户编号', '会员等级']
    >>> text.splitlines()[-1].startswith("合计")
    True
    """
    tx = pd.read_csv(folder / "transactions.csv", dtype=str, keep_default_na=False)
    customers = pd.read_csv(folder / "customers.csv", dtype=str, keep_default_na=False).set_index("customer_id")
    rng = np.random.default_rng(seed + 12)
    money = lambda col: [f"{float(v):,.2f}" for v in tx[col]]  # noqa: E731
    out = pd.DataFrame({
        "order_id": tx["order_id"], "customer_id": tx["customer_id"],
        "membership": tx["customer_id"].map(customers["membership"]).map(_CRM_WORDS),
        "city": tx["customer_id"].map(customers["city"]).map(_CRM_WORDS),
        "timestamp": pd.to_datetime(tx["timestamp"]).dt.strftime("%Y/%m/%d %H:%M"),
        "category": tx["category"].map(_CRM_WORDS), "revenue": money("revenue"), "cost": money("cost"),
        "channel": tx["channel"].map(_CRM_WORDS),
        "note": np.where(tx["is_return"] == "True", "退货 " + tx["return_of"], ""),
    })
    rows = out.to_numpy(dtype=object).tolist()
    blank = [""] * len(CRM_COLUMNS)
    n = len(rows)
    # walk-in sales without a customer id, after randomly chosen rows (inserted back to front)
    places = sorted(rng.choice(n, size=CRM_QUIRKS["no_customer"], replace=False).tolist(), reverse=True)
    for k, at in enumerate(places):
        row = list(rows[at])
        row[0], row[1], row[2], row[9] = f"P{900000 + k:06d}", "", _CRM_WORDS["walk-in"], ""
        rows.insert(at + 1, row)
    for at in sorted(rng.choice(len(rows), size=CRM_QUIRKS["duplicates"], replace=False).tolist(), reverse=True):
        rows.insert(at + 1, list(rows[at]))
    for at in sorted(rng.choice(len(rows), size=CRM_QUIRKS["blank_rows"], replace=False).tolist(), reverse=True):
        rows.insert(at + 1, list(blank))
    total = sum(float(r[6].replace(",", "")) for r in rows if r[6])
    rows.append(["合计"] + [""] * 5 + [f"{total:,.2f}"] + [""] * 3)
    body = pd.DataFrame(rows, columns=list(CRM_COLUMNS.values()))
    title = "订单明细导出,,,,,,,,,\n,,,,,,,,,\n"
    return title + body.to_csv(index=False, lineterminator="\n")


def write_crm_export(path: Path = CRM_EXPORT, folder: Path = SYNTHETIC_DIR, seed: int = SEED) -> Path:
    """Write :func:`crm_export_text` to ``path`` in :data:`CRM_ENCODING` (the same bytes on every run).

    Parameters
    ----------
    path : Path
        Where to write (default ``datasets/raw/crm_export.csv``).
    folder : Path
        The synthetic company's folder.
    seed : int
        Seed of the quirks' positions.

    Returns
    -------
    Path
        ``path``.

    Examples
    --------
    >>> import tempfile
    >>> p = write_crm_export(Path(tempfile.mkdtemp()) / "export.csv")
    >>> p.read_bytes() == CRM_EXPORT.read_bytes()
    True
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(crm_export_text(folder, seed).encode(CRM_ENCODING))
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursekit.datasets")
    sub = parser.add_subparsers(dest="command", required=True)
    g = sub.add_parser("generate", help="write the synthetic company")
    g.add_argument("--seed", type=int, default=SEED)
    g.add_argument("--out", type=Path, default=SYNTHETIC_DIR)
    sub.add_parser("check", help="exit 1 if the committed files differ from a regeneration")
    sub.add_parser("crm-export", help="write datasets/raw/crm_export.csv (module 12's raw export)")
    args = parser.parse_args(argv)
    if args.command == "crm-export":
        print(f"wrote {write_crm_export()}")
        return 0
    if args.command == "generate":
        truth = generate(args.seed, args.out, card=DATA_DIR / "README.md" if args.out == SYNTHETIC_DIR else None)
        print(f"wrote {args.out}: " + ", ".join(f"{k} {v:,}" for k, v in truth["counts"].items()))
        return 0
    differ = check()
    for name in differ:
        print(f"differs from a regeneration: datasets/synthetic/{name}", file=sys.stderr)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
