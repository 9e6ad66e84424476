"""Differential tests: the kit's "pymc" and "lifetimes" conventions against PyMC-Marketing, cell for cell.

Needs the ``peers`` extra (``pip install -e .[peers]``; ``make test`` installs it). Skipped with a
clear reason when pymc-marketing is not installed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

utils = pytest.importorskip(
    "pymc_marketing.clv.utils",
    reason="pymc-marketing is not installed: `pip install -e .[peers]` (make test installs it) to compare RFM tables",
)

from helpers import rfm  # noqa: E402
from helpers.data import load_cdnow, load_synthetic  # noqa: E402


def datasets():
    tx = load_synthetic("transactions")
    cd, _ = load_cdnow()
    return {
        "synthetic": (tx[["customer_id", "date", "revenue"]], "2025-12-31"),
        "cdnow": (cd[["customer_id", "date", "revenue"]], "1998-06-30"),
    }


@pytest.fixture(scope="module", params=["synthetic", "cdnow"])
def data(request):
    frame, as_of = datasets()[request.param]
    return request.param, frame, as_of


def peer_summary(frame, as_of, first):
    out = utils.rfm_summary(frame, "customer_id", "date", monetary_value_col="revenue",
                            observation_period_end=as_of, include_first_transaction=first)
    return out.set_index("customer_id").sort_index()


def test_lifetimes_convention_matches_rfm_summary(data):
    _, frame, as_of = data
    ours = rfm.rfm_table(frame, as_of=as_of, convention="lifetimes")
    theirs = peer_summary(frame, as_of, first=False)
    assert list(ours.index) == list(theirs.index.astype(str))
    np.testing.assert_allclose(ours["frequency"], theirs["frequency"], rtol=0, atol=0)
    np.testing.assert_allclose(ours["recency"], theirs["recency"], rtol=0, atol=0)
    np.testing.assert_allclose(ours["tenure"], theirs["T"], rtol=0, atol=0)
    np.testing.assert_allclose(ours["monetary"], theirs["monetary_value"], rtol=1e-12, atol=1e-9)


def test_pymc_convention_matches_rfm_summary_for_segmentation(data):
    _, frame, as_of = data
    ours = rfm.rfm_table(frame, as_of=as_of, convention="pymc")
    theirs = peer_summary(frame, as_of, first=True)
    np.testing.assert_allclose(ours["frequency"], theirs["frequency"], rtol=0, atol=0)
    np.testing.assert_allclose(ours["recency"], theirs["recency"], rtol=0, atol=0)
    np.testing.assert_allclose(ours["monetary"], theirs["monetary_value"], rtol=1e-12, atol=1e-9)


def test_pymc_scores_and_segments_match_rfm_segments(data):
    name, frame, as_of = data
    theirs = utils.rfm_segments(frame, "customer_id", "date", "revenue", observation_period_end=as_of)
    theirs = theirs.set_index("customer_id").sort_index()
    scored = rfm.rfm_scores(rfm.rfm_table(frame, as_of=as_of, convention="pymc"), convention="pymc")
    segments = rfm.rfm_segments(scored, convention="pymc")
    assert (scored["rfm_score"].to_numpy() == theirs["rfm_score"].astype(str).to_numpy()).all(), name
    assert (segments.to_numpy() == theirs["segment"].to_numpy()).all(), name
    counts = segments.value_counts()
    assert counts.sum() == len(theirs)
