"""Labels of module 08 (tier migration, 客户分级动态调整).

Every key starts with ``mig_`` so that it cannot clash with another module's part.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    # states of the matrix (RFM tiers and lifecycle stages use the labels of modules 04 and 05)
    "mig_A": {"en": "A", "zh": "A类"},
    "mig_B": {"en": "B", "zh": "B类"},
    "mig_C": {"en": "C", "zh": "C类"},
    "mig_new": {"en": "New", "zh": "新增客户"},
    "mig_lapsed": {"en": "Lapsed", "zh": "未复购"},
    # rules and controls
    "mig_rule": {"en": "Tiering rule", "zh": "分级规则"},
    "mig_rule_abc": {"en": "ABC classes (80/95)", "zh": "ABC分类（80/95）"},
    "mig_rule_rfm": {"en": "RFM tier", "zh": "RFM分级"},
    "mig_rule_lifecycle": {"en": "Lifecycle stage", "zh": "生命周期阶段"},
    "mig_period_length": {"en": "Period length", "zh": "周期长度"},
    "mig_months": {"en": "{n} months", "zh": "{n} 个月"},
    "mig_transition": {"en": "From period", "zh": "起始周期"},
    "mig_period": {"en": "Period", "zh": "周期"},
    "mig_not_tiered": {"en": "Not tiered (no purchase)", "zh": "未分级（本期无购买）"},
    # charts
    "mig_flows_title": {"en": "{dataset}: where each tier's customers went", "zh": "{dataset}：各级客户的去向"},
    "mig_flows_axis": {"en": "Customers (height of each band)", "zh": "客户数（色带高度）"},
    "mig_tier_in": {"en": "Tier in {period}", "zh": "{period} 的级别"},
    "mig_before": {"en": "Before", "zh": "期初"},
    "mig_after": {"en": "After", "zh": "期末"},
    "mig_matrix_title": {"en": "{dataset}: transition matrix (share of each row)",
                         "zh": "{dataset}：迁移矩阵（按行占比）"},
    "mig_projection_title": {"en": "{dataset}: projected customers per tier", "zh": "{dataset}：各级客户数预测"},
    "mig_periods_ahead": {"en": "Periods ahead", "zh": "向后预测的周期数"},
    "mig_with_inflow": {"en": "{tier}, with new customers", "zh": "{tier}（含新增客户）"},
    "mig_without_inflow": {"en": "{tier}, new customers left out", "zh": "{tier}（漏掉新增客户）"},
    # stability measures: the name and one sentence for sales staff
    "mig_customers_before": {"en": "Customers tiered before", "zh": "期初分级客户数"},
    "mig_customers_after": {"en": "Customers tiered after", "zh": "期末分级客户数"},
    "mig_new_customers": {"en": "New customers", "zh": "新增客户数"},
    "mig_stay_share": {"en": "Stay in tier", "zh": "保级率"},
    "mig_up_share": {"en": "Moved up", "zh": "升级比例"},
    "mig_down_share": {"en": "Moved down", "zh": "降级比例"},
    "mig_lapse_rate": {"en": "Lapse rate", "zh": "未复购率"},
    "mig_kappa_linear": {"en": "Weighted κ (linear)", "zh": "加权κ（线性）"},
    "mig_kappa_quadratic": {"en": "Weighted κ (quadratic)", "zh": "加权κ（二次）"},
    "mig_spearman": {"en": "Spearman ρ", "zh": "斯皮尔曼ρ"},
    "mig_shorrocks": {"en": "Shorrocks M", "zh": "肖罗克斯流动性指数M"},
    "mig_figure": {"en": "Figure", "zh": "数值"},
    "mig_meaning": {"en": "What it tells the sales team", "zh": "对销售团队意味着什么"},
    "mig_explain_stay_share": {
        "en": "Of the customers in a tier this period, the share still in the same tier next period.",
        "zh": "本期在某一级的客户，下一期仍在同一级的比例。"},
    "mig_explain_lapse_rate": {
        "en": "Of the customers in a tier this period, the share who bought nothing next period.",
        "zh": "本期在某一级的客户，下一期一次也没买的比例。"},
    "mig_explain_kappa_linear": {
        "en": "How much better than chance the two tierings agree: 1 = nobody moved, 0 = the new tier is as good as a random draw; a jump of two tiers counts double.",
        "zh": "两次分级的一致程度比随机高多少：1 表示没人变动，0 表示新级别和随机抽签差不多；跨两级的变动算两倍。"},
    "mig_explain_kappa_quadratic": {
        "en": "The same agreement, with big jumps (A to C) counting four times a one-tier move.",
        "zh": "同样是一致程度，但大幅跳级（A 到 C）按单级变动的四倍计算。"},
    "mig_explain_spearman": {
        "en": "Whether customers keep their order: 1 = the best stay at the top, 0 = this period's order says nothing about next period's.",
        "zh": "客户的排名是否保持：1 表示好客户始终在前，0 表示本期排名对下期毫无参考价值。"},
    "mig_explain_shorrocks": {
        "en": "How mobile the tiers are: 0 = everybody stays put, 1 = where a customer ends up does not depend on where they started.",
        "zh": "客户在各级之间流动得多厉害：0 表示谁都不动，1 表示期末落在哪一级和期初在哪一级无关。"},
    # value per tier
    "mig_value_per_period": {"en": "Margin per period", "zh": "每期毛利"},
    "mig_customer_value": {"en": "Customer value", "zh": "客户价值"},
    "mig_value_at_risk": {"en": "Value at risk from lapses", "zh": "未复购可能损失的价值"},
    # the explorer
    "mig_sentence": {
        "en": "{before} → {after}: <b>{stay}</b> stay in their tier, <b>{lapse}</b> lapse; lapse rate of the top tier {top_lapse}; κ = {kappa}, M = {m}.",
        "zh": "{before} → {after}：<b>{stay}</b> 的客户保持原级，<b>{lapse}</b> 未复购；最高一级的未复购率 {top_lapse}；κ = {kappa}，M = {m}。",
    },
}
