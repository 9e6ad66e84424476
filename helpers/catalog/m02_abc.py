"""Labels of module 02 (ABC classification, ABC分类法)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "abc_class": {"en": "Class", "zh": "类别"},
    "class_A": {"en": "A · key customers", "zh": "A · 关键客户"},
    "class_B": {"en": "B · main customers", "zh": "B · 主要客户"},
    "class_C": {"en": "C · ordinary customers", "zh": "C · 普通客户"},
    "customer_share": {"en": "Share of customers", "zh": "客户占比"},
    "value": {"en": "Value", "zh": "价值"},
    "value_share": {"en": "Share of value", "zh": "价值占比"},
    "average_value": {"en": "Average per customer", "zh": "客均价值"},
    "abc_curve_title": {"en": "{dataset}: ABC classes by {measure} ({a}/{b})",
                        "zh": "{dataset}：按{measure}的ABC分类（{a}/{b}）"},
    "abc_shares_title": {"en": "{dataset}: each class's share of customers and of {measure}",
                         "zh": "{dataset}：各类别的客户占比与{measure}占比"},
    "abc_matrix_title": {"en": "{dataset}: revenue class × margin class (customers)",
                         "zh": "{dataset}：销售额类别 × 毛利类别（客户数）"},
    "revenue_class": {"en": "Class by revenue", "zh": "按销售额的类别"},
    "margin_class": {"en": "Class by margin", "zh": "按毛利的类别"},
    "threshold_line": {"en": "{pct} threshold", "zh": "{pct} 阈值"},
    "slider_a": {"en": "A up to", "zh": "A 类上限"},
    "slider_b": {"en": "B up to", "zh": "B 类上限"},
    "abc_sentence": {
        "en": "A: <b>{na:,}</b> customers ({pa}) hold <b>{va}</b> of {measure}; B: {nb:,} ({pb}) hold {vb}; C: {nc:,} ({pc}) hold {vc}.",
        "zh": "A类：<b>{na:,}</b> 位客户（{pa}）贡献 <b>{va}</b> 的{measure}；B类：{nb:,} 位（{pb}）贡献 {vb}；C类：{nc:,} 位（{pc}）贡献 {vc}。",
    },
}
