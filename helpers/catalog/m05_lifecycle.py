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
    "plan_actions": {"en": "Actions", "zh": "建议行动"},
    "plan_owner": {"en": "Owner", "zh": "负责人"},
    # the attack/defence view (攻守模型, helpers.lifecycle.attack_defence_plan): goal, actions and owner per stage
    "actions": {"en": "Actions", "zh": "建议行动"},
    "owner": {"en": "Owner", "zh": "负责人"},
    "ad_goal_potential": {"en": "attack: acquire", "zh": "进攻：获取新客户"},
    "ad_goal_one_time": {"en": "attack: second purchase", "zh": "进攻：促成第二次购买"},
    "ad_goal_regular": {"en": "defend: grow", "zh": "防守：提升价值"},
    "ad_goal_loyal": {"en": "defend: keep", "zh": "防守：留住客户"},
    "ad_goal_churned": {"en": "win back", "zh": "挽回"},
    "ad_actions_potential": {
        "en": "first-purchase offer, trial, invitation to an event; follow up every lead within a week",
        "zh": "首次购买优惠、试用、活动邀请；每一条潜在客户线索都在一周内跟进"},
    "ad_actions_one_time": {
        "en": "thank-you message, a reason to come back in the category they bought, membership invitation",
        "zh": "感谢消息，在他们买过的品类里给一个再来的理由，邀请加入会员"},
    "ad_actions_regular": {
        "en": "care touches (birthday, holidays), feedback calls, cross-selling the next category",
        "zh": "关怀问候（生日、节日）、回访电话、交叉销售下一个品类"},
    "ad_actions_loyal": {
        "en": "priority service, member or VIP benefits, ask for referrals and feedback",
        "zh": "优先服务、会员或 VIP 权益，请他们推荐新客户、提意见"},
    "ad_actions_churned": {
        "en": "ask why they left, a personal win-back offer for the valuable ones, low-cost campaign for the rest",
        "zh": "问清他们离开的原因；有价值的客户给个人化的挽回优惠，其余客户用低成本活动"},
    "ad_owner_potential": {"en": "sales / marketing", "zh": "销售 / 市场部"},
    "ad_owner_one_time": {"en": "marketing", "zh": "市场部"},
    "ad_owner_regular": {"en": "store / account staff", "zh": "门店 / 客户专员"},
    "ad_owner_loyal": {"en": "account owner", "zh": "客户负责人"},
    "ad_owner_churned": {"en": "sales (valuable) / marketing (rest)", "zh": "销售（有价值的客户）/ 市场部（其余客户）"},
    # the customer table's membership column (datasets/README.md)
    "membership": {"en": "Membership", "zh": "会员类型"},
    "membership_lead": {"en": "Lead", "zh": "潜在客户"},
    "membership_walk-in": {"en": "Walk-in", "zh": "散客"},
    "membership_member": {"en": "Member", "zh": "会员"},
    "membership_VIP": {"en": "VIP", "zh": "VIP 会员"},
    # exercise 05's first cell: what was loaded
    "lc_data_sizes": {"en": "{rows:,} transaction rows, {customers:,} customers, {leads:,} leads",
                      "zh": "{rows:,} 行交易记录，{customers:,} 位客户，{leads:,} 位潜在客户"},
}
