"""Labels of the no-code tiering app (``make app``; helpers/widgets/app.py), English and 中文.

Every key starts with ``app_`` so the app's words never clash with module 12's capstone labels.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "app_title": {"en": "Customer tiering: your own file", "zh": "客户分级：用您自己的数据"},
    "app_intro": {
        "en": "Upload a CSV or Excel export of your sales (one row per purchase). Check the columns the app "
              "picked, then read the tiers and download the list for your CRM.",
        "zh": "上传销售记录的 CSV 或 Excel 导出文件（每行一笔购买）。核对系统自动选择的列，然后查看客户分级，"
              "并下载分级名单导入 CRM。",
    },
    "app_other_language": {"en": "中文版", "zh": "English"},
    "app_upload": {"en": "Choose a file", "zh": "选择文件"},
    "app_step_file": {"en": "1. File and columns", "zh": "1. 文件与列"},
    "app_step_report": {"en": "2. Loading report", "zh": "2. 读取报告"},
    "app_step_tiers": {"en": "3. Tier summary", "zh": "3. 分级概览"},
    "app_step_customers": {"en": "4. Customers and download", "zh": "4. 客户名单与下载"},
    "app_columns_help": {
        "en": "Which column holds what? The app suggests a column for each; change any that is wrong.",
        "zh": "每一项对应文件中的哪一列？系统已给出建议，如有不对请修改。",
    },
    "app_role_customer": {"en": "Customer", "zh": "客户"},
    "app_role_date": {"en": "Date", "zh": "日期"},
    "app_role_amount": {"en": "Amount paid", "zh": "金额"},
    "app_role_order": {"en": "Order no. (optional)", "zh": "订单号（可选）"},
    "app_role_cost": {"en": "Cost (optional)", "zh": "成本（可选）"},
    "app_no_column": {"en": "(none)", "zh": "（无）"},
    "app_choose_column": {"en": "(choose a column)", "zh": "（请选择一列）"},
    "app_dayfirst": {"en": "Date order", "zh": "日期顺序"},
    "app_dayfirst_auto": {"en": "decide from the data", "zh": "由数据判断"},
    "app_dayfirst_true": {"en": "day first (05/03 = 5 March)", "zh": "日在前（05/03 = 3月5日）"},
    "app_dayfirst_false": {"en": "month first (05/03 = May 3)", "zh": "月在前（05/03 = 5月3日）"},
    "app_decimal": {"en": "Decimal mark", "zh": "小数点"},
    "app_decimal_auto": {"en": "decide from the data", "zh": "由数据判断"},
    "app_decimal_point": {"en": "point (1,234.50)", "zh": "小数点为“.”（1,234.50）"},
    "app_decimal_comma": {"en": "comma (1.234,50)", "zh": "小数点为“,”（1.234,50）"},
    "app_missing_roles": {
        "en": "Choose the column for: {roles}.",
        "zh": "请选择以下各项对应的列：{roles}。",
    },
    "app_no_file": {"en": "No file yet: choose one above.", "zh": "还没有文件：请先在上方选择文件。"},
    "app_reading": {"en": "Reading {name} …", "zh": "正在读取 {name} …"},
    "app_done": {
        "en": "{name}: {rows} purchases of {customers} customers, up to {last}.",
        "zh": "{name}：{customers} 位客户的 {rows} 笔购买，截至 {last}。",
    },
    "app_report_warnings": {"en": "{n} warning(s) in “2. Loading report”: read them first.",
                            "zh": "“2. 读取报告”中有 {n} 条注意事项：请先阅读。"},
    "app_error_title": {"en": "This file cannot be used as it is", "zh": "这个文件目前无法使用"},
    "app_error_fix_dayfirst": {
        "en": "In the app: set “Date order” under “1. File and columns”; the file is then read again.",
        "zh": "在本工具中：在“1. 文件与列”里设置“日期顺序”，文件会重新读取。",
    },
    "app_error_fix_decimal": {
        "en": "In the app: set “Decimal mark” under “1. File and columns”; the file is then read again.",
        "zh": "在本工具中：在“1. 文件与列”里设置“小数点”，文件会重新读取。",
    },
    "app_error_fix_columns": {
        "en": "In the app: pick the right columns under “1. File and columns”.",
        "zh": "在本工具中：在“1. 文件与列”里选择正确的列。",
    },
    "app_error_unexpected": {
        "en": "Something unexpected went wrong ({what}). Nothing was changed; please send the file and this "
              "message to your trainer.",
        "zh": "出现了意外问题（{what}）。没有任何数据被修改；请把文件和这条信息发给培训老师。",
    },
    "app_error_too_big": {
        "en": "{name} is {size} MB; the app takes files up to {limit} MB. Export a shorter period, or ask your "
              "trainer to run the capstone notebook on it.",
        "zh": "{name} 有 {size} MB，本工具最多接受 {limit} MB 的文件。请导出较短时期的数据，或请培训老师用综合项目笔记本处理。",
    },
    "app_tier": {"en": "Tier", "zh": "客户等级"},
    "app_summary_empty": {"en": "The tiers appear here once a file is read.", "zh": "读取文件后，这里显示客户分级。"},
    "app_customers_of": {"en": "Customers of the tier", "zh": "查看等级"},
    "app_all_tiers": {"en": "all tiers", "zh": "全部等级"},
    "app_showing": {
        "en": "{shown} of {total} customers shown (largest first); the download has all of them.",
        "zh": "显示 {total} 位客户中的 {shown} 位（按金额从大到小）；下载文件包含全部客户。",
    },
    "app_download": {"en": "Download the tier list:", "zh": "下载客户分级名单："},
    "app_download_csv": {"en": "CSV file", "zh": "CSV 文件"},
    "app_download_xlsx": {"en": "Excel file", "zh": "Excel 文件"},
    "app_preparing_xlsx": {"en": "(the Excel file is being written …)", "zh": "（正在生成 Excel 文件 …）"},
}
