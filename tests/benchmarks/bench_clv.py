"""Benchmark (a script, not a test): module 11's fits and clusters, and PyMC-Marketing as a cross-check.

Times, as medians of several runs:

* the CDNOW calibration table (``helpers.clv.holdout_table``, 2,357 customers, 39 weeks);
* the BG/NBD fit (``helpers.clv.bgnbd_fit``: scipy BFGS with the exact gradient), printed beside
  the published estimates of Fader, Hardie & Lee (2005);
* the Gamma-Gamma fit (``helpers.clv.gamma_gamma_fit``) beside Hardie's published estimates;
* k-means with ``n_init=10`` on the synthetic company's 5,000 customers, and ``choose_k`` for k = 2-7;
* when PyMC-Marketing is installed (the ``peers`` extra), its ``BetaGeoModel`` fitted by MAP on
  the same table with its default priors, once: its estimates and its time as a ratio of ours.
  The default path of the kit never imports it.

Reports times and ratios; nothing here asserts a time.

Run: ``.venv/bin/python tests/benchmarks/bench_clv.py``
"""

from __future__ import annotations

import statistics
import time
import warnings

from helpers import clv, rfm
from helpers.data import load_cdnow, load_company

PUBLISHED_BGNBD = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
PUBLISHED_GG = {"p": 6.25, "q": 3.74, "v": 15.44}


def timed(fn, repeat: int = 7) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def pymc_marketing_map(table) -> tuple[float, dict[str, float]] | None:
    """PyMC-Marketing's BetaGeoModel (default priors) fitted by MAP on the same table, or None."""
    try:
        from pymc_marketing.clv import BetaGeoModel
    except ImportError:
        return None
    data = table[["frequency", "recency", "T"]].reset_index(names="customer_id")
    data["customer_id"] = range(len(data))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        start = time.perf_counter()
        model = BetaGeoModel(data=data)
        model.fit(method="map", progressbar=False)
        seconds = time.perf_counter() - start
    post = model.fit_result
    return seconds, {name: float(post[name].values.squeeze()) for name in ("r", "alpha", "a", "b")}


def main() -> None:
    cd, _ = load_cdnow(sample=True)
    t_table, table = timed(lambda: clv.holdout_table(cd, "1997-10-01", end="1998-07-01"))
    args = (table["frequency"], table["recency"], table["T"])
    t_bg, params = timed(lambda: clv.bgnbd_fit(*args))
    t_gg, spend = timed(lambda: clv.gamma_gamma_fit(table["frequency"], table["monetary"]))
    print(f"CDNOW sample: {len(table):,} customers, 39-week calibration")
    print(f"  calibration table     {t_table * 1000:8.1f} ms")
    print(f"  BG/NBD fit            {t_bg * 1000:8.1f} ms   " + ", ".join(
        f"{k} {v:.3f} (published {PUBLISHED_BGNBD[k]})" for k, v in params._asdict().items()))
    print(f"  Gamma-Gamma fit       {t_gg * 1000:8.1f} ms   " + ", ".join(
        f"{k} {v:.2f} (published {PUBLISHED_GG[k]})" for k, v in spend._asdict().items()))
    grad = clv.bgnbd_gradient(params, *args)
    print(f"  largest |gradient| at the optimum: {abs(grad).max():.1e}")

    tx = load_company().transactions
    result = rfm.rfm(tx)
    features = clv.cluster_features(result)
    t_km, _ = timed(lambda: clv.kmeans_clusters(features, 4, result["monetary"]), repeat=5)
    t_k, _ = timed(lambda: clv.choose_k(features, result["monetary"], ks=range(2, 8), seeds=range(3)), repeat=1)
    print(f"Synthetic company: {len(features):,} customers")
    print(f"  k-means, k = 4, n_init 10      {t_km * 1000:8.1f} ms")
    print(f"  choose_k, k = 2-7, 3 seeds     {t_k * 1000:8.1f} ms   ({t_k / t_km:.0f}x one k-means fit)")

    peer = pymc_marketing_map(table)
    if peer is None:
        print("PyMC-Marketing is not installed (pip install -e '.[peers]'): no cross-check.")
        return
    seconds, estimates = peer
    print(f"PyMC-Marketing BetaGeoModel, MAP with its default priors: {seconds:.2f} s "
          f"({seconds / t_bg:.0f}x the kit's BG/NBD fit)")
    print("  " + ", ".join(f"{k} {v:.3f} (published {PUBLISHED_BGNBD[k]})" for k, v in estimates.items()))


if __name__ == "__main__":
    main()
