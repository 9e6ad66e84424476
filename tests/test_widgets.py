"""Widgets only wire compute to plots: what they show equals what the compute layer returns."""

from __future__ import annotations

import pytest

from helpers import pareto
from helpers.widgets import ParetoExplorer, widget_check


def test_slider_moves_recompute_the_share_and_redraw():
    values = [120, 80, 40, 30, 20, 10, 5, 5, 1, 1]
    ex = ParetoExplorer(values, dataset="toy")
    before = ex.image.value
    for pct in (1, 7, 35, 100):
        ex.slider.value = pct
        assert ex.share == pytest.approx(pareto.top_share(values, pct / 100))
        assert ex.k == pareto.top_count(len(values), pct / 100)
    assert ex.image.value != before and ex.image.value[:4] == b"\x89PNG"
    assert "100.0%" in ex.sentence.value


def test_dropdown_switches_dataset_and_measure():
    ex = ParetoExplorer({"a": [9, 1, 1, 1, 1], "b": [1, 1, 1, 1, 1]}, measure={"a": "revenue", "b": "margin"})
    ex.choice.value = "b"
    assert ex.share == pytest.approx(0.2)
    assert "margin" in ex.sentence.value
    assert ex._ax.get_title() == "b: how concentrated is Margin?"


def test_zh_labels():
    ex = ParetoExplorer([3, 1], dataset="synthetic", lang="zh")
    assert "前" in ex.sentence.value and ex._ax.get_title().startswith("模拟公司")


def test_widget_check_follows_the_slider():
    slider, text = widget_check("zh").children
    slider.value = 3
    assert "3" in text.value and "交互控件" in text.value
