"""Labels of module 12 (Capstone: tier your own customers, 综合实战：为你自己的客户分级).

Every key starts with ``cap_`` (and one ``seg_`` value) so that it cannot clash with another module's part.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    # the segment of a customer with rows but no purchase
    "seg_no_purchase": {"en": "No purchase (returns only)", "zh": "无购买（仅退货）"},
    # the service each tier gets (the playbook of module 07, in one line)
    "cap_service_VIP": {"en": "Key account: own account manager, planning review twice a year, priority service",
                        "zh": "重点客户：专属客户经理，每年两次共同规划回顾，优先服务"},
    "cap_service_regular": {"en": "Care programme: regular offers by SMS/app, yearly survey, service line",
                            "zh": "关怀计划：通过短信/App定期推送优惠，每年一次回访调查，服务热线"},
    "cap_service_potential": {"en": "Low-cost service: two offers a year by SMS/app, self-service help",
                              "zh": "低成本服务：每年两次短信/App优惠，自助服务"},
    "cap_action_no_purchase": {"en": "check the returns with the customer; no marketing until a purchase",
                               "zh": "与客户核实退货情况；在有购买前不做营销"},
    # the reason sentence of each customer
    "cap_reason": {
        "en": "Class {abc}: value {value:,.0f}; {days} purchase day(s), the last {recency} days ago; "
              "RFM segment {segment}, so tier {tier}; lifecycle stage {stage}.",
        "zh": "{abc}类客户：价值 {value:,.0f}；共 {days} 天有购买，最近一次在 {recency} 天前；"
              "RFM细分为“{segment}”，因此分入“{tier}”；生命周期阶段：{stage}。",
    },
    "cap_reason_no_purchase": {
        "en": "Class {abc}: value {value:,.0f}, only returns or zero amounts, no purchase; "
              "segment {segment}, so tier {tier}; lifecycle stage {stage}.",
        "zh": "{abc}类客户：价值 {value:,.0f}，只有退货或零金额记录，没有购买；"
              "细分为“{segment}”，因此分入“{tier}”；生命周期阶段：{stage}。",
    },
    # headers of the exported tier list
    "cap_col_customer": {"en": "Customer ID", "zh": "客户编号"},
    "cap_col_abc_class": {"en": "ABC class", "zh": "ABC类别"},
    "cap_col_segment": {"en": "RFM segment", "zh": "RFM细分"},
    "cap_col_tier": {"en": "Tier", "zh": "客户等级"},
    "cap_col_stage": {"en": "Lifecycle stage", "zh": "生命周期阶段"},
    "cap_col_service": {"en": "Recommended service", "zh": "建议服务"},
    "cap_col_service_cost": {"en": "Service cost per year (¥)", "zh": "每年服务成本（元）"},
    "cap_col_action": {"en": "First action", "zh": "首要行动"},
    "cap_col_reasons": {"en": "Reasons", "zh": "分级理由"},
    "cap_col_value": {"en": "Value (net)", "zh": "价值（净额）"},
    "cap_col_margin": {"en": "Margin", "zh": "毛利额"},
    "cap_col_orders": {"en": "Orders", "zh": "订单数"},
    "cap_col_purchase_days": {"en": "Purchase days", "zh": "购买天数"},
    "cap_col_last_purchase": {"en": "Last purchase", "zh": "最近购买日期"},
    "cap_col_recency_days": {"en": "Days since last purchase", "zh": "距最近购买天数"},
    "cap_col_rfm_score": {"en": "RFM score", "zh": "RFM得分"},
    "cap_sheet": {"en": "Tier list", "zh": "客户分级名单"},
    # sections that were skipped, and why
    "cap_skip_margin": {"en": "The file has no cost column, so margin and the service level it supports "
                              "(Kotler's matrix) are left out.",
                        "zh": "文件中没有成本列，因此无法计算毛利，也无法据此确定建议的关系营销层级（科特勒矩阵）。"},
    "cap_skip_margin_negative": {"en": "The margin per customer over the last year is not positive on average, "
                                       "so Kotler's matrix cannot rank the tiers; check the cost column.",
                                 "zh": "最近一年每位客户的平均毛利不为正，科特勒矩阵无法比较各等级；请检查成本列。"},
    "cap_skip_orders": {"en": "The file has no order id column, so orders are not counted; purchase days are.",
                        "zh": "文件中没有订单号列，因此不统计订单数，只统计购买天数。"},
    "cap_skip_migration": {"en": "The file runs from {first} to {as_of}: less than the {months} months "
                                 "(two periods) a migration compares, so tier migration is left out.",
                           "zh": "文件的时间范围是 {first} 至 {as_of}，不足迁移分析所需的 {months} 个月（两个周期），"
                                 "因此不做客户迁移分析。"},
    "cap_skip_gini_negative": {"en": "{n:,} customer(s) have a negative net value (returns above purchases); "
                                     "the Gini coefficient leaves them out.",
                               "zh": "有 {n:,} 位客户的净价值为负（退货多于购买）；基尼系数的计算不包括他们。"},
    # charts and the explorer
    "cap_shares_title": {"en": "{dataset}: share of customers and of value per tier",
                         "zh": "{dataset}：各等级的客户占比与价值占比"},
    "cap_shares_title_plain": {"en": "Share of customers and of value per tier", "zh": "各等级的客户占比与价值占比"},
    "cap_cost_title": {"en": "Service plan: cost per year by tier (total ¥{total:,.0f})",
                       "zh": "服务方案：各等级每年成本（合计 {total:,.0f} 元）"},
    "cap_cost_axis": {"en": "Cost per year (¥)", "zh": "每年成本（元）"},
    "cap_cost_bar": {"en": "¥{cost:,.0f} = {n:,} × ¥{per:,.2f}", "zh": "{cost:,.0f} 元 = {n:,} 位 × {per:,.2f} 元"},
    "cap_top_title": {"en": "The {n} customers with the most value", "zh": "价值最高的 {n} 位客户"},
    "cap_top_title_tier": {"en": "The {n} customers of tier {tier} with the most value",
                           "zh": "“{tier}”中价值最高的 {n} 位客户"},
    "cap_pick_tier": {"en": "Tier", "zh": "客户等级"},
    "cap_tier_sentence": {"en": "Tier <b>{tier}</b>: {n:,} customer(s) ({share} of customers) with {value} of the value.",
                          "zh": "<b>{tier}</b>：{n:,} 位客户（占客户的 {share}），贡献 {value} 的价值。"},
    # columns of the per-tier summary (helpers.capstone.CapstoneSummary.tiers)
    "service": {"en": "Recommended service", "zh": "建议服务"},
    "service_cost": {"en": "Service cost per customer per year (¥)", "zh": "每位客户每年服务成本（元）"},
    "plan_cost": {"en": "Service plan per year (¥)", "zh": "每年服务方案总成本（元）"},
}
