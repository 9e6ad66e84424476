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
}
