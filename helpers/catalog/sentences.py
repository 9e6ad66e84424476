"""Sentence templates of the teaching notebooks, in English and Chinese (中文).

A notebook computes its numbers and says them with
``display(Markdown(sentence("m01_gini", lang, g=g)))``; the rounding (``{g:.2f}``)
sits in the template, so both languages show the same figures. Keys start with the
module number. Chinese is written as a trainer would say it, not word for word.
"""

from __future__ import annotations

SENTENCES: dict[str, dict[str, str]] = {
    # shared pieces
    "none": {"en": "none", "zh": "无"},
    "name_value": {"en": "{name} {value:.1%}", "zh": "{name} {value:.1%}"},
    "name_share": {"en": "{name} ({share:.0%})", "zh": "{name}（{share:.0%}）"},
    "in_parentheses": {"en": " ({text})", "zh": "（{text}）"},
    # module 01: the 80/20 rule
    "m01_rows_to_customers": {
        "en": "{rows:,} transaction rows become **{customers:,} customers**. "
              "The largest customer brought {largest:,.0f}; the median customer {median:,.0f}.",
        "zh": "{rows:,} 行交易汇总为 **{customers:,} 位客户**。贡献最大的客户带来 {largest:,.0f}，中位数客户带来 {median:,.0f}。",
    },
    "m01_top20": {
        "en": "The top 20% of customers bring **{top20:.1%}** of revenue. Read the other way round, "
              "**{for_80:.1%}** of customers are needed to reach 80% of revenue.",
        "zh": "前 20% 的客户带来了 **{top20:.1%}** 的销售额。反过来看，要达到 80% 的销售额，需要 **{for_80:.1%}** 的客户。",
    },
    "m01_gini": {
        "en": "The Gini coefficient of revenue per customer is **{g:.2f}**.",
        "zh": "每位客户销售额的基尼系数为 **{g:.2f}**。",
    },
    "m01_margin": {
        "en": "By margin, the top 20% hold **{top20_margin:.1%}** (by revenue: {top20:.1%}). "
              "Of the top-20% customers by revenue, **{dropped:,}** ({dropped_share:.0%}) are *not* in the top 20% by margin.",
        "zh": "按毛利计算，前 20% 的客户占 **{top20_margin:.1%}**（按销售额计算：{top20:.1%}）。"
              "销售额排名前 20% 的客户中，有 **{dropped:,}** 位（{dropped_share:.0%}）*不在*毛利排名的前 20% 之内。",
    },
    "m01_three_businesses": {
        "en": "The top 20% reach 80% or more in **{holds} of {total}** measurements{which}. "
              "They fall short in: {misses}. The Gini coefficient ranges from {gini_min:.2f} to {gini_max:.2f}.",
        "zh": "在 {total} 项测量中，有 **{holds} 项**前 20% 客户的占比达到或超过 80%{which}。"
              "未达到的有：{misses}。基尼系数介于 {gini_min:.2f} 和 {gini_max:.2f} 之间。",
    },
    "m01_leads": {
        "en": "Buyers only ({buyers:,} customers): top 20% hold **{share_buyers:.1%}**. "
              "Buyers plus {leads:,} leads at zero: top 20% hold **{share_leads:.1%}**. "
              "Always say who is in the denominator.",
        "zh": "只算购买过的客户（{buyers:,} 位）：前 20% 占 **{share_buyers:.1%}**。"
              "再加上销售额为零的 {leads:,} 位潜在客户：前 20% 占 **{share_leads:.1%}**。"
              "报告占比时，一定要说明分母里算了哪些人。",
    },
    # module 02: ABC classification
    "m02_classes": {
        "en": "**{a_customers:,.0f} A customers ({a_customer_share:.1%} of all)** bring {a_value_share:.1%} of revenue. "
              "An average A customer brings {ratio:.0f} times as much as an average C customer, "
              "and the {c_customers:,.0f} C customers ({c_customer_share:.0%}) bring only {c_value_share:.1%}.",
        "zh": "**{a_customers:,.0f} 位 A 类客户（占全部客户的 {a_customer_share:.1%}）**贡献了 {a_value_share:.1%} 的销售额。"
              "一位 A 类客户平均带来的销售额是一位 C 类客户的 {ratio:.0f} 倍，"
              "而 {c_customers:,.0f} 位 C 类客户（{c_customer_share:.0%}）只贡献了 {c_value_share:.1%}。",
    },
    "m02_conventions": {
        "en": "On the synthetic company, moving from 80/95 to 70/90 takes **{moved:,} customers** out of class A: "
              "A shrinks from {a_8095:,} to {a_7090:,}. "
              "A smaller A class means fewer accounts per key-account manager, at the price of leaving more value in B.",
        "zh": "在模拟公司，从 80/95 改为 70/90 会让 **{moved:,} 位客户**离开 A 类：A 类从 {a_8095:,} 位减少到 {a_7090:,} 位。"
              "A 类越小，每位关键客户经理要管的客户就越少，代价是更多的价值留在了 B 类。",
    },
    "m02_changes": {
        "en": "**{changed:,} customers ({changed_share:.0%})** change class between revenue and margin: "
              "{up:,} move up by margin and {down:,} move down. "
              "{a_but_c} customer(s) are A by revenue but C by margin: big buyers of low-margin goods.",
        "zh": "**{changed:,} 位客户（{changed_share:.0%}）**按销售额和按毛利分出的类别不同："
              "按毛利计算，{up:,} 位类别上升，{down:,} 位类别下降。"
              "有 {a_but_c} 位客户按销售额是 A 类、按毛利却是 C 类：大量购买低毛利商品的客户。",
    },
    # module 03: contribution scoring
    "m03_negative": {
        "en": "Total margin is {margin:,.0f}; serving customers cost {cost:,.0f}, "
              "leaving a marginal contribution of {mc:,.0f}. "
              "**{negative:,} customers ({negative_share:.0%})** have a negative marginal contribution: "
              "together they take {lost:,.0f} away.",
        "zh": "毛利合计 {margin:,.0f}；服务客户花费 {cost:,.0f}，剩下的边际贡献为 {mc:,.0f}。"
              "**{negative:,} 位客户（{negative_share:.0%}）**的边际贡献为负：他们合计吃掉了 {lost:,.0f}。",
    },
    "m03_whale": {
        "en": "The most profitable **{customer_share:.0%}** of customers earn "
              "**{value_share:.0%}** of the final marginal contribution; the rest bring it back down to 100%. "
              "Before cutting anyone, ask whether serving them differently (cheaper channels, fewer contacts) "
              "would turn them positive.",
        "zh": "最赚钱的 **{customer_share:.0%}** 的客户赚到了最终边际贡献的 **{value_share:.0%}**；其余客户又把它拉回到 100%。"
              "在放弃任何客户之前，先想一想：换一种服务方式（更便宜的渠道、更少的联系）能不能让他们转为正贡献？",
    },
    "m03_sensitivity": {
        "en": "The top-50 list keeps between **{low_share:.0%}** ({low}) and "
              "**{high_share:.0%}** of its customers when the weights change. "
              "The very top is stable; the boundary between tiers is where the weights decide, "
              "so agree on them and write them down.",
        "zh": "权重改变时，前 50 名名单保留了 **{low_share:.0%}**（{low}）到 **{high_share:.0%}** 的客户。"
              "最顶端的客户很稳定；真正由权重决定的是等级之间的分界线，所以要商定权重，并把它写下来。",
    },
    # module 04: RFM
    "m04_example": {
        "en": "As of {as_of}, customer {customer} has **R = {r:.0f} days, F = {f:.0f} purchase days, "
              "M = ¥{m:,.2f}**. The table has {rows} rows, but one of them is a return that cancels the first order: "
              "it lowers M and does not count as a purchase. Across all {n:,} customers the median recency is "
              "{median_r:.0f} days and {one_day:.0%} of customers bought on one day only.",
        "zh": "以 {as_of} 为分析日期，客户 {customer} 的 **R = {r:.0f} 天，F = {f:.0f} 个购买日，M = ¥{m:,.2f}**。"
              "表中有 {rows} 行，但其中一行是取消第一笔订单的退货：它降低了 M，但不算一次购买。"
              "在全部 {n:,} 位客户中，最近一次消费的中位数是 {median_r:.0f} 天，{one_day:.0%} 的客户只在一天里买过东西。",
    },
    "m04_f_skips": {
        "en": "{f1:.0%} of customers have F = 1 (they tie on the lowest frequencies), so F skips {skipped}. "
              "R and M have few ties, so each of their scores holds close to 20% of customers.",
        "zh": "{f1:.0%} 的客户 F = 1（他们在最低的频率上并列），所以 F 跳过了 {skipped} 分。"
              "R 和 M 很少并列，所以它们每个分数都有接近 20% 的客户。",
    },
    "m04_f_skips_none": {
        "en": "{f1:.0%} of customers have F = 1 (they tie on the lowest frequencies), so F skips no score. "
              "R and M have few ties, so each of their scores holds close to 20% of customers.",
        "zh": "{f1:.0%} 的客户 F = 1（他们在最低的频率上并列），但 F 没有跳过任何分数。"
              "R 和 M 很少并列，所以它们每个分数都有接近 20% 的客户。",
    },
    "m04_heatmap": {
        "en": "The richest cell is R = {best_r}, F = {best_f} with ¥{best:,.0f} per customer on average; the poorest is "
              "R = {worst_r}, F = {worst_f} with ¥{worst:,.0f}: a factor of {factor:.0f}.",
        "zh": "最“值钱”的格子是 R = {best_r}、F = {best_f}，平均每位客户 ¥{best:,.0f}；最低的是 "
              "R = {worst_r}、F = {worst_f}，只有 ¥{worst:,.0f}：相差 {factor:.0f} 倍。",
    },
    "m04_tiers": {
        "en": "**Champions** are {champions_customers:.0%} of customers and bring {champions_value:.0%} of revenue. "
              "Together with 'can't lose', the VIP tier is {vip_customers:.0%} of customers and {vip_value:.0%} of revenue; "
              "the potential tier is {potential_customers:.0%} of customers and {potential_value:.0%} of revenue.",
        "zh": "**核心客户**占客户的 {champions_customers:.0%}，贡献了 {champions_value:.0%} 的销售额。"
              "加上“不能失去”的客户，VIP 层级占客户的 {vip_customers:.0%}、销售额的 {vip_value:.0%}；"
              "潜力层级占客户的 {potential_customers:.0%}、销售额的 {potential_value:.0%}。",
    },
    "m04_conventions": {
        "en": "(Online Retail: {free} order lines with a price of 0 were left out first.) "
              "On the synthetic company, only {same_f:.0%} of customers get the same F score from the kit and from "
              "the R package, and the R segment table leaves {others} customers in 'Others'. "
              "When you compare RFM results between teams or tools, first compare the conventions.",
        "zh": "（在线零售数据：先排除了 {free} 条价格为 0 的订单明细。）"
              "在模拟公司，只有 {same_f:.0%} 的客户从工具包和 R 语言 `rfm` 包得到相同的 F 评分，"
              "而 R 的细分表把 {others} 位客户留在了“Others”（其他）中。"
              "在不同团队或工具之间比较 RFM 结果之前，先比较它们的计算惯例。",
    },
    # module 05: lifecycle
    "m05_thresholds": {
        "en": "Across {n:,} repeat purchases the median gap is **{median:.0f} days**, and 90% of gaps are at most "
              "**{silent_days} days**: that is the silence threshold. Only 2% of gaps exceed {churn_days} days, so we call "
              "a customer **churned** after {churn_days} days without a purchase. Both numbers come from this company's "
              "data; yours will differ.",
        "zh": "在 {n:,} 次重复购买中，购买间隔的中位数是 **{median:.0f} 天**，90% 的间隔不超过 **{silent_days} 天**："
              "这就是沉默阈值。只有 2% 的间隔超过 {churn_days} 天，所以客户超过 {churn_days} 天没有购买，我们就称之为**流失**。"
              "这两个数字都来自这家公司的数据；你们公司的会不一样。",
    },
    "m05_stages": {
        "en": "**{loyal:,} loyal customers** ({loyal_share:.0%} of everybody) bring {loyal_revenue:.0%} of revenue. "
              "In the simpler view, {active:,} are active, {silent:,} silent and {potential:,} leads (never bought).",
        "zh": "**{loyal:,} 位忠诚客户**（占全部人数的 {loyal_share:.0%}）贡献了 {loyal_revenue:.0%} 的销售额。"
              "换成更简单的视角：{active:,} 位活跃，{silent:,} 位沉默，{potential:,} 位潜在客户（从未购买的线索）。",
    },
    "m05_membership": {
        "en": "{members_loyal:.0%} of members and VIPs are loyal, against {walk_in_loyal:.0%} of walk-in customers; "
              "{walk_in_churned:.0%} of walk-in customers have churned. Membership goes with loyalty here, "
              "but the data cannot say which causes which: frequent buyers are more likely to join.",
        "zh": "会员和 VIP 中有 {members_loyal:.0%} 是忠诚客户，散客中只有 {walk_in_loyal:.0%}；"
              "{walk_in_churned:.0%} 的散客已经流失。在这里，会员身份和忠诚度是相伴的，"
              "但数据无法说明谁是因、谁是果：经常购买的人本来就更可能加入会员。",
    },
    "m05_attack_defence": {
        "en": "The attack side holds {attack:,} people (leads and one-time buyers), the defence side "
              "{defence:,}, and {churned:,} churned customers wait for a win-back decision.",
        "zh": "进攻一侧有 {attack:,} 人（潜在客户和一次性客户），防守一侧有 {defence:,} 人，"
              "还有 {churned:,} 位流失客户等待决定是否挽回。",
    },
    # module 06: loyalty
    "m06_tiers": {
        "en": "On {date:%d %B %Y} the company's **{records:,} customer records** split into {vip:,} VIP, "
              "{regular:,} regular and {potential:,} developing. "
              "Only **{vip_respondents}** VIP customers answered the survey: keep that small number in mind.",
        "zh": "在 {date:%Y年%m月%d日}，公司的 **{records:,} 条客户记录**分为 {vip:,} 位 VIP 客户、"
              "{regular:,} 位常规客户和 {potential:,} 位待发展客户。"
              "回答问卷的 VIP 客户只有 **{vip_respondents}** 位：请记住这个小数字。",
    },
    "m06_csat": {
        "en": "Top-2-box CSAT: **{overall:.1%}** overall; {by_tier}.",
        "zh": "前两项满意率：总体 **{overall:.1%}**；{by_tier}。",
    },
    "m06_stated": {
        "en": "Respondents who said *above 70%* stated **{high_stated:.0%}** on average, but "
              "**{high_observed:.0%}** of them bought within six months; in the *below 30%* band "
              "{low_observed:.0%} bought anyway. The intention ranks customers in the right order, "
              "but it overstates the level. Over the whole two years, the repurchase rate is "
              "**{repurchase:.1%}** of buying customers.",
        "zh": "回答*70% 以上*的受访者，自述的再次购买概率平均为 **{high_stated:.0%}**，但其中只有 "
              "**{high_observed:.0%}** 在六个月内真的购买了；而在*30% 以下*这一档，也有 {low_observed:.0%} 的人照样买了。"
              "购买意向能把客户按正确的顺序排好，但高估了水平。在整整两年里，购买客户的复购率为 **{repurchase:.1%}**。",
    },
    "m06_nps_example": {
        "en": "p = 0.5, d = 0.2: NPS = 100 × (0.5 − 0.2) = **{nps:.0f}**; variance = 0.5 + 0.2 − 0.3² = 0.61; "
              "margin = 1.96 × 100 × √(0.61 / 10) = **±{margin:.1f} points**. Ten answers say almost nothing.",
        "zh": "p = 0.5，d = 0.2：NPS = 100 × (0.5 − 0.2) = **{nps:.0f}**；方差 = 0.5 + 0.2 − 0.3² = 0.61；"
              "误差范围 = 1.96 × 100 × √(0.61 / 10) = **±{margin:.1f} 分**。十个回答几乎说明不了什么。",
    },
    "m06_nps_tiers_apart": {
        "en": "VIP customers score **{vip:+.1f} ± {vip_margin:.1f}**, developing customers "
              "**{potential:+.1f} ± {potential_margin:.1f}**. The VIP interval is the widest "
              "({vip_width:.0f} points from end to end) because only {vip_respondents} VIPs answered; "
              "no two tiers' intervals overlap, so the ranking VIP > regular > developing is not survey noise. "
              "Share of 'very likely' answers: {very_likely:.1%}; share of promoters: {promoters:.1%}.",
        "zh": "VIP 客户的得分为 **{vip:+.1f} ± {vip_margin:.1f}**，待发展客户为 **{potential:+.1f} ± {potential_margin:.1f}**。"
              "VIP 的区间最宽（从头到尾 {vip_width:.0f} 分），因为只有 {vip_respondents} 位 VIP 回答了问卷；"
              "各层级的区间互不重叠，所以 VIP > 常规 > 待发展的排序不是调查误差造成的。"
              "回答“很大可能”的比例：{very_likely:.1%}；推荐者的比例：{promoters:.1%}。",
    },
    "m06_nps_tiers_overlap": {
        "en": "VIP customers score **{vip:+.1f} ± {vip_margin:.1f}**, developing customers "
              "**{potential:+.1f} ± {potential_margin:.1f}**. The VIP interval is the widest "
              "({vip_width:.0f} points from end to end) because only {vip_respondents} VIPs answered; "
              "some tiers' intervals overlap, so not every difference between tiers is certain. "
              "Share of 'very likely' answers: {very_likely:.1%}; share of promoters: {promoters:.1%}.",
        "zh": "VIP 客户的得分为 **{vip:+.1f} ± {vip_margin:.1f}**，待发展客户为 **{potential:+.1f} ± {potential_margin:.1f}**。"
              "VIP 的区间最宽（从头到尾 {vip_width:.0f} 分），因为只有 {vip_respondents} 位 VIP 回答了问卷；"
              "有些层级的区间相互重叠，所以并不是层级之间的每一个差别都确定无疑。"
              "回答“很大可能”的比例：{very_likely:.1%}；推荐者的比例：{promoters:.1%}。",
    },
    "m06_loyalty_tier": {
        "en": "**{vip_high:.0%}** of VIP respondents are highly loyal, against "
              "{potential_high:.0%} of developing customers. The tier predicts behaviour: "
              "{high_buy:.0%} of the highly loyal bought again within six months, {low_buy:.0%} of the low-loyalty ones.",
        "zh": "VIP 受访者中有 **{vip_high:.0%}** 属于高忠诚度，待发展客户中只有 {potential_high:.0%}。"
              "忠诚度等级能预测行为：高忠诚度的客户中有 {high_buy:.0%} 在六个月内再次购买，低忠诚度的只有 {low_buy:.0%}。",
    },
    "m06_segments_note": {
        "en": "{with_segment:,} of {respondents:,} respondents have an RFM segment "
              "(computed from {transactions:,} transactions before {date:%d %B %Y}).",
        "zh": "{respondents:,} 位受访者中有 {with_segment:,} 位有 RFM 细分"
              "（根据 {date:%Y年%m月%d日} 之前的 {transactions:,} 笔交易计算）。",
    },
    "m06_segments": {
        "en": "Behaviour and attitude agree at the ends: **{best_high:.0%}** of the *{best}* respondents "
              "are highly loyal, against **{worst_high:.0%}** of the *{worst}* ones. "
              "The segment to watch is *{cant_lose}*: "
              "customers who used to buy often and a lot, but not recently. Their NPS is **{nps:+.1f} ± {margin:.1f}** "
              "({answers} answers), and {cant_lose_high:.0%} of them still call themselves highly loyal: "
              "a phone call now may still find a willing customer.",
        "zh": "在两端，行为和态度是一致的：*{best}* 受访者中有 **{best_high:.0%}** 属于高忠诚度，"
              "*{worst}* 受访者中只有 **{worst_high:.0%}**。"
              "最值得关注的细分是*{cant_lose}*：以前买得又多又勤、最近却没有再来的客户。"
              "他们的 NPS 为 **{nps:+.1f} ± {margin:.1f}**（{answers} 个回答），其中仍有 {cant_lose_high:.0%} 自认为高度忠诚："
              "现在打一个电话，也许还能留住一位愿意回来的客户。",
    },
    "m06_satisfied_not_loyal": {
        "en": "**{snl}** of the {satisfied} satisfied respondents ({share:.0%}) did not buy in the six months "
              "after saying so. Among satisfied VIPs the share is {vip:.0%}; among satisfied developing customers "
              "{potential:.0%}.",
        "zh": "{satisfied} 位满意的受访者中，有 **{snl}** 位（{share:.0%}）在表示满意后的六个月里没有购买。"
              "满意的 VIP 客户中这一比例为 {vip:.0%}；满意的待发展客户中为 {potential:.0%}。",
    },
    # module 07: relationship levels
    "m07_recommended": {
        "en": "Measured over the year to {as_of:%d %B %Y}: VIPs are **{vip_share:.1%}** of customers "
              "and bring **{vip_ratio:.1f}×** the average margin, so Kotler recommends **{vip}**. "
              "Regular customers are {regular_share:.0%} of customers at {regular_ratio:.2f}× the average: "
              "**{regular}**. Developing customers: **{potential}**.",
        "zh": "按截至 {as_of:%Y年%m月%d日} 的一年计算：VIP 客户占客户的 **{vip_share:.1%}**，"
              "每位带来的毛利是平均值的 **{vip_ratio:.1f} 倍**，所以科特勒矩阵建议**{vip}**关系。"
              "常规客户占客户的 {regular_share:.0%}，毛利是平均值的 {regular_ratio:.2f} 倍：建议**{regular}**。"
              "待发展客户：建议**{potential}**。",
    },
    "m07_served": {
        "en": "Today **{vip_partnership:.0%}** of VIPs have a partnership-level relationship and "
              "{vip_proactive:.0%} are served proactively. Among regular customers, "
              "**{regular_more:.0%}** get follow-ups, offers or joint planning, "
              "and {potential_basic:.0%} of developing customers had no contact at all.",
        "zh": "目前，**{vip_partnership:.0%}** 的 VIP 客户享有伙伴型关系，{vip_proactive:.0%} 得到能动型服务。"
              "常规客户中，**{regular_more:.0%}** 得到了回访、优惠推送或共同规划，"
              "而 {potential_basic:.0%} 的待发展客户完全没有被联系过。",
    },
    "m07_gap": {
        "en": "Over all customers, **{below:.1%}** are served below the recommended level, "
              "**{at:.1%}** at it and **{above:.1%}** above it. "
              "The pattern is lopsided: {vip_below:.0%} of VIPs get less than a partnership, while "
              "{regular_above:.0%} of regular customers get more than the recommended {regular} service.",
        "zh": "在全部客户中，**{below:.1%}** 得到的服务低于建议水平，**{at:.1%}** 符合，**{above:.1%}** 高于建议水平。"
              "分布很不均衡：{vip_below:.0%} 的 VIP 客户没有得到伙伴型关系，"
              "而 {regular_above:.0%} 的常规客户得到的服务超过了建议的{regular}水平。",
    },
    "m07_playbook_more": {
        "en": "The VIP playbook costs **¥{vip_cost:,.0f}** per customer per year, "
              "{vip_share:.0%} of a VIP's yearly margin (today's contacts cost ¥{vip_current:,.0f}). "
              "The regular playbook uses {regular_share:.0%} of the margin. For developing customers the playbook "
              "(¥{potential_cost:,.0f}) costs **more than they earn** (¥{potential_margin:,.0f}): as an investment it "
              "pays back within the year only if at least **{breakeven:.0%}** of them become regular customers.",
        "zh": "VIP 服务方案每位客户每年花费 **¥{vip_cost:,.0f}**，占一位 VIP 客户年毛利的 {vip_share:.0%}"
              "（目前的联系花费 ¥{vip_current:,.0f}）。常规客户的服务方案用掉毛利的 {regular_share:.0%}。"
              "待发展客户的服务方案（¥{potential_cost:,.0f}）**比他们带来的毛利还多**（¥{potential_margin:,.0f}）："
              "作为一项投资，只有至少 **{breakeven:.0%}** 的待发展客户转为常规客户，它才能在一年内收回成本。",
    },
    "m07_playbook_less": {
        "en": "The VIP playbook costs **¥{vip_cost:,.0f}** per customer per year, "
              "{vip_share:.0%} of a VIP's yearly margin (today's contacts cost ¥{vip_current:,.0f}). "
              "The regular playbook uses {regular_share:.0%} of the margin. For developing customers the playbook "
              "(¥{potential_cost:,.0f}) costs less than they earn (¥{potential_margin:,.0f}): as an investment it "
              "pays back within the year only if at least **{breakeven:.0%}** of them become regular customers.",
        "zh": "VIP 服务方案每位客户每年花费 **¥{vip_cost:,.0f}**，占一位 VIP 客户年毛利的 {vip_share:.0%}"
              "（目前的联系花费 ¥{vip_current:,.0f}）。常规客户的服务方案用掉毛利的 {regular_share:.0%}。"
              "待发展客户的服务方案（¥{potential_cost:,.0f}）低于他们带来的毛利（¥{potential_margin:,.0f}）："
              "作为一项投资，只有至少 **{breakeven:.0%}** 的待发展客户转为常规客户，它才能在一年内收回成本。",
    },
    "m07_abc": {
        "en": "Kotler's matrix recommends **{a}** for class A ({a_customers:,} customers) and **{c}** for class C "
              "({c_customers:,}). Today {c_above:.0%} of class C get more than that, "
              "and even the lean C playbook costs ¥{c_cost:,.1f} a year against a margin of "
              "¥{c_margin:,.1f} per customer. The two tierings do not pick the same people: "
              "{vip_a:,} of the {vip:,} VIP members are class A by margin, but so are "
              "{regular_a:,} customers the membership rule calls 'regular'. Decide which tiering "
              "drives service before you write the playbook.",
        "zh": "科特勒矩阵为 A 类（{a_customers:,} 位客户）建议**{a}**关系，为 C 类（{c_customers:,} 位）建议**{c}**关系。"
              "目前 {c_above:.0%} 的 C 类客户得到的服务超过了这个水平，而即使是精简的 C 类服务方案，"
              "每年也要花 ¥{c_cost:,.1f}，而每位客户的毛利只有 ¥{c_margin:,.1f}。两种分层方式挑出的并不是同一批人："
              "{vip:,} 位 VIP 会员中有 {vip_a:,} 位按毛利属于 A 类，但被会员规则称为“常规”的客户中，"
              "也有 {regular_a:,} 位属于 A 类。在写服务方案之前，先决定由哪种分层方式来决定服务。",
    },
    # module 08: tier migration
    "m08_history": {
        "en": "Over {periods} half-years, **{customers:,} customers** were classified at least once, but only "
              "**{every:,}** bought in every half-year. Class A held {a_first:,} customers in the first half-year "
              "and {a_last:,} in the last: the sizes tell nothing about whether they are the same people.",
        "zh": "在 {periods} 个半年里，共有 **{customers:,} 位客户**至少被分过一次级，但每个半年都有购买的只有 "
              "**{every:,} 位**。A 类在第一个半年有 {a_first:,} 位客户，在最后一个半年有 {a_last:,} 位："
              "光看人数，看不出是不是同一批人。",
    },
    "m08_matrix": {
        "en": "Of the **{a:,} A customers** of {before}, **{a_stay:.0%}** were A again in {after}, {a_down:.0%} "
              "slipped to B or C and **{a_lapse:.0%} bought nothing**. Of the C customers {c_lapse:.0%} lapsed and "
              "{c_up:.0%} climbed to B or A. Each row adds up to 100%.",
        "zh": "{before} 的 **{a:,} 位 A 类客户**中，**{a_stay:.0%}** 在 {after} 仍是 A 类，{a_down:.0%} 降到了 B 类或 C 类，"
              "**{a_lapse:.0%} 一次也没有再买**。C 类客户中有 {c_lapse:.0%} 未复购，{c_up:.0%} 升到了 B 类或 A 类。"
              "每一行加起来都是 100%。",
    },
    "m08_new": {
        "en": "**{new:,} customers** ({new_share:.0%} of those classified in {after}) came from the *new* row; "
              "{new_a:,} of the {a_after:,} A customers of {after} are among them. Meanwhile {lapsed:,} customers "
              "lapsed. A matrix without the new row would show only the leavers.",
        "zh": "**{new:,} 位客户**（占 {after} 已分级客户的 {new_share:.0%}）来自 *新增* 这一行；{after} 的 "
              "{a_after:,} 位 A 类客户中，有 {new_a:,} 位是新增的。与此同时，{lapsed:,} 位客户未复购。"
              "如果矩阵里没有新增这一行，我们就只能看到离开的人。",
    },
    "m08_steadier": {"en": "steadier", "zh": "更稳定"},
    "m08_less_steady": {"en": "less steady", "zh": "更不稳定"},
    "m08_rules": {
        "en": "The ABC classes are **{abc_vs_rfm}** than the RFM tier: κ {abc_kappa:.2f} against {rfm_kappa:.2f}, "
              "Shorrocks' M {abc_m:.2f} against {rfm_m:.2f}. Both lose the same {lapse:.0%} of customers to lapses, "
              "because both classify the customers who bought in the half-year. The lifecycle stages lose nobody "
              "(lapse rate {life_lapse:.0%}): a customer who stops buying stays and drifts toward *churned*.",
        "zh": "ABC 分类比 RFM 分级**{abc_vs_rfm}**：κ 为 {abc_kappa:.2f}，对比 {rfm_kappa:.2f}；肖罗克斯指数 M 为 "
              "{abc_m:.2f}，对比 {rfm_m:.2f}。两者的未复购率相同，都是 {lapse:.0%}，因为两者分级的都是这半年里有购买的客户。"
              "生命周期阶段不会丢掉任何人（未复购率 {life_lapse:.0%}）：不再购买的客户仍留在分级里，慢慢滑向*流失*阶段。",
    },
    "m08_projection": {
        "en": "Without new customers the base falls from {now:,} to **{closed_end:,.0f}** customers in {steps} "
              "half-years ({closed_drop:.0%} gone) and keeps falling. With {inflow:,} new customers per half-year it "
              "settles near **{steady:,.0f}** customers ({steady_a:,.0f} of them A), {steady_ratio:.0%} of today's base.",
        "zh": "如果没有新增客户，客户总数会在 {steps} 个半年里从 {now:,} 位降到 **{closed_end:,.0f} 位**"
              "（少了 {closed_drop:.0%}），而且还会继续下降。如果每半年新增 {inflow:,} 位客户，总数会稳定在 "
              "**{steady:,.0f} 位**左右（其中 A 类 {steady_a:,.0f} 位），相当于现在的 {steady_ratio:.0%}。",
    },
    "m08_value": {
        "en": "An A customer is worth **¥{va:,.0f}** over time (¥{ra:,.0f} of margin in the last half-year), "
              "{ratio_ac:.0f} times a C customer (¥{vc:,.0f}). The last column multiplies customers, lapse rate and "
              "value: what the next half-year's lapses would cost if they happen as last time, ¥{risk_total:,.0f} "
              "in all. Which tier would you call first? That is the last question of the exercise.",
        "zh": "一位 A 类客户的长期价值是 **¥{va:,.0f}**（最近半年的毛利是 ¥{ra:,.0f}），是一位 C 类客户（¥{vc:,.0f}）的 "
              "{ratio_ac:.0f} 倍。最后一列把客户数、未复购率和客户价值相乘：如果下半年的未复购和上次一样，"
              "一共会损失 ¥{risk_total:,.0f}。你会先给哪一级的客户打电话？这是练习的最后一道题。",
    },
    "m08_online_retail": {
        "en": "In Online Retail **{a_stay:.1%}** of the A customers of the first half stay A in the second; the lapse "
              "rates of A, B and C are {la:.0%}, {lb:.0%} and {lc:.0%}, and κ = {kappa:.2f}. In the synthetic company "
              "{sa_stay:.1%} of A customers stay A and {sla:.0%} lapse. Same method, two businesses: measure your "
              "own before deciding how often to re-tier.",
        "zh": "在 Online Retail 中，上半段的 A 类客户有 **{a_stay:.1%}** 在下半段仍是 A 类；A、B、C 三类的未复购率分别是 "
              "{la:.0%}、{lb:.0%} 和 {lc:.0%}，κ = {kappa:.2f}。在模拟公司里，{sa_stay:.1%} 的 A 类客户保持 A 类，"
              "{sla:.0%} 未复购。同一套方法，两家企业结果不同：先量一量你自己的数据，再决定多久重新分级一次。",
    },
    # module 09: resource allocation per tier
    "m09_budget": {
        "en": "Over the year to {as_of:%d %B %Y} the company spent **¥{budget:,.0f}** on contacts it started itself "
              "(follow-ups, offers, planning meetings): ¥{vip_spend:,.0f} per VIP, ¥{regular_spend:,.0f} per regular "
              "and ¥{potential_spend:,.0f} per developing customer. VIPs are {vip_customers:.1%} of customers, bring "
              "{vip_revenue:.0%} of revenue and get **{vip_budget:.0%}** of this budget. The service customers ask for "
              "themselves (problem reports, ¥{reactive:,.0f}) is answered whatever the plan, so it is not part of "
              "the budget.",
        "zh": "在截至 {as_of:%Y年%m月%d日} 的一年里，公司在自己发起的联系（售后回访、优惠推送、共同规划会议）上花了 "
              "**¥{budget:,.0f}**：每位 VIP 客户 ¥{vip_spend:,.0f}，每位常规客户 ¥{regular_spend:,.0f}，"
              "每位待发展客户 ¥{potential_spend:,.0f}。VIP 客户占客户的 {vip_customers:.1%}，贡献 {vip_revenue:.0%} "
              "的销售额，拿到这笔预算的 **{vip_budget:.0%}**。客户自己发起的求助服务（问题反馈，¥{reactive:,.0f}）"
              "无论怎么计划都要响应，所以不算在这笔预算里。",
    },
    "m09_curves": {
        "en": "Of the customers in each tier a year ago, **{vip_retention:.0%}** of VIPs, {regular_retention:.0%} of "
              "regular and {potential_retention:.0%} of developing customers bought again within the year. A kept VIP "
              "is worth ¥{vip_lifetime:,.0f} over the rest of their life with us, a kept regular customer "
              "¥{regular_lifetime:,.0f}, a kept developing customer ¥{potential_lifetime:,.0f}. But few VIPs leave, "
              "and reaching them costs more: the first yuan spent returns ¥{vip_first:.2f} on a VIP, "
              "¥{regular_first:.2f} on a regular customer and **¥{potential_first:.2f}** on a developing customer.",
        "zh": "一年前各等级的客户中，**{vip_retention:.0%}** 的 VIP 客户、{regular_retention:.0%} 的常规客户和 "
              "{potential_retention:.0%} 的待发展客户在一年内再次购买。留住一位 VIP 客户，他今后带来的价值是 "
              "¥{vip_lifetime:,.0f}；常规客户 ¥{regular_lifetime:,.0f}；待发展客户 ¥{potential_lifetime:,.0f}。"
              "但 VIP 客户本来就很少流失，联系他们的成本又高：投在 VIP 客户身上的第一元回报 ¥{vip_first:.2f}，"
              "常规客户 ¥{regular_first:.2f}，待发展客户 **¥{potential_first:.2f}**。",
    },
    "m09_next": {
        "en": "At today's split the next ¥1,000 brings most in the **{cur_best}** tier (¥{cur_best_value:,.0f}) and "
              "least in the {cur_worst} tier (¥{cur_worst_value:,.0f}). Split in proportion to revenue, VIPs would get "
              "{prop_vip_share:.0%} of the budget (¥{prop_vip_spend:,.0f} each) and their next ¥1,000 would bring "
              "¥{prop_vip:,.0f}, while the same ¥1,000 would bring **¥{prop_best_value:,.0f}** in the {prop_best} tier.",
        "zh": "按目前的分配，再投 1,000 元，投给**{cur_best}**回报最高（¥{cur_best_value:,.0f}），投给{cur_worst}"
              "最低（¥{cur_worst_value:,.0f}）。如果按销售额比例分配，VIP 客户会拿到 {prop_vip_share:.0%} 的预算"
              "（每人 ¥{prop_vip_spend:,.0f}），再投给他们 1,000 元只带来 ¥{prop_vip:,.0f}，"
              "而同样的 1,000 元投给{prop_best}能带来 **¥{prop_best_value:,.0f}**。",
    },
    "m09_next_warning": {
        "en": "This is the source's warning in numbers: when resources pile onto VIPs, the best returns are left "
              "among ordinary customers.",
        "zh": "这就是原文那句提醒的数字版：资源一味向 VIP 客户倾斜，回报最高的机会反而留在了普通客户身上。",
    },
    "m09_next_no_warning": {
        "en": "Here VIPs still return most at the margin: the source's warning does not hold on these curves.",
        "zh": "在这组曲线上，VIP 客户的边际回报仍然最高：原文的提醒在这里并不成立。",
    },
    "m09_optimum": {
        "en": "The optimiser (SLSQP) gives VIPs ¥{vip:,.0f} ({vip_share:.0%}), regular customers ¥{regular:,.0f} "
              "({regular_share:.0%}) and developing customers ¥{potential:,.0f} ({potential_share:.0%}){unfunded}. "
              "At this split the next yuan returns **¥{level:.3f}** in every funded tier (largest difference between "
              "tiers: ¥{spread:.1e}). Solving the rule directly (one marginal return for all funded tiers) gives the "
              "same split to within ¥{gap:.2f}.",
        "zh": "优化器（SLSQP）给 VIP 客户 ¥{vip:,.0f}（{vip_share:.0%}），常规客户 ¥{regular:,.0f}（{regular_share:.0%}），"
              "待发展客户 ¥{potential:,.0f}（{potential_share:.0%}）{unfunded}。在这个分配下，每个拿到预算的等级，"
              "下一元都回报 **¥{level:.3f}**（各等级之间最大相差 ¥{spread:.1e}）。直接按规则求解（所有拿到预算的等级边际回报相同），"
              "得到的分配与之相差不到 ¥{gap:.2f}。",
    },
    "m09_unfunded": {
        "en": "; {tiers} get nothing, because their first yuan returns less than that",
        "zh": "；{tiers}分不到预算，因为它们第一元的回报都比这低",
    },
    "m09_heuristics": {
        "en": "On the same ¥{budget:,.0f}, the optimal split is expected to bring **¥{best:,.0f}** of extra customer "
              "value. In proportion to revenue it brings ¥{prop:,.0f} (**{prop_pct:.1%}** of the optimum, "
              "¥{prop_lost:,.0f} less); equal spend per customer {equal_pct:.1%}; all to VIPs only {top_pct:.1%}. "
              "Today's split reaches {current_pct:.1%}.",
        "zh": "同样的 ¥{budget:,.0f}，最优分配预计带来 **¥{best:,.0f}** 的新增客户价值。按销售额比例分配带来 ¥{prop:,.0f}"
              "（达到最优的 **{prop_pct:.1%}**，少 ¥{prop_lost:,.0f}）；按人平均达到 {equal_pct:.1%}；"
              "全部给 VIP 客户只有 {top_pct:.1%}。目前的分配达到 {current_pct:.1%}。",
    },
    "m09_why_not_revenue": {
        "en": "Revenue says where value *is*, not what the next yuan *changes*. VIPs bring {vip_revenue:.0%} of revenue, "
              "but only {vip_lapse:.0%} of them would lapse and a VIP contact costs more, so the VIP curve needs "
              "¥{vip_half:,.0f} per customer to reach half its ceiling, against ¥{potential_half:,.0f} for developing "
              "customers. The optimum gives VIPs {opt_vip:.0%} of the budget, not {vip_revenue:.0%}.",
        "zh": "销售额说明价值*在哪里*，却说明不了下一元*能改变什么*。VIP 客户贡献 {vip_revenue:.0%} 的销售额，"
              "但他们中只有 {vip_lapse:.0%} 会流失，而且联系 VIP 客户的成本更高，所以 VIP 曲线要每人投入 "
              "¥{vip_half:,.0f} 才达到上限的一半，待发展客户只需 ¥{potential_half:,.0f}。最优分配给 VIP 客户的是预算的 "
              "{opt_vip:.0%}，而不是 {vip_revenue:.0%}。",
    },
    "m09_budget_over": {
        "en": "Spent optimally, the next yuan returns exactly ¥1 at a budget of **¥{break_even:,.0f}**. Today's "
              "¥{budget:,.0f} is above that: at the margin each yuan returns ¥{level:.2f}, so the last "
              "¥{excess:,.0f} bring less than they cost. Value minus cost is largest at the break-even budget "
              "(¥{net_best:,.0f}, against ¥{net_now:,.0f} today).",
        "zh": "按最优方式分配时，预算到 **¥{break_even:,.0f}** 时下一元恰好回报 ¥1。目前的 ¥{budget:,.0f} 超过了这个数："
              "边际上每一元只回报 ¥{level:.2f}，最后那 ¥{excess:,.0f} 带来的价值低于成本。在这个收支平衡的预算下，"
              "价值减成本最大（¥{net_best:,.0f}，目前是 ¥{net_now:,.0f}）。",
    },
    "m09_budget_under": {
        "en": "Spent optimally, the next yuan returns exactly ¥1 at a budget of **¥{break_even:,.0f}**. Today's "
              "¥{budget:,.0f} is below that: at the margin each yuan still returns ¥{level:.2f}, so a larger budget "
              "would pay for itself up to ¥{break_even:,.0f} (value minus cost ¥{net_best:,.0f} there, "
              "¥{net_now:,.0f} today; the gap is ¥{excess:,.0f} of budget).",
        "zh": "按最优方式分配时，预算到 **¥{break_even:,.0f}** 时下一元恰好回报 ¥1。目前的 ¥{budget:,.0f} 低于这个数："
              "边际上每一元仍回报 ¥{level:.2f}，所以预算加到 ¥{break_even:,.0f} 之前都能收回成本（届时价值减成本为 "
              "¥{net_best:,.0f}，目前为 ¥{net_now:,.0f}；相差 ¥{excess:,.0f} 的预算）。",
    },
    "m09_sensitivity": {
        "en": "If one tier's ceiling or speed is off by up to a factor of two, keeping our split gives up at most "
              "**{worst:.1%}** of what the right split would bring (worst case: {worst_tier}, {worst_param} × "
              "{worst_factor:g}); the proportional-to-revenue rule gives up {prop_loss:.1%} even when our curves are "
              "right. The split itself moves more: when the VIP curve is off, the VIP share of the optimum ranges from "
              "{vip_min:.0%} to {vip_max:.0%}.",
        "zh": "如果某一个等级的上限或速度估错了（最多错两倍），沿用我们的分配最多少得 **{worst:.1%}** 的回报"
              "（最坏情况：{worst_tier}的{worst_param} × {worst_factor:g}）；而即使曲线完全正确，按销售额比例分配也要少得 "
              "{prop_loss:.1%}。分配本身变化更大：当 VIP 曲线估错时，最优分配中 VIP 客户的占比在 {vip_min:.0%} 到 {vip_max:.0%} 之间。",
    },
    "m09_assumptions": {
        "en": "The save share changes how much every tier returns, not how to split: with {low:.0%} or {high:.0%} the "
              "VIP share of the optimum is {vip_low:.1%} or {vip_high:.1%}, because it scales every ceiling alike. "
              "It does move the break-even budget, from ¥{be_low:,.0f} to ¥{be_high:,.0f}: how much to spend depends "
              "on it far more than how to split.",
        "zh": "“最多能留住的比例”改变的是每个等级回报多少，而不是怎么分：取 {low:.0%} 或 {high:.0%} 时，最优分配中 VIP "
              "客户的占比分别是 {vip_low:.1%} 和 {vip_high:.1%}，因为它把所有等级的上限按同一比例放大或缩小。"
              "但它会改变收支平衡的预算，从 ¥{be_low:,.0f} 到 ¥{be_high:,.0f}：该花多少钱比怎么分更取决于这个假设。",
    },
    # module 10: did the program work? (lift)
    "m10_groups": {
        "en": "**{n_t:,} customers** got the program and **{n_c:,}** did not. In the half-year before the start they "
              "bought {p_t:.2f} and {p_c:.2f} times each on average and spent ¥{v_t:,.0f} and ¥{v_c:,.0f}: alike, as a "
              "random split makes them. The outcome we compare: did the customer buy again between {start} and {end}?",
        "zh": "**{n_t:,} 位客户**参加了项目，**{n_c:,} 位**没有参加。项目开始前半年，两组客户平均各买了 {p_t:.2f} 次和 "
              "{p_c:.2f} 次，花了 ¥{v_t:,.0f} 和 ¥{v_c:,.0f}：两组很相似，随机分组正是要做到这一点。我们比较的结果是："
              "客户在 {start} 到 {end} 之间有没有再次购买？",
    },
    "m10_truth_inside": {
        "en": "The repurchase rate was **{rate_t:.1%}** with the program and **{rate_c:.1%}** without: a difference of "
              "**{diff:+.1f} percentage points** (95% interval {diff_low:+.1f} to {diff_high:+.1f}), a relative lift of "
              "**{lift:+.1%}** (95% interval {lift_low:+.1%} to {lift_high:+.1%}). The simulation knows the true effect in "
              "this sample: {true_diff:+.1f} points, {true_lift:+.1%}. **Both intervals contain it.**",
        "zh": "参加项目的客户复购率为 **{rate_t:.1%}**，没参加的为 **{rate_c:.1%}**：相差 **{diff:+.1f} 个百分点**"
              "（95% 区间 {diff_low:+.1f} 到 {diff_high:+.1f}），相对提升 **{lift:+.1%}**（95% 区间 {lift_low:+.1%} 到 "
              "{lift_high:+.1%}）。模拟数据知道这批客户的真实效果：{true_diff:+.1f} 个百分点，即 {true_lift:+.1%}。"
              "**两个区间都包含了真实值。**",
    },
    "m10_truth_outside": {
        "en": "The repurchase rate was **{rate_t:.1%}** with the program and **{rate_c:.1%}** without: a difference of "
              "**{diff:+.1f} percentage points** (95% interval {diff_low:+.1f} to {diff_high:+.1f}), a relative lift of "
              "**{lift:+.1%}** (95% interval {lift_low:+.1%} to {lift_high:+.1%}). The true effect in this sample is "
              "{true_diff:+.1f} points, {true_lift:+.1%}: **outside an interval**, which happens in one study in twenty.",
        "zh": "参加项目的客户复购率为 **{rate_t:.1%}**，没参加的为 **{rate_c:.1%}**：相差 **{diff:+.1f} 个百分点**"
              "（95% 区间 {diff_low:+.1f} 到 {diff_high:+.1f}），相对提升 **{lift:+.1%}**（95% 区间 {lift_low:+.1%} 到 "
              "{lift_high:+.1%}）。这批客户的真实效果是 {true_diff:+.1f} 个百分点，即 {true_lift:+.1%}："
              "**落在了区间之外**，二十次研究中会有一次这样。",
    },
    "m10_drift": {
        "en": "Without the program, the control group's purchases per customer went from {c_before:.2f} to "
              "{c_after:.2f} (**{c_change:+.0%}**): that is the drift. The treatment group went from {t_before:.2f} to "
              "{t_after:.2f} ({t_change:+.0%}). A before/after report credits the program with {t_change:+.0%}; compared "
              "with the control group, program customers bought **{vs_control:+.0%}** more.",
        "zh": "没有项目时，对照组的客均购买次数从 {c_before:.2f} 变为 {c_after:.2f}（**{c_change:+.0%}**）：这就是漂移。"
              "实验组从 {t_before:.2f} 变为 {t_after:.2f}（{t_change:+.0%}）。只看项目前后的报告会把 {t_change:+.0%} "
              "记在项目头上；而和对照组相比，参加项目的客户多买了 **{vs_control:+.0%}**。",
    },
    "m10_claim": {
        "en": "A report without a control group would say: *“{who} spent ¥{before:,.0f} each in the half-year before the "
              "program and ¥{after:,.0f} in the half-year after: {change:+.0%}.”*",
        "zh": "没有对照组的报告会这样写：*“{who}在项目前半年人均消费 ¥{before:,.0f}，项目后半年人均 ¥{after:,.0f}："
              "{change:+.0%}。”*",
    },
    "m10_methods": {
        "en": "Before vs after says **{naive:+.1f} points**: the program would look like a disaster, because every "
              "program customer had bought in the half-year before ({bought_before:.0%}: that was the rule for joining). "
              "Difference-in-differences says {did:+.1f} points ({did_low:+.1f} to {did_high:+.1f}) and treatment vs "
              "control {rand:+.1f}: both intervals contain the truth ({true_diff:+.1f}).",
        "zh": "项目前后对比得出 **{naive:+.1f} 个百分点**：项目看起来像一场灾难，因为每位项目客户在项目前半年都买过东西"
              "（{bought_before:.0%}：这就是参加项目的条件）。双重差分得出 {did:+.1f} 个百分点（{did_low:+.1f} 到 "
              "{did_high:+.1f}），实验组对比对照组得出 {rand:+.1f}：两个区间都包含真实值（{true_diff:+.1f}）。",
    },
    "m10_revenue": {
        "en": "Program customers spent **¥{diff:,.0f} more** each in the half-year (bootstrap interval ¥{boot_low:,.0f} "
              "to ¥{boot_high:,.0f}; relative {rel:+.0%}, interval {rel_low:+.0%} to {rel_high:+.0%}). CUPED adjusts each "
              "customer's revenue by their revenue in the half-year before (θ = {theta:.2f}): same question, an interval "
              "**{narrower:.0%} narrower** (¥{cuped_low:,.0f} to ¥{cuped_high:,.0f}). The data card records no true "
              "revenue effect, so here the interval is all we know.",
        "zh": "参加项目的客户在这半年里人均**多花了 ¥{diff:,.0f}**（自助法区间 ¥{boot_low:,.0f} 到 ¥{boot_high:,.0f}；"
              "相对提升 {rel:+.0%}，区间 {rel_low:+.0%} 到 {rel_high:+.0%}）。CUPED 用每位客户项目前半年的销售额来调整"
              "（θ = {theta:.2f}）：问题相同，区间却**窄了 {narrower:.0%}**（¥{cuped_low:,.0f} 到 ¥{cuped_high:,.0f}）。"
              "数据说明里没有记录销售额的真实效果，所以这里我们只知道这个区间。",
    },
    "m10_membership": {
        "en": "Today {vip_t:.1%} of the treatment group and {vip_c:.1%} of the control group are VIP members, and "
              "{walkin_t:.1%} against {walkin_c:.1%} are walk-in customers. Membership is recorded *now*, after the "
              "program had six months to change who joins: comparing today's VIPs is no longer a fair comparison. "
              "So we fix the tier **at the start**: ABC classes by revenue in the half-year before (module 02).",
        "zh": "目前实验组中 {vip_t:.1%}、对照组中 {vip_c:.1%} 是 VIP 会员，散客的比例分别是 {walkin_t:.1%} 和 "
              "{walkin_c:.1%}。会员身份是*现在*记录的，项目已经有半年时间去改变谁成为会员：拿今天的 VIP 来比较已经不公平了。"
              "所以我们把层级固定在**项目开始时**：按项目前半年的销售额做 ABC 分类（第 02 模块）。",
    },
    "m10_tier_a_rules_out": {
        "en": "For the key customers (A), the program's relative lift on repurchase is **{lift:+.0%}**, with a 95% "
              "interval from {low:+.0%} to {high:+.0%}. **+30% lies outside the interval**: these data rule it out for "
              "the top tier.",
        "zh": "对关键客户（A 类），项目对复购率的相对提升是 **{lift:+.0%}**，95% 区间从 {low:+.0%} 到 {high:+.0%}。"
              "**+30% 在区间之外**：对最高层级来说，这些数据排除了 +30%。",
    },
    "m10_tier_a_allows": {
        "en": "For the key customers (A), the program's relative lift on repurchase is **{lift:+.0%}**, with a 95% "
              "interval from {low:+.0%} to {high:+.0%}. +30% lies inside the interval: these data neither show nor rule "
              "out a +30% lift for the top tier.",
        "zh": "对关键客户（A 类），项目对复购率的相对提升是 **{lift:+.0%}**，95% 区间从 {low:+.0%} 到 {high:+.0%}。"
              "+30% 在区间之内：这些数据既不能证明、也不能排除最高层级 +30% 的提升。",
    },
    "m10_power": {
        "en": "A's control customers repurchased at {base:.0%}; +30% would mean {target:.0%}. A test would detect a lift "
              "that large with **{n30:,} customers per group** (80% power): it would be hard to miss. A realistic +10% "
              "needs **{n10:,} per group**; the A tier has about {n_a:,} per group, which detects +10% only "
              "**{power_a:.0%}** of the time, and its interval of the lift spans about {width:.0%} from end to end.",
        "zh": "A 类对照组客户的复购率是 {base:.0%}；+30% 意味着 {target:.0%}。要以 80% 的检验效能发现这么大的提升，"
              "**每组 {n30:,} 位客户**就够了：这么大的效果很难被漏掉。更现实的 +10% 则需要**每组 {n10:,} 位**；"
              "A 类每组只有约 {n_a:,} 位，只有 **{power_a:.0%}** 的机会发现 +10%，其相对提升区间从一端到另一端约宽 {width:.0%}。",
    },
    "m10_test_roll": {
        "en": "If the goal is to **pick the better offer** for the {population:,} eligible customers rather than to prove "
              "an effect, Feit & Berman's profit-maximising test puts only **{n_tr:,} customers in each group** and rolls "
              "the winner out to the rest (assuming two offers' repurchase rates typically differ by about {prior:.0%}: "
              "a guess to state openly). A wrong pick between two nearly equal offers costs little.",
        "zh": "如果目标是为 {population:,} 位符合条件的客户**挑出更好的方案**，而不是证明效果，"
              "Feit 和 Berman 的利润最大化测试每组只需 **{n_tr:,} 位客户**，然后把胜出的方案推广给其余客户"
              "（假设两个方案的复购率通常相差约 {prior:.0%}：这个假设要公开说明）。在两个几乎一样好的方案之间选错，代价很小。",
    },
    # module 11: predicted value and clusters
    "m11_params": {
        "en": "The model is fitted on **{customers:,} customers**, {repeaters:,} of whom bought again within the "
              "39 weeks. The estimates match the publication to three decimals. Read them as a story: an active "
              "customer buys about once every **{weeks:.0f} weeks** on average, and after each purchase about "
              "**{leave:.0%}** leave for good.",
        "zh": "模型用 **{customers:,} 位客户**拟合，其中 {repeaters:,} 位在 39 周内再次购买。估计值与论文发表值"
              "在小数点后三位完全一致。换成业务语言：一位活跃客户平均大约每 **{weeks:.0f} 周**买一次，"
              "每次购买之后约有 **{leave:.0%}** 的客户从此流失。",
    },
    "m11_params_differ": {
        "en": "The model is fitted on **{customers:,} customers**, {repeaters:,} of whom bought again within the "
              "39 weeks. The estimates do **not** match the publication to three decimals: check the data and the "
              "calibration period. As fitted here, an active customer buys about once every **{weeks:.0f} weeks** "
              "and after each purchase about **{leave:.0%}** leave for good.",
        "zh": "模型用 **{customers:,} 位客户**拟合，其中 {repeaters:,} 位在 39 周内再次购买。估计值与论文发表值"
              "在小数点后三位**不一致**：请检查数据和校准期。按本次拟合，一位活跃客户平均大约每 **{weeks:.0f} 周**"
              "买一次，每次购买之后约有 **{leave:.0%}** 的客户从此流失。",
    },
    "m11_holdout": {
        "en": "In weeks 40–78 the customers made **{actual:,.0f}** purchases; the model, which never saw those "
              "weeks, predicted **{predicted:,.0f}** ({error:+.0%}). For the {once:,} customers who did not buy "
              "again in the calibration period it predicted {once_predicted:.2f} purchases each; they made "
              "{once_actual:.2f}. It falls furthest short for the customers with {worst} repeat purchase(s) "
              "({worst_gap:+.0%}): a forecast is a good guide for groups, not a promise for each customer.",
        "zh": "在第 40–78 周，这些客户实际购买了 **{actual:,.0f}** 次；模型从未见过这段时间的数据，"
              "它的预测是 **{predicted:,.0f}** 次（{error:+.0%}）。对于校准期内没有再次购买的 {once:,} 位客户，"
              "模型预测每人 {once_predicted:.2f} 次，实际是 {once_actual:.2f} 次。偏差最大的是校准期内重复购买 "
              "{worst} 次的客户（{worst_gap:+.0%}）：预测适合用来看群体，不是对每位客户的承诺。",
    },
    "m11_alive": {
        "en": "Both bought three more times after their first purchase. The first made the last of them at week "
              "{early_recency:.1f} of their {early_T:.1f} weeks and then went silent: P(alive) **{early_alive:.0%}**. "
              "The second bought last at week {late_recency:.1f}: P(alive) **{late_alive:.0%}**. In weeks 40–78 "
              "they made {early_did:.0f} and {late_did:.0f} purchases. Across all customers, {below_half:.0%} are "
              "more likely gone than still there.",
        "zh": "两位客户在首次购买后都又买了三次。第一位在他的 {early_T:.1f} 周里，第 {early_recency:.1f} 周就做了"
              "最后一次购买，之后再无动静：仍是活跃客户的概率只有 **{early_alive:.0%}**。第二位最后一次购买在第 "
              "{late_recency:.1f} 周：概率为 **{late_alive:.0%}**。在第 40–78 周，他们分别购买了 {early_did:.0f} 次和 "
              "{late_did:.0f} 次。在全部客户中，有 {below_half:.0%} 的客户更可能已经流失。",
    },
    "m11_spend": {
        "en": "Fitted on the {repeaters:,} customers with repeat purchases: p {p:.2f}, q {q:.2f}, v {v:.2f} "
              "(Hardie's note gives 6.25, 3.74 and 15.44). The mean spend per purchase across customers is "
              "**${mean:.2f}**. The correlation between how often and how much per purchase is {corr:.2f}: "
              "small, so the model's assumption holds well enough here.",
        "zh": "用 {repeaters:,} 位有重复购买的客户拟合：p {p:.2f}，q {q:.2f}，v {v:.2f}"
              "（Hardie 的说明给出 6.25、3.74 和 15.44）。所有客户每次购买的平均金额为 **${mean:.2f}**。"
              "购买频次与每次金额的相关系数为 {corr:.2f}：很小，所以这里可以接受模型的假设。",
    },
    "m11_capture": {
        "en": "The model predicted **${predicted_total:,.0f}** of spending in weeks 40–78; customers spent "
              "**${actual_total:,.0f}**. The top 20% by predicted value brought **{clv_share:.1%}** of that spending, "
              "the top 20% by past spend {past_share:.1%}: for picking the top fifth, past spend is as good here. "
              "Customer by customer the prediction is closer (correlation {clv_corr:.2f} against {past_corr:.2f}), "
              "and it adds what past spend cannot: who has probably left, and how much a customer is worth in money.",
        "zh": "模型预测第 40–78 周的消费额为 **${predicted_total:,.0f}**，客户实际消费 **${actual_total:,.0f}**。"
              "按预测价值排名前 20% 的客户带来了其中的 **{clv_share:.1%}**，按过去消费额排名前 20% 的客户带来 "
              "{past_share:.1%}：如果只是挑出前五分之一，这里用过去的消费额同样好。但逐个客户来看，预测更准"
              "（相关系数 {clv_corr:.2f}，过去消费额为 {past_corr:.2f}），而且它提供了过去消费额给不了的信息："
              "谁很可能已经流失，以及一位客户值多少钱。",
    },
    "m11_agree": {
        "en": "The rules and the prediction put **{agree:.0%}** of customers in the same tier ({returns:,} return "
              "rows are left out of the prediction: returns are not visits). **{vip_down:,} VIPs by the rules** "
              "come out in the Potential tier by prediction: their median last purchase was {vip_down_days:.0f} days "
              "ago and their median chance of still being a customer is {vip_down_alive:.0%}. The other way round, "
              "**{up:,} customers** the rules put lower would fill VIP places by prediction: median last purchase "
              "{up_days:.0f} days ago, median chance of still being a customer {up_alive:.0%}.",
        "zh": "RFM 规则与预测把 **{agree:.0%}** 的客户分在了同一层级（{returns:,} 行退货不计入预测：退货不算一次到店）。"
              "**{vip_down:,} 位按规则属于 VIP 的客户**按预测只是潜力客户：他们最后一次购买距今的中位数是 "
              "{vip_down_days:.0f} 天，仍是活跃客户的概率中位数为 {vip_down_alive:.0%}。反过来，有 **{up:,} 位**"
              "被规则排得较低的客户按预测应进入 VIP：最后一次购买距今中位数 {up_days:.0f} 天，"
              "仍是活跃客户的概率中位数 {up_alive:.0%}。",
    },
    "m11_k": {
        "en": "The rule chooses **k = {k}** (silhouette {silhouette:.2f}, smallest cluster {smallest:.0%} of "
              "customers). The silhouette alone would pick k = {best_k} ({best:.2f}), but two groups tell the sales "
              "team nothing the tiers do not. Across five seeds the lowest adjusted Rand index is **{ari:.3f}**: "
              "the grouping hardly depends on the seed. k-means' own cluster numbers agree for as few as {raw:.0%} of "
              "customers between seeds; after renumbering by value, for at least **{ranked:.1%}**.",
        "zh": "按这条规则选出 **k = {k}**（轮廓系数 {silhouette:.2f}，最小的群占客户的 {smallest:.0%}）。"
              "只看轮廓系数会选 k = {best_k}（{best:.2f}），但分成两群并不能告诉销售团队任何层级之外的信息。"
              "在五个随机种子之间，最低的调整兰德指数（ARI）为 **{ari:.3f}**：分群结果几乎不受种子影响。"
              "不同种子下 k-means 自己的群编号，最少只有 {raw:.0%} 的客户一致；按价值重新编号后，至少 "
              "**{ranked:.1%}** 的客户一致。",
    },
    "m11_clusters": {
        "en": "The top cluster, **{top}**, holds {top_customers:.0%} of customers and {top_value:.0%} of revenue; "
              "{vip_top:.0%} of the RFM VIPs are in it. {order} The cluster most likely to have left is "
              "**{lowest}** (mean chance of still being a customer {lowest_alive:.0%}, ¥{lowest_value:,.0f} of "
              "past revenue per customer).",
        "zh": "价值最高的群 **{top}** 占 {top_customers:.0%} 的客户和 {top_value:.0%} 的销售额；RFM 的 VIP 客户中有 "
              "{vip_top:.0%} 在这个群里。{order}最可能已经流失的群是 **{lowest}**（仍是活跃客户的平均概率 "
              "{lowest_alive:.0%}，每位客户过去的销售额 ¥{lowest_value:,.0f}）。",
    },
    "m11_same_order": {
        "en": "Ranked by mean predicted value, the clusters come in the same order as by past revenue.",
        "zh": "按平均预测价值排序，各群的顺序与按过去销售额排序相同。",
    },
    "m11_other_order": {
        "en": "Ranked by mean predicted value, the clusters come in a **different** order than by past revenue: "
              "{order}.",
        "zh": "按平均预测价值排序，各群的顺序与按过去销售额排序**不同**：{order}。",
    },
    # module 12: the capstone on one file
    "m12_loading": {
        "en": "**{file}**: {read:,} rows read, {excluded:,} excluded (the report above says why), {kept:,} kept: "
              "**{customers:,} customers** from {first} to {last}. {refunds:,} kept rows are refunds (negative "
              "amounts, {refund_value:,.0f} in total); they stay in and are netted against the customer's purchases.",
        "zh": "**{file}**：读入 {read:,} 行，排除 {excluded:,} 行（原因见上方报告），保留 {kept:,} 行：共 "
              "**{customers:,} 位客户**，时间从 {first} 到 {last}。保留的行中有 {refunds:,} 行是退款（负金额，合计 "
              "{refund_value:,.0f}）；它们留在数据里，与该客户的购买相抵。",
    },
    "m12_concentration": {
        "en": "The top 20% of customers hold **{top20:.1%}** of the net value; {for80:.1%} of the customers are "
              "enough for 80% of it. The Gini coefficient is **{gini:.2f}** (0 = every customer brings the same, "
              "1 = one customer brings everything).",
        "zh": "前20%的客户贡献了 **{top20:.1%}** 的净价值；{for80:.1%} 的客户就贡献了其中的80%。基尼系数为 "
              "**{gini:.2f}**（0 表示每位客户贡献相同，1 表示全部来自一位客户）。",
    },
    "m12_concentration_nogini": {
        "en": "The top 20% of customers hold **{top20:.1%}** of the net value; {for80:.1%} of the customers are "
              "enough for 80% of it. The Gini coefficient is not computed: fewer than two customers have a value "
              "of zero or more.",
        "zh": "前20%的客户贡献了 **{top20:.1%}** 的净价值；{for80:.1%} 的客户就贡献了其中的80%。净价值不小于零的客户"
              "不足两位，因此不计算基尼系数。",
    },
    "m12_abc": {
        "en": "Class A, the key customers, are **{a:,}** customers ({a_share:.1%}) with {a_value:.1%} of the value; "
              "class C are {c:,} customers ({c_share:.1%}) with {c_value:.1%}.",
        "zh": "A类即关键客户，共 **{a:,}** 位（占 {a_share:.1%}），贡献 {a_value:.1%} 的价值；C类有 {c:,} 位"
              "（占 {c_share:.1%}），只贡献 {c_value:.1%}。",
    },
    "m12_tiers": {
        "en": "By RFM, **{vip:,} customers are {vip_name}** ({vip_share:.1%} of customers, {vip_value:.1%} of the "
              "value), {regular:,} are {regular_name} and {potential:,} {potential_name}. The largest segment is "
              "**{top_segment}** with {top_segment_n:,} customers.",
        "zh": "按 RFM 分级，**{vip_name} {vip:,} 位**（占客户的 {vip_share:.1%}，贡献 {vip_value:.1%} 的价值），"
              "{regular_name} {regular:,} 位，{potential_name} {potential:,} 位。人数最多的细分是 **{top_segment}**，"
              "共 {top_segment_n:,} 位。",
    },
    "m12_stages": {
        "en": "{loyal:,} customers are loyal and {churned:,} have churned (no purchase for over a year). "
              "**{slipping:,} key customers (class A) are slipping**: they bought often and much, but not lately "
              "(RFM segment {segments}). Call them first.",
        "zh": "{loyal:,} 位是忠诚客户，{churned:,} 位已流失（超过一年没有购买）。**{slipping:,} 位关键客户（A类）"
              "正在流失**：他们买得多、买得勤，但最近没有再买（RFM细分为{segments}）。应最先联系他们。",
    },
    "m12_service": {
        "en": "Serving every customer by the playbook of their tier costs **¥{total:,.0f} a year**: "
              "¥{vip_cost:,.2f} per {vip_name} customer, ¥{regular_cost:,.2f} per {regular_name} and "
              "¥{potential_cost:,.2f} per {potential_name} customer. The {vip_name} tier takes {vip_plan:.0%} of "
              "that budget.",
        "zh": "按各等级的服务方案服务全部客户，**每年需要 {total:,.0f} 元**：每位{vip_name} {vip_cost:,.2f} 元，"
              "每位{regular_name} {regular_cost:,.2f} 元，每位{potential_name} {potential_cost:,.2f} 元。"
              "{vip_name}占这笔预算的 {vip_plan:.0%}。",
    },
    "m12_margin": {
        "en": "The file has costs, so margin is known: over the last year a {vip_name} customer earned "
              "¥{vip_margin:,.0f} of margin, and the {vip_name} service costs {vip_cost_share:.0%} of it. Kotler's "
              "matrix recommends the **{vip_level}** relationship level for {vip_name} customers and **{potential_level}** "
              "for {potential_name} customers.",
        "zh": "文件中有成本，因此可以算出毛利：最近一年每位{vip_name}带来 {vip_margin:,.0f} 元毛利，{vip_name}的服务"
              "成本相当于其中的 {vip_cost_share:.0%}。科特勒矩阵建议对{vip_name}采用 **{vip_level}** 关系，对"
              "{potential_name}采用 **{potential_level}** 关系。",
    },
    "m12_migration": {
        "en": "{months} months earlier ({previous}) the same rule gave another tier list. Since then **{up:,} "
              "customers moved up**, **{down:,} moved down** and {new:,} are new; of the {vip_before:,} {vip_name} "
              "customers then, {vip_dropped:,} are no longer {vip_name}.",
        "zh": "{months} 个月前（{previous}）用同一规则得到的是另一份分级名单。此后 **{up:,} 位客户升级**，"
              "**{down:,} 位降级**，新增 {new:,} 位；当时的 {vip_before:,} 位{vip_name}中，有 {vip_dropped:,} 位"
              "已不再是{vip_name}。",
    },
    "m12_previous": {
        "en": "Against the earlier tier list **{file}**: {up:,} customers moved up, {down:,} moved down, "
              "{same:,} stayed, {new:,} are new and {gone:,} are no longer in the file.",
        "zh": "与之前的分级名单 **{file}** 相比：{up:,} 位客户升级，{down:,} 位降级，{same:,} 位不变，新增 {new:,} "
              "位，{gone:,} 位已不在本文件中。",
    },
    "m12_manager": {
        "en": "### {file}: the tiering on one page (as of {as_of})\n\n"
              "- **Customers:** {customers:,} ({buyers:,} with a purchase); {kept:,} rows used, {excluded:,} excluded "
              "by the importer.\n"
              "- **Concentration:** the top 20% of customers hold {top20:.1%} of the value.\n"
              "- **Key customers:** {a:,} class A customers bring {a_value:.1%} of the value; **{slipping:,} of them "
              "are slipping**.\n"
              "- **Tiers:** {vip:,} {vip_name}, {regular:,} {regular_name}, {potential:,} {potential_name}.\n"
              "- **Service plan:** ¥{cost:,.0f} a year.\n"
              "- **Not computed:** {skipped}",
        "zh": "### {file}：一页看懂客户分级（分析日 {as_of}）\n\n"
              "- **客户：** {customers:,} 位（其中 {buyers:,} 位有购买）；使用 {kept:,} 行，导入时排除 {excluded:,} 行。\n"
              "- **集中度：** 前20%的客户贡献 {top20:.1%} 的价值。\n"
              "- **关键客户：** {a:,} 位A类客户贡献 {a_value:.1%} 的价值；**其中 {slipping:,} 位正在流失**。\n"
              "- **等级：** {vip_name} {vip:,} 位，{regular_name} {regular:,} 位，{potential_name} {potential:,} 位。\n"
              "- **服务方案：** 每年 {cost:,.0f} 元。\n"
              "- **未计算：** {skipped}",
    },
    "m12_nothing_skipped": {"en": "nothing: the file had every column the course uses.",
                            "zh": "无：文件包含课程用到的所有列。"},
    "m12_export": {
        "en": "The tier list of {n:,} customers is in **{folder}**: `{csv}` (opens in Excel, Chinese included) and "
              "`{xlsx}`. Each run writes a new folder, so nothing written before is replaced.",
        "zh": "{n:,} 位客户的分级名单已保存在 **{folder}**：`{csv}`（可直接用 Excel 打开，中文不会乱码）和 "
              "`{xlsx}`。每次运行都会新建一个文件夹，不会覆盖以前的文件。",
    },
}
