"""Labels of module 07 (relationship levels and service strategy per tier, 关系营销)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "rel_basic": {"en": "Basic", "zh": "基本型"},
    "rel_reactive": {"en": "Reactive", "zh": "被动型"},
    "rel_accountable": {"en": "Accountable", "zh": "负责型"},
    "rel_proactive": {"en": "Proactive", "zh": "能动型"},
    "rel_partnership": {"en": "Partnership", "zh": "伙伴型"},
    "rel_below": {"en": "Below recommended", "zh": "低于建议水平"},
    "rel_at": {"en": "At recommended", "zh": "符合建议水平"},
    "rel_above": {"en": "Above recommended", "zh": "高于建议水平"},
    "rel_all": {"en": "All customers", "zh": "全部客户"},
    "rel_customers": {"en": "Customers", "zh": "客户数"},
    "rel_customer_share": {"en": "Share of customers", "zh": "客户占比"},
    "rel_margin_per_customer": {"en": "Margin per customer (¥/year)", "zh": "每位客户年毛利（元）"},
    "rel_margin_ratio": {"en": "× average margin", "zh": "相对平均毛利倍数"},
    "rel_size": {"en": "Number of customers", "zh": "客户数量"},
    "rel_margin_level": {"en": "Margin level", "zh": "毛利水平"},
    "rel_recommended": {"en": "Recommended level", "zh": "建议关系水平"},
    "rel_current_cost": {"en": "Today's cost to serve (¥/customer/year)", "zh": "当前服务成本（元/客户/年）"},
    "rel_playbook_cost": {"en": "Playbook cost (¥/customer/year)", "zh": "服务方案成本（元/客户/年）"},
    "rel_cost_share": {"en": "Playbook cost / margin", "zh": "方案成本占毛利比例"},
    "rel_mix_title": {"en": "How each tier is served today (from the contact log)", "zh": "各层级当前的服务关系水平（来自服务记录）"},
    "rel_gap_title": {"en": "Served below, at or above the recommended level", "zh": "实际服务水平与建议水平的差距"},
    "rel_cost_title": {"en": "Cost to serve against margin, per customer per year", "zh": "每位客户每年的服务成本与毛利"},
    "rel_money_axis": {"en": "¥ per customer per year", "zh": "元/客户/年"},
    "rel_money_axis_log": {"en": "¥ per customer per year (log scale)", "zh": "元/客户/年（对数刻度）"},
    "rel_share_axis": {"en": "Share of the tier's customers", "zh": "该层级客户占比"},
    "rel_tier_axis": {"en": "Tier", "zh": "客户层级"},
    "rel_recommended_mark": {"en": "recommended", "zh": "建议"},
    "rel_choose": {"en": "Tier", "zh": "层级"},
    "rel_sentence": {
        "en": "<b>{tier}</b> ({n:,} customers): recommended level <b>{recommended}</b>; most are served at "
              "<b>{typical}</b> today. {below} below, {at} at, {above} above the recommendation. "
              "Playbook {cost} per customer per year against a margin of {margin} ({share} of it).",
        "zh": "<b>{tier}</b>（{n:,} 位客户）：建议关系水平为<b>{recommended}</b>；目前多数按<b>{typical}</b>服务。"
              "低于建议 {below}，符合 {at}，高于 {above}。服务方案每位客户每年 {cost}，年毛利 {margin}（占 {share}）。",
    },
    # the playbook table (plots.relationship.playbook_table)
    "pb_action": {"en": "Action", "zh": "服务行动"},
    "pb_channel": {"en": "Channel", "zh": "渠道"},
    "pb_per_year": {"en": "Times per year", "zh": "每年次数"},
    "pb_unit_cost": {"en": "Cost each (¥)", "zh": "单次成本（元）"},
}
