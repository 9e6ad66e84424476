"""Labels of module 12 (Capstone: tier your own customers, 综合实战：为你自己的客户分级)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "capstone_chart_title": {
        "en": "The {n} customers with the most value in the window",
        "zh": "窗口期内价值最高的{n}位客户",
    },
    "capstone_value_axis": {
        "en": "Value in the window (¥)",
        "zh": "窗口期内价值（元）",
    },
    "capstone_customer_axis": {
        "en": "Customer",
        "zh": "客户",
    },
    "capstone_slider": {
        "en": "Customers shown",
        "zh": "显示客户数",
    },
    "capstone_sentence": {
        "en": "{n:,} customers bought in the window; the top {top} bring {share} of its value.",
        "zh": "{n:,}位客户在窗口期内购买；前{top}位贡献了{share}的价值。",
    },
    "purchases": {
        "en": "Purchases",
        "zh": "购买次数",
    },
}
