"""Labels of module 10 (Did the program work? Measuring lift, 效果评估)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    # groups and methods
    "lift_treatment": {"en": "Treatment (got the program)", "zh": "实验组（参加项目）"},
    "lift_control": {"en": "Control (did not)", "zh": "对照组（未参加）"},
    "lift_randomised": {"en": "Treatment vs control", "zh": "实验组 vs 对照组"},
    "lift_naive": {"en": "Before vs after (treatment only)", "zh": "项目前 vs 项目后（只看实验组）"},
    "lift_did": {"en": "Difference-in-differences", "zh": "双重差分"},
    "lift_normal": {"en": "Difference of means (normal)", "zh": "均值之差（正态近似）"},
    "lift_bootstrap": {"en": "Bootstrap", "zh": "自助法（Bootstrap）"},
    "lift_cuped": {"en": "CUPED (adjusted for the half-year before)", "zh": "CUPED（用项目前半年调整）"},
    # chart titles and axes
    "lift_interval_title": {"en": "The program's effect with its 95% interval", "zh": "项目效果及其 95% 置信区间"},
    "lift_difference_title": {"en": "Effect: difference of repurchase rates", "zh": "效果：复购率之差"},
    "lift_relative_title": {"en": "Effect: relative lift", "zh": "效果：相对提升"},
    "lift_program_customers": {"en": "Program customers", "zh": "参加项目的客户"},
    "lift_b_program": {"en": "B customers in the program", "zh": "参加项目的 B 类客户"},
    "lift_methods_title": {"en": "Three ways to measure the same program", "zh": "同一个项目的三种衡量方法"},
    "lift_revenue_title": {"en": "Revenue per customer: treatment minus control", "zh": "客均销售额：实验组减对照组"},
    "lift_points_axis": {"en": "Effect on the repurchase rate (percentage points)", "zh": "对复购率的影响（百分点）"},
    "lift_percent_axis": {"en": "Relative lift of the repurchase rate", "zh": "复购率的相对提升"},
    "lift_money_axis": {"en": "Difference in revenue per customer (¥, half-year)", "zh": "客均销售额之差（元，半年）"},
    "lift_truth": {"en": "True effect (data card)", "zh": "真实效果（数据说明）"},
    "lift_zero": {"en": "No effect", "zh": "没有效果"},
    "lift_drift_title": {"en": "Both groups drift: {measure}", "zh": "两组都在漂移：{measure}"},
    "lift_purchases_per_customer": {"en": "purchases per customer", "zh": "客均购买次数"},
    "lift_value_per_customer": {"en": "revenue per customer (¥)", "zh": "客均销售额（元）"},
    "lift_bought_share": {"en": "share who bought", "zh": "购买客户占比"},
    "lift_half_before": {"en": "Half-year before", "zh": "项目前半年"},
    "lift_half_after": {"en": "Half-year after", "zh": "项目后半年"},
    "lift_period_axis": {"en": "Period (six months each)", "zh": "时期（各半年）"},
    "lift_power_title": {"en": "How often a test detects {effect} on a {baseline} repurchase rate",
                         "zh": "在 {baseline} 的复购率上，检验能发现 {effect} 提升的概率"},
    "lift_power_axis": {"en": "Chance of detecting the effect (power)", "zh": "发现效果的概率（检验效能）"},
    "lift_size_axis": {"en": "Customers per group (log scale)", "zh": "每组客户数（对数刻度）"},
    "lift_power_target": {"en": "{power} power", "zh": "{power} 检验效能"},
    "lift_power_mark": {"en": "{n:,} per group: {power}", "zh": "每组 {n:,} 人：{power}"},
    "lift_studies_title": {"en": "{shown} of {total} simulated studies: each line is one study's interval",
                           "zh": "{total} 次模拟研究中的 {shown} 次：每条线是一次研究的置信区间"},
    "lift_study_axis": {"en": "Simulated study", "zh": "模拟研究"},
    "lift_detected": {"en": "Interval excludes 0 (detected)", "zh": "区间不含 0（发现效果）"},
    "lift_missed": {"en": "Interval includes 0 (missed)", "zh": "区间包含 0（未发现）"},
    # tables
    "lift_tier": {"en": "Tier at the start", "zh": "项目开始时的层级"},
    "treated": {"en": "Treatment customers", "zh": "实验组客户数"},
    "controls": {"en": "Control customers", "zh": "对照组客户数"},
    "rate_t": {"en": "Repurchase rate, treatment", "zh": "实验组复购率"},
    "rate_c": {"en": "Repurchase rate, control", "zh": "对照组复购率"},
    "difference": {"en": "Difference", "zh": "差值"},
    "difference_interval": {"en": "95% interval of the difference", "zh": "差值的 95% 区间"},
    "lift": {"en": "Relative lift", "zh": "相对提升"},
    "lift_interval": {"en": "95% interval of the lift", "zh": "相对提升的 95% 区间"},
    "purchases_before": {"en": "Purchases per customer, half-year before", "zh": "项目前半年客均购买次数"},
    "value_before": {"en": "Revenue per customer, half-year before (¥)", "zh": "项目前半年客均销售额（元）"},
    "bought_after": {"en": "Bought again in the half-year after", "zh": "项目后半年内再次购买"},
    "lift_all": {"en": "All program customers", "zh": "全部项目客户"},
    # the explorer
    "lift_slider_nt": {"en": "Treatment customers", "zh": "实验组人数"},
    "lift_slider_nc": {"en": "Control customers", "zh": "对照组人数"},
    "lift_slider_base": {"en": "Control repurchase rate", "zh": "对照组复购率"},
    "lift_slider_effect": {"en": "True relative lift", "zh": "真实相对提升"},
    "lift_widget_sentence": {
        "en": "A true lift of <b>{effect}</b> on a {baseline} repurchase rate ({rate_t} vs {rate_c}). With {nt:,} treatment "
              "and {nc:,} control customers a typical 95% interval of the difference runs from <b>{low}</b> to "
              "<b>{high}</b> percentage points. Of {studies:,} simulated studies of this size, <b>{detected}</b> detect the effect "
              "(the formula says {power}); {covered} of the intervals contain the true difference.",
        "zh": "在 {baseline} 的复购率上真实提升 <b>{effect}</b>（{rate_t} 对 {rate_c}）。实验组 {nt:,} 人、对照组 {nc:,} 人时，"
              "差值的典型 95% 区间从 <b>{low}</b> 到 <b>{high}</b> 个百分点。同样规模的 {studies:,} 次模拟研究中，"
              "<b>{detected}</b> 发现了效果（公式给出 {power}）；{covered} 的区间包含真实差值。",
    },
    "lift_widget_impossible": {
        "en": "A lift of {effect} on a {baseline} rate would need a rate above 100% (or below 0%): lower the lift or the rate.",
        "zh": "在 {baseline} 的复购率上提升 {effect}，复购率会超过 100%（或低于 0%）：请调低提升幅度或复购率。",
    },
}
