"""Differential tests: the kit's RFM tables equal PyMC-Marketing's, cell for cell, on two datasets.

They need the ``peers`` extra (``pip install -e ".[peers]"``, which installs pymc-marketing);
without it they are skipped with that reason. ``make test`` installs the extra.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import rfm

clv_utils = pytest.importorskip(
    "pymc_marketing.clv.utils",
    reason="pymc-marketing is not installed: install the peers extra (pip install -e '.[peers]') to compare with it",
)


def _datasets():
    from helpers.data import load_cdnow, load_company

    return {"synthetic": load_company().transactions, "cdnow": load_cdnow()[0]}


@pytest.fixture(scope="module", params=["synthetic", "cdnow"])
def data(request):
    tx = _datasets()[request.param]
    return tx, tx["date"].max()


def test_rfm_summary_matches_lifetimes_convention(data):
    tx, end = data
    ref = clv_utils.rfm_summary(tx, "customer_id", "date", "revenue", observation_period_end=end).set_index("customer_id")
    kit = rfm.rfm_table(tx, end, convention="lifetimes")
    assert sorted(kit.index) == sorted(ref.index)
    kit = kit.loc[ref.index]
    for mine, theirs in (("frequency", "frequency"), ("recency", "recency"), ("tenure", "T"), ("monetary", "monetary_value")):
        np.testing.assert_allclose(kit[mine].to_numpy(), ref[theirs].to_numpy(), rtol=0, atol=1e-9, err_msg=mine)


def test_rfm_segments_match_cell_for_cell(data):
    tx, end = data
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = clv_utils.rfm_segments(tx, "customer_id", "date", "revenue", observation_period_end=end)
    ref = ref.set_index("customer_id")
    kit = rfm.rfm(tx, end, convention="pymc").loc[ref.index]
    for mine, theirs in (("frequency", "frequency"), ("recency", "recency"), ("monetary", "monetary_value")):
        np.testing.assert_allclose(kit[mine].to_numpy(), ref[theirs].to_numpy(), rtol=0, atol=1e-9, err_msg=mine)
    assert (kit["rfm_score"].to_numpy() == ref["rfm_score"].astype(str).to_numpy()).all()
    assert (kit["segment"].to_numpy() == ref["segment"].to_numpy()).all()


def test_default_segment_table_is_pymc_marketings():
    assert rfm.PYMC_SEGMENTS == clv_utils._default_rfm_segment_config


def test_quartile_labels_shrink_like_rfm_segments():
    # many ties: the frequency quartile edges collapse and labels drop to 1-2, as in rfm_segments' retries
    tx = pd.DataFrame({"customer_id": [f"c{i}" for i in range(8)] + ["c7", "c7", "c6"],
                       "date": pd.to_datetime(["2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04", "2025-01-05",
                                               "2025-01-06", "2025-01-07", "2025-01-08", "2025-01-09", "2025-01-10",
                                               "2025-01-10"]),
                       "revenue": [1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]})
    end = tx["date"].max()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = clv_utils.rfm_segments(tx, "customer_id", "date", "revenue", observation_period_end=end).set_index("customer_id")
    kit = rfm.rfm(tx, end, convention="pymc").loc[ref.index]
    assert (kit["rfm_score"].to_numpy() == ref["rfm_score"].astype(str).to_numpy()).all()
    assert (kit["segment"].to_numpy() == ref["segment"].to_numpy()).all()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 7), st.integers(0, 40), st.integers(1, 500)), min_size=6, max_size=40))
def test_rfm_segments_match_on_random_small_tables(rows):
    # small random tables hit the edge cases: ties everywhere, quartile edges that collapse, one-day customers
    tx = pd.DataFrame({"customer_id": [f"c{c}" for c, _, _ in rows],
                       "date": pd.Timestamp("2025-01-01") + pd.to_timedelta([d for _, d, _ in rows], unit="D"),
                       "revenue": [float(a) for _, _, a in rows]})
    end = tx["date"].max()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            ref = clv_utils.rfm_segments(tx, "customer_id", "date", "revenue", observation_period_end=end)
        except ValueError:
            with pytest.raises(ValueError):  # where rfm_segments cannot cut quartiles, neither can the kit
                rfm.rfm(tx, end, convention="pymc")
            return
    ref = ref.set_index("customer_id")
    kit = rfm.rfm(tx, end, convention="pymc").loc[ref.index]
    assert (kit["rfm_score"].to_numpy() == ref["rfm_score"].astype(str).to_numpy()).all()
    assert (kit["segment"].to_numpy() == ref["segment"].to_numpy()).all()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 7), st.integers(0, 40), st.integers(-50, 500)), min_size=1, max_size=40),
       st.integers(0, 30))
def test_rfm_summary_matches_on_random_small_tables(rows, days_after):
    # returns (negative amounts), same-day rows and an observation end after the last purchase
    tx = pd.DataFrame({"customer_id": [f"c{c}" for c, _, _ in rows],
                       "date": pd.Timestamp("2025-01-01") + pd.to_timedelta([d for _, d, _ in rows], unit="D"),
                       "revenue": [float(a) for _, _, a in rows]})
    end = tx["date"].max() + pd.Timedelta(days=days_after)
    ref = clv_utils.rfm_summary(tx, "customer_id", "date", "revenue", observation_period_end=end).set_index("customer_id")
    kit = rfm.rfm_table(tx, end, convention="lifetimes").loc[ref.index]
    for mine, theirs in (("frequency", "frequency"), ("recency", "recency"), ("tenure", "T"), ("monetary", "monetary_value")):
        np.testing.assert_allclose(kit[mine].to_numpy(), ref[theirs].to_numpy(), rtol=0, atol=1e-9, err_msg=mine)
