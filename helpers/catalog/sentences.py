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
}
