"""Labels of module 03 (contribution scoring, 贡献度 / 加权评分法)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "cost": {"en": "Cost of goods", "zh": "商品成本"},
    "cost_to_serve": {"en": "Cost to serve", "zh": "服务成本"},
    "marginal_contribution": {"en": "Marginal contribution", "zh": "边际贡献"},
    "revenue_share": {"en": "Share of revenue", "zh": "销售额占比"},
    "margin_share": {"en": "Share of margin", "zh": "毛利占比"},
    "score": {"en": "Weighted score", "zh": "加权得分"},
    "rank": {"en": "Rank", "zh": "排名"},
    "tier": {"en": "Tier", "zh": "等级"},
    "overlap": {"en": "Same customers in the top", "zh": "头部重合客户数"},
    "overlap_share": {"en": "Top-list overlap", "zh": "头部名单重合率"},
    "spearman": {"en": "Rank correlation", "zh": "排名相关系数"},
    "whale_title": {"en": "{dataset}: cumulative {measure}, most profitable customers first",
                    "zh": "{dataset}：{measure}累计曲线（按贡献从高到低）"},
    "whale_peak": {"en": "Peak: top {pct} earn {share} of the total", "zh": "峰值：前{pct}客户贡献总额的{share}"},
    "score_hist_title": {"en": "{dataset}: distribution of the weighted score", "zh": "{dataset}：加权得分分布"},
    "score_axis": {"en": "Weighted score (0 = lowest, 1 = highest)", "zh": "加权得分（0 最低，1 最高）"},
    "weight_slider": {"en": "Weight of {metric}", "zh": "{metric}权重"},
    "weights_sentence": {"en": "Weights: {weights} (they always add up to 100%).",
                         "zh": "权重：{weights}（合计始终为100%）。"},
    # alternative weightings compared in notebook 03, section 4
    "weights_revenue_only": {"en": "revenue only", "zh": "只看销售额"},
    "weights_margin_only": {"en": "margin only", "zh": "只看毛利"},
    "weights_mc_only": {"en": "marginal contribution only", "zh": "只看边际贡献"},
    "weights_equal": {"en": "equal thirds", "zh": "三项各占三分之一"},
    "weights_profit_led": {"en": "profit-led 10/30/60", "zh": "利润优先 10/30/60"},
}
