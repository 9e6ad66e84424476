"""Labels of module 05 (behaviour and lifecycle segments)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "stage": {"en": "Stage", "zh": "生命周期阶段"},
    "activity": {"en": "Activity", "zh": "活跃状态"},
    "stage_potential": {"en": "Lead", "zh": "潜在客户"},
    "stage_one_time": {"en": "One-time", "zh": "一次性客户"},
    "stage_regular": {"en": "Regular", "zh": "常规客户"},
    "stage_loyal": {"en": "Loyal", "zh": "忠诚客户"},
    "stage_churned": {"en": "Churned", "zh": "流失客户"},
    "activity_active": {"en": "Active", "zh": "活跃客户"},
    "activity_silent": {"en": "Silent", "zh": "沉默客户"},
    "activity_potential": {"en": "Lead", "zh": "潜在客户"},
    "gap_days": {"en": "Days between two purchases", "zh": "两次购买间隔（天）"},
    "repeat_purchases": {"en": "Repeat purchases", "zh": "复购次数"},
    "gaps_title": {"en": "{dataset}: how long customers wait between purchases",
                   "zh": "{dataset}：客户两次购买之间的间隔"},
    "gap_threshold": {"en": "{pct} of gaps ≤ {days} days", "zh": "{pct} 的间隔 ≤ {days} 天"},
    "stages_title": {"en": "{dataset}: lifecycle stages as of {date}", "zh": "{dataset}：截至 {date} 的生命周期阶段"},
    "people": {"en": "Customers and leads", "zh": "客户与潜在客户数"},
    "slider_silent": {"en": "Silent after (days)", "zh": "沉默阈值（天）"},
    "slider_churn": {"en": "Churned after (days)", "zh": "流失阈值（天）"},
    "slider_loyal": {"en": "Loyal from (purchase days)", "zh": "忠诚门槛（购买天数）"},
    "lifecycle_sentence": {
        "en": "Active <b>{active:,}</b> · silent <b>{silent:,}</b> · leads <b>{potential:,}</b>. Loyal {loyal:,}, churned {churned:,}.",
        "zh": "活跃 <b>{active:,}</b> · 沉默 <b>{silent:,}</b> · 潜在客户 <b>{potential:,}</b>。忠诚 {loyal:,}，流失 {churned:,}。",
    },
    # the attack/defence plan (plots.lifecycle.plan_table)
    "plan_goal": {"en": "Goal", "zh": "目标"},
    "plan_actions": {"en": "Actions", "zh": "行动"},
    "plan_owner": {"en": "Owner", "zh": "负责人"},
}
