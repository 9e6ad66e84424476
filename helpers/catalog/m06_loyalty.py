"""Labels of module 06 (loyalty metrics, 忠诚度)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    # tiers of helpers.loyalty.service_tiers
    "loy_tier": {"en": "Tier", "zh": "客户层级"},
    "loy_VIP": {"en": "VIP", "zh": "VIP客户"},
    "loy_regular": {"en": "Regular", "zh": "常规客户"},
    "loy_potential": {"en": "Developing", "zh": "待发展客户"},
    "loy_all": {"en": "All respondents", "zh": "全部受访者"},
    # survey answers
    "loy_sat_5": {"en": "Very satisfied", "zh": "很满意"},
    "loy_sat_4": {"en": "Satisfied", "zh": "比较满意"},
    "loy_sat_3": {"en": "Neutral", "zh": "满意"},
    "loy_sat_2": {"en": "Dissatisfied", "zh": "不满意"},
    "loy_sat_1": {"en": "Very dissatisfied", "zh": "很不满意"},
    "loy_high": {"en": "High loyalty", "zh": "高忠诚度"},
    "loy_medium": {"en": "Medium loyalty", "zh": "中忠诚度"},
    "loy_low": {"en": "Low loyalty", "zh": "低忠诚度"},
    "loy_band_>70%": {"en": "Stated >70%", "zh": "自述 >70%"},
    "loy_band_30–70%": {"en": "Stated 30–70%", "zh": "自述 30–70%"},
    "loy_band_<30%": {"en": "Stated <30%", "zh": "自述 <30%"},
    # table columns
    "loy_respondents": {"en": "Respondents", "zh": "受访人数"},
    "loy_promoters": {"en": "Promoters", "zh": "推荐者"},
    "loy_passives": {"en": "Passives", "zh": "中立者"},
    "loy_detractors": {"en": "Detractors", "zh": "贬损者"},
    "loy_nps": {"en": "NPS", "zh": "净推荐值"},
    "loy_nps_margin": {"en": "± margin (95%)", "zh": "误差范围（95%）"},
    "loy_nps_low": {"en": "NPS low", "zh": "下限"},
    "loy_nps_high": {"en": "NPS high", "zh": "上限"},
    "loy_csat": {"en": "CSAT (top-2-box)", "zh": "满意率（前两档）"},
    # charts
    "loy_likert_title": {"en": "Overall satisfaction by {by}", "zh": "各{by}客户的整体满意度"},
    "loy_likert_x": {"en": "Share of respondents (dissatisfied ← → satisfied)",
                     "zh": "受访者占比（不满意 ← → 满意）"},
    "loy_nps_title": {"en": "NPS by {by}, with 95% margin of error", "zh": "各{by}净推荐值（含95%误差范围）"},
    "loy_nps_axis": {"en": "NPS (points, −100 to +100)", "zh": "净推荐值（分，−100 至 +100）"},
    "loy_stated_title": {"en": "Stated intention vs what customers did", "zh": "自述复购意向与实际行为"},
    "loy_stated": {"en": "Stated probability (mean)", "zh": "自述复购概率（平均）"},
    "loy_observed": {"en": "Bought within 6 months", "zh": "6个月内实际复购"},
    "loy_share_axis": {"en": "Share of respondents", "zh": "受访者占比"},
    "loy_mix_title": {"en": "Loyalty mix by {by}", "zh": "各{by}的忠诚度构成"},
    "loy_by_tier": {"en": "tier", "zh": "层级"},
    "loy_by_segment": {"en": "RFM segment", "zh": "RFM细分"},
    "loy_band_axis": {"en": "Stated repurchase probability", "zh": "自述复购概率"},
    # widget
    "loy_choose": {"en": "Group", "zh": "分组"},
    "loy_group_by": {"en": "Group by", "zh": "分组依据"},
    "loy_sentence": {
        "en": "<b>{segment}</b>: NPS <b>{nps}</b> ± {margin} points (95% interval {low} to {upper}, {n:,} answers); "
              "high loyalty {loyal}.",
        "zh": "<b>{segment}</b>：净推荐值 <b>{nps}</b> ± {margin} 分（95% 区间 {low} 至 {upper}，{n:,} 份回答）；"
              "高忠诚度占 {loyal}。",
    },
    # satisfied but not loyal (plots.loyalty.satisfied_not_loyal_table)
    "snl_satisfied": {"en": "Satisfied (4–5)", "zh": "满意（4–5 分）"},
    "snl_satisfied_not_loyal": {"en": "Satisfied, did not buy again", "zh": "满意但未复购"},
    "snl_share": {"en": "Share of the satisfied", "zh": "占满意客户比例"},
    # columns of the tables notebook 06 builds (shown with helpers.catalog.localize)
    "respondents": {"en": "Respondents", "zh": "受访人数"},
    "satisfied": {"en": "Satisfied", "zh": "满意人数"},
    "satisfied_not_loyal": {"en": "Satisfied, did not buy", "zh": "满意但未复购"},
    "share": {"en": "Share", "zh": "占比"},
}
