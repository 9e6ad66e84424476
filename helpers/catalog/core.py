"""Labels shared by every module and the ones of modules 00–01 (the 80/20 rule)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    # datasets
    "synthetic": {"en": "Synthetic company", "zh": "模拟公司"},
    "online_retail": {"en": "UCI Online Retail", "zh": "UCI 在线零售"},
    "cdnow": {"en": "CDNOW", "zh": "CDNOW"},
    # measures
    "revenue": {"en": "Revenue", "zh": "销售额"},
    "margin": {"en": "Margin", "zh": "毛利"},
    "customers": {"en": "Customers", "zh": "客户数"},
    "total": {"en": "Total", "zh": "合计"},
    "gini": {"en": "Gini", "zh": "基尼系数"},
    "top_share": {"en": "Top {pct} share", "zh": "前{pct}客户占比"},
    "customers_for_80%": {"en": "Customers for 80%", "zh": "贡献80%所需客户占比"},
    "dataset": {"en": "Dataset", "zh": "数据集"},
    "measure": {"en": "Measure", "zh": "指标"},
    # the 80/20 charts
    "pareto_title": {
        "en": "{dataset}: how concentrated is {measure}?",
        "zh": "{dataset}：{measure}集中度",
    },
    "lorenz_title": {"en": "{dataset}: Lorenz curve of {measure}", "zh": "{dataset}：{measure}洛伦兹曲线"},
    "customer_share_desc": {
        "en": "Share of customers, largest first",
        "zh": "客户占比（按贡献从大到小）",
    },
    "customer_share_asc": {
        "en": "Share of customers, smallest first",
        "zh": "客户占比（按贡献从小到大）",
    },
    "cum_value_share": {"en": "Cumulative share of {measure}", "zh": "{measure}累计占比"},
    "equality": {"en": "Perfect equality", "zh": "完全平均线"},
    "curve": {"en": "Customers", "zh": "客户"},
    "top_marker": {
        "en": "Top {pct} hold {share}",
        "zh": "前{pct}客户贡献{share}",
    },
    "gini_note": {"en": "Gini = {gini}", "zh": "基尼系数 = {gini}"},
    "rule_8020": {"en": "80/20 reference", "zh": "二八定律参照"},
    "top20_compare_title": {
        "en": "Share held by the top 20% of customers",
        "zh": "前20%客户的贡献占比",
    },
    "share_axis": {"en": "Share of the total", "zh": "占总额比例"},
    # the pre-flight table (helpers.course.preflight_table)
    "pf_check": {"en": "Check", "zh": "检查项"},
    "pf_ok": {"en": "Status", "zh": "状态"},
    "pf_detail": {"en": "Found", "zh": "检查结果"},
    "pf_fix": {"en": "How to fix", "zh": "修复方法"},
    "pf_required": {"en": "Required", "zh": "必需"},
    # show_table: yes/no columns as words
    "status_ok": {"en": "OK", "zh": "正常"},
    "status_fix": {"en": "FIX", "zh": "需修复"},
    # widgets
    "slider_top": {"en": "Top customers", "zh": "头部客户"},
    "widget_sentence": {
        "en": "The top <b>{pct}</b> of customers ({k:,} of {n:,}) hold <b>{share}</b> of {measure}.",
        "zh": "前 <b>{pct}</b> 的客户（{n:,} 位中的 {k:,} 位）贡献了 <b>{share}</b> 的{measure}。",
    },
    "widget_check": {"en": "Widgets work: you moved the slider to {value}.", "zh": "交互控件正常：滑块当前为 {value}。"},
    "widget_check_title": {"en": "Move me", "zh": "拖动我"},
}
