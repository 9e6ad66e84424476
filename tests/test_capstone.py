"""Module 12 (Capstone: tier your own customers): the compute function, its chart, its explorer and its self-checks."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers import capstone
from helpers.checks.capstone import make_checks
from helpers.plots.capstone import plot_top_customers
from helpers.widgets.capstone import CapstoneExplorer

TX = pd.DataFrame({
    "customer_id": ["a", "a", "b", "c", "d", "b"],
    "date": pd.to_datetime(["2024-12-31", "2025-05-01", "2025-06-15", "2025-06-20", "2025-07-01", "2025-06-30"]),
    "revenue": [40.0, 30.0, 30.0, 5.0, 100.0, -10.0],
})


def test_window_counts_purchases_and_nets_returns():
    # window [2024-07-01, 2025-07-01): d's purchase on the analysis date is outside it
    table = capstone.window_activity(TX, "2025-07-01")
    assert table.index.tolist() == ["a", "b", "c"]
    assert table["purchases"].tolist() == [2, 1, 1]
    assert table["value"].tolist() == [70.0, 20.0, 5.0]


def test_shorter_window_and_default_as_of():
    assert capstone.window_activity(TX, "2025-07-01", days=30).index.tolist() == ["b", "c"]
    # default as_of: midnight after the last date (2025-07-02), so d's purchase counts
    assert capstone.window_activity(TX).index[0] == "d"


def test_errors_name_the_column_and_the_fix():
    with pytest.raises(KeyError, match="amount_eur"):
        capstone.window_activity(TX, amount="amount_eur")
    with pytest.raises(ValueError, match="positive number of days"):
        capstone.window_activity(TX, days=0)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_chart_is_titled_and_labelled(lang):
    ax = plot_top_customers(capstone.window_activity(TX, "2025-07-01"), top=2, lang=lang)
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert len(ax.patches) == 2
    plt.close(ax.figure)


def test_explorer_follows_its_slider():
    ex = CapstoneExplorer(capstone.window_activity(TX, "2025-07-01"), top=1)
    assert "73.7%" in ex.sentence.value  # 70 of 95
    ex.slider.value = 3
    assert "100.0%" in ex.sentence.value and ex.image.value[:4] == b"\x89PNG"


def test_self_check_accepts_the_count_and_explains_a_count_of_rows():
    check = make_checks(TX)
    assert check.task1.evaluate(4).status == "correct"  # a, b, c, d (default as_of)
    wrong = check.task1.evaluate(5)  # purchases, not customers
    assert wrong.status == "incorrect" and "purchases" in wrong.message
    assert check.task1.evaluate(...).status == "unanswered"
