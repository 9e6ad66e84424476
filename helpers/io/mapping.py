"""Which column is the customer, the date, the amount: proposed from common English and Chinese header names.

The kit never picks the columns by itself: :func:`propose` only suggests, and
:func:`helpers.io.read_transactions` refuses with the exact call to make, so the person
who knows the file confirms it.
"""

from __future__ import annotations

import re

from helpers.io._words import WORDS

#: Header names per role, best first (compared case-, space- and punctuation-insensitively).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "customer": (
        "customer id", "customerid", "customer_id", "customer no", "customer number", "customer code", "customer",
        "client id", "clientid", "client no", "client number", "client", "account id", "account number", "account",
        "member id", "member no", "member number", "member", "buyer id", "buyer", "cust id", "custid", "cust no",
        "kundennummer", "kunden nr", "kundennr", "kunde", "numéro client", "client code",
        "客户编号", "客户id", "客户号", "客户代码", "客户编码", "客户账号", "会员号", "会员编号", "会员id", "会员卡号", "会员卡",
        "顾客编号", "顾客id", "用户id", "用户编号", "买家id", "买家账号", "买家", "客户名称", "客户", "会员", "顾客", "用户",
    ),
    "date": (
        "invoice date", "invoicedate", "order date", "orderdate", "transaction date", "purchase date", "sale date",
        "sales date", "date", "order time", "purchase time", "transaction time", "created at", "created", "timestamp",
        "datetime", "time", "datum", "rechnungsdatum", "bestelldatum", "fecha", "date de commande",
        "订单日期", "下单时间", "下单日期", "交易日期", "交易时间", "购买日期", "购买时间", "销售日期", "付款时间", "支付时间",
        "成交时间", "成交日期", "订单时间", "创建时间", "日期", "时间",
    ),
    "amount": (
        "net sales", "net amount", "amount paid", "paid amount", "sales amount", "order amount", "order total",
        "total amount", "amount", "revenue", "sales", "net revenue", "value", "order value", "total", "turnover",
        "paid", "umsatz", "betrag", "nettobetrag", "montant", "importe",
        "实付金额", "实收金额", "支付金额", "付款金额", "订单金额", "交易金额", "成交金额", "销售金额", "销售额", "应付金额",
        "金额", "营业额", "总金额", "合计金额", "消费金额",
    ),
    "order": (
        "order id", "orderid", "order no", "order number", "invoice no", "invoiceno", "invoice number", "invoice id",
        "invoice", "transaction id", "receipt no", "receipt number", "bestellnummer", "rechnungsnummer",
        "订单号", "订单编号", "订单id", "单号", "交易单号", "交易号", "流水号", "发票号", "小票号", "订单",
    ),
    "cost": (
        "cost", "cogs", "cost of goods", "cost of sales", "total cost", "kosten", "einstandspreis",
        "成本", "成本金额", "总成本", "进价", "采购成本",
    ),
}
# names in traditional characters come last (they are kept in words.txt)
SYNONYMS = {role: words + WORDS.get(role, ()) for role, words in SYNONYMS.items()}
ROLES: tuple[str, ...] = ("customer", "date", "amount", "order", "cost")
#: Names too general to be recognised inside a longer name ("Lifetime value" is not an amount).
_EXACT_ONLY = {"time", "paid", "value", "total", "created", "member", "account", "client", "sales", "price"}
REQUIRED: tuple[str, ...] = ("customer", "date", "amount")


def normalise(name: str) -> str:
    """A header name compared loosely: lower case, spaces, dashes, dots and brackets squeezed out.

    Parameters
    ----------
    name : str

    Returns
    -------
    str

    Examples
    --------
    >>> normalise(" Customer_ID "), normalise("Invoice-Date"), normalise("实付金额(元)")
    ('customerid', 'invoicedate', '实付金额')
    """
    name = re.sub(r"[(（\[【].*?[)）\]】]", "", str(name))
    return re.sub(r"[\s_\-./:#：]+", "", name.strip().lower())


_NORMALISED = {role: tuple(normalise(s) for s in words) for role, words in SYNONYMS.items()}


def propose(columns: list[str]) -> dict[str, str]:
    """The most likely column for each role (customer, date, amount, order, cost), from the header names.

    Exact matches (ignoring case, spaces and punctuation) come first, then columns whose
    name contains a known name; a column is used for one role only.

    Parameters
    ----------
    columns : list of str
        The file's column names.

    Returns
    -------
    dict
        Role → column name, for the roles that have a likely column.

    Examples
    --------
    >>> propose(["客户编号", "订单号", "下单时间", "商品", "实付金额"])
    {'customer': '客户编号', 'date': '下单时间', 'amount': '实付金额', 'order': '订单号'}
    >>> propose(["InvoiceNo", "StockCode", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID"])
    {'customer': 'CustomerID', 'date': 'InvoiceDate', 'order': 'InvoiceNo'}
    """
    keys = {c: normalise(c) for c in columns}
    used: set[str] = set()
    out: dict[str, str] = {}
    for role in ROLES:
        best: tuple[int, int] | None = None
        pick = None
        for pos, column in enumerate(columns):
            if column in used:
                continue
            key = keys[column]
            words = _NORMALISED[role]
            if key in words:
                rank = (words.index(key), pos)
            else:
                hits = [i for i, w in enumerate(words) if w not in _EXACT_ONLY and len(w) >= (3 if not w.isascii() else 4)
                        and w in key]
                if not hits:
                    continue
                rank = (1000 + min(hits), pos)
            if best is None or rank < best:
                best, pick = rank, column
        if pick is not None:
            out[role] = pick
            used.add(pick)
    return out
