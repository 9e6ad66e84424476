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
    "status_optional": {"en": "optional", "zh": "可选"},
    # widgets
    "slider_top": {"en": "Top customers", "zh": "头部客户"},
    "widget_sentence": {
        "en": "The top <b>{pct}</b> of customers ({k:,} of {n:,}) hold <b>{share}</b> of {measure}.",
        "zh": "前 <b>{pct}</b> 的客户（{n:,} 位中的 {k:,} 位）贡献了 <b>{share}</b> 的{measure}。",
    },
    "widget_check": {"en": "Widgets work: you moved the slider to {value}.", "zh": "交互控件正常：滑块当前为 {value}。"},
    "widget_check_title": {"en": "Move me", "zh": "拖动我"},
    # module 00: the course map and the trainer's pre-flight check (helpers.course)
    "course_module": {"en": "Module", "zh": "模块"},
    "course_title": {"en": "Title", "zh": "标题"},
    "course_notebook": {"en": "Notebook", "zh": "教学笔记本"},
    "course_exercise": {"en": "Exercise", "zh": "练习"},
    "course_minutes": {"en": "Minutes", "zh": "时长（分钟）"},
    "pf_python": {"en": "Python >= {version}", "zh": "Python 版本 ≥ {version}"},
    "pf_python_fix": {"en": "Install Python {version} or newer, then `make clean-venv lab`.",
                      "zh": "安装 Python {version} 或更新的版本，然后运行 `make clean-venv lab`。"},
    "pf_package": {"en": "package {name}", "zh": "软件包 {name}"},
    "pf_installed": {"en": "installed", "zh": "已安装"},
    "pf_not_importable": {"en": "{error}", "zh": "无法导入（{error}）"},
    "pf_package_fix": {"en": "Run `make lab` (or `pip install -e .`) in the kit folder.",
                       "zh": "在工具包文件夹里运行 `make lab`（或 `pip install -e .`）。"},
    "pf_module": {"en": "module {module} files", "zh": "模块 {module} 的文件"},
    "pf_module_fix": {"en": "Restore the notebook from the kit (git checkout).",
                      "zh": "从工具包中恢复这个笔记本（git checkout）。"},
    "pf_data": {"en": "synthetic company data", "zh": "模拟公司数据"},
    "pf_data_detail": {"en": "{customers:,} customers, {transactions:,} transactions",
                       "zh": "{customers:,} 位客户，{transactions:,} 笔交易"},
    "pf_data_fix": {"en": "Restore the datasets/ folder from the kit (re-extract the pack, or `git checkout datasets`).",
                    "zh": "从工具包中恢复 datasets/ 文件夹（重新解压资料包，或运行 `git checkout datasets`）。"},
    "pf_font": {"en": "Chinese font (only for lang='zh')", "zh": "中文字体（仅 lang='zh' 时需要）"},
    "pf_font_none": {"en": "none found", "zh": "未找到"},
    "pf_font_matplotlib": {"en": "Run `make lab` to install matplotlib.", "zh": "运行 `make lab` 安装 matplotlib。"},
    "pf_ready": {"en": "Ready for the workshop.", "zh": "这台电脑已经可以上课了。"},
    "pf_attention": {"en": "{bad} check(s) need attention (see 'How to fix').", "zh": "有 {bad} 项检查需要处理（见“修复方法”）。"},
    "cjk_font_fix": {
        "en": "The kit's own Chinese font (helpers/fonts/TieringKitSansSC-Regular.otf) is missing, so Chinese labels "
              "would be drawn as empty boxes. Fix: restore the file from the course repository (`git checkout -- "
              "helpers/fonts`) or reinstall the kit with `make install`; alternatively install a system CJK font, "
              "e.g. `sudo apt-get install fonts-noto-cjk`. Charts fall back to English labels until then.",
        "zh": "工具包自带的中文字体（helpers/fonts/TieringKitSansSC-Regular.otf）不见了，中文标签会显示成空方框。"
              "解决办法：从课程仓库恢复这个文件（`git checkout -- helpers/fonts`），或用 `make install` 重新安装工具包；"
              "也可以安装系统中文字体，例如 `sudo apt-get install fonts-noto-cjk`。在此之前，图表会改用英文标签。",
    },
    # the course loaders' cleaning reports (helpers.data.load_online_retail, load_cdnow)
    "clean_no_customer_id": {"en": "no CustomerID", "zh": "没有 CustomerID（无法知道是谁买的）"},
    "clean_cancellation": {"en": "cancellation invoice (InvoiceNo starts with C)", "zh": "取消单（InvoiceNo 以 C 开头）"},
    "clean_quantity": {"en": "Quantity is zero or negative", "zh": "Quantity 为零或负数"},
    "clean_free_items": {"en": "{n} kept rows have a unit price of 0 (free items); they add nothing to revenue.",
                         "zh": "保留的行中有 {n} 行单价为 0（赠品），不增加销售额。"},
    "clean_zero_records": {"en": "{n} purchase records are $0; they are kept (they are real visits) and add nothing to revenue.",
                           "zh": "有 {n} 条购买记录的金额为 0 美元；这些记录保留下来（它们是真实的到访），但不增加销售额。"},
}
