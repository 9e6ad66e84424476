"""The capstone notebook runs by papermill on files the importer accepts, and its tier list reconciles with the input.

Five files, each written the way a different client would send it: an English CSV spanning two years,
a GBK CSV with Chinese headers and no cost column, an Excel workbook with a title row, a semicolon CSV
without cost or order id, and a short file (less than two periods). For each, the exported tier list
must hold every customer of the kept rows exactly once, its tiers must add up to the customers, and its
net values must add up to the amounts kept; the sections the file cannot support must say so.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import papermill as pm
import pytest

from helpers import capstone

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "12_capstone.ipynb"


def _transactions(seed: int, customers: int = 40, days: int = 730, rows: int = 400) -> pd.DataFrame:
    """Seeded transactions ending 2025-12-31: skewed customers, a few refunds."""
    rng = np.random.default_rng(seed)
    who = rng.choice(customers, size=rows, p=(w := rng.gamma(0.7, 1.0, customers)) / w.sum())
    day = pd.Timestamp("2025-12-31") - pd.to_timedelta(rng.integers(0, days, size=rows), unit="D")
    amount = np.round(rng.lognormal(5.0, 0.9, size=rows), 2)
    refund = rng.random(rows) < 0.04
    amount[refund] = -np.round(amount[refund] / 2, 2)
    frame = pd.DataFrame({"customer": [f"K{c:03d}" for c in who], "order": [f"S{i:05d}" for i in range(rows)],
                          "date": day + pd.to_timedelta(rng.integers(8 * 60, 20 * 60, size=rows), unit="min"),
                          "amount": amount})
    frame["cost"] = np.round(frame["amount"] * rng.uniform(0.5, 0.8, size=rows), 2)
    return frame.sort_values("date", kind="mergesort").reset_index(drop=True)


def _english_csv(folder: Path) -> tuple[Path, dict, pd.DataFrame]:
    tx = _transactions(1)
    out = tx.rename(columns={"customer": "Customer ID", "order": "Invoice", "date": "Order Date", "amount": "Total",
                             "cost": "COGS"})
    out["Order Date"] = out["Order Date"].dt.strftime("%Y-%m-%d %H:%M")
    path = folder / "orders_en.csv"
    out.to_csv(path, index=False)
    return path, {"customer": "Customer ID", "date": "Order Date", "amount": "Total", "cost": "COGS",
                  "order": "Invoice"}, tx


def _gbk_chinese(folder: Path) -> tuple[Path, dict, pd.DataFrame]:
    tx = _transactions(2, customers=30)
    names = {f"K{i:03d}": n for i, n in enumerate("张伟 王芳 李娜 刘洋 陈静 杨磊 赵敏 黄强 周杰 吴霞 徐亮 孙丽 胡军 朱红 高峰 林涛 "
                                                  "何平 郭勇 马超 罗兰 梁宇 宋佳 郑浩 谢婷 韩冰 唐宁 冯雪 于洋 董梅 萧然".split())}
    tx["customer"] = tx["customer"].map(names)
    out = pd.DataFrame({"会员名称": tx["customer"], "单号": tx["order"], "下单日期": tx["date"].dt.strftime("%Y/%m/%d"),
                        "实付金额": tx["amount"].map("{:,.2f}".format)})
    path = folder / "会员消费.csv"
    path.write_bytes(out.to_csv(index=False).encode("gbk"))
    return path, {"customer": "会员名称", "date": "下单日期", "amount": "实付金额", "cost": None, "order": "单号"}, tx


def _excel(folder: Path) -> tuple[Path, dict, pd.DataFrame]:
    tx = _transactions(3)
    out = tx.rename(columns={"customer": "客户编号", "order": "订单号", "date": "日期", "amount": "金额", "cost": "成本"})
    path = folder / "sales.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame([["销售明细"]]).to_excel(writer, sheet_name="明细", index=False, header=False)
        out.to_excel(writer, sheet_name="明细", index=False, startrow=2)
    return path, {"customer": "客户编号", "date": "日期", "amount": "金额", "cost": "成本", "order": "订单号"}, tx


def _semicolon_no_cost_no_order(folder: Path) -> tuple[Path, dict, pd.DataFrame]:
    tx = _transactions(4)
    out = pd.DataFrame({"client": tx["customer"], "jour": tx["date"].dt.strftime("%d/%m/%Y"),
                        "montant": tx["amount"].map(lambda v: f"{v:.2f}".replace(".", ","))})
    out.loc[len(out)] = ["", "", ""]  # a blank row at the end, which the importer reports
    path = folder / "ventes.csv"
    out.to_csv(path, index=False, sep=";")
    return path, {"customer": "client", "date": "jour", "amount": "montant", "cost": None, "order": None,
                  "dayfirst": True}, tx


def _short_span(folder: Path) -> tuple[Path, dict, pd.DataFrame]:
    tx = _transactions(5, days=200)
    out = tx.rename(columns={"customer": "customer_id", "order": "order_id", "date": "date", "amount": "revenue"})
    path = folder / "recent.csv"
    out.drop(columns="cost").to_csv(path, index=False)
    return path, {"customer": "customer_id", "date": "date", "amount": "revenue", "cost": None, "order": "order_id"}, tx


FILES = {"english_csv": _english_csv, "gbk_chinese": _gbk_chinese, "excel": _excel,
         "semicolon_no_cost": _semicolon_no_cost_no_order, "short_span": _short_span}


def run_capstone(make, tmp_path: Path, lang: str) -> tuple[nbformat.NotebookNode, pd.DataFrame, pd.DataFrame, Path]:
    path, columns, tx = make(tmp_path)
    out_dir = tmp_path / "exports"
    params = {"lang": lang, "path": str(path), "out_dir": str(out_dir), **columns}
    pm.execute_notebook(str(NOTEBOOK), str(tmp_path / "run.ipynb"), parameters=params, kernel_name="python3",
                        cwd=str(NOTEBOOK.parent), progress_bar=False, request_save_on_cell_execute=False)
    nb = nbformat.read(tmp_path / "run.ipynb", as_version=4)
    (folder,) = list(out_dir.iterdir())
    return nb, tx, capstone.read_tier_list(folder / "tier_list.csv"), folder


def outputs(nb: nbformat.NotebookNode) -> str:
    texts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            texts.append(out.get("text", "") + "".join(str(v) for k, v in out.get("data", {}).items()
                                                      if k.startswith("text/")))
    return "\n".join(texts)


def check_reconciles(make, tmp_path: Path, lang: str) -> tuple[nbformat.NotebookNode, str]:
    nb, tx, tiers, folder = run_capstone(make, tmp_path, lang)
    text = outputs(nb)
    assert "Traceback" not in text
    # every customer of the input once; the input has no row the importer should drop but the blank one
    assert tiers.index.is_unique
    assert sorted(tiers.index) == sorted(tx["customer"].unique())
    values = pd.to_numeric(tiers["value"])
    assert values.sum() == pytest.approx(tx["amount"].sum(), abs=0.01)
    expected = tx.groupby("customer")["amount"].sum()
    assert np.allclose(values.sort_index().to_numpy(), expected.sort_index().to_numpy(), atol=0.005)
    assert tiers["tier"].isin(["VIP", "regular", "potential"]).all()
    assert tiers["abc_class"].isin(["A", "B", "C"]).all()
    # the Excel file says the same
    xlsx = capstone.read_tier_list(folder / "tier_list.xlsx")
    assert xlsx.index.tolist() == tiers.index.tolist() and xlsx["tier"].tolist() == tiers["tier"].tolist()
    return nb, text


def _zh(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.mark.notebook
class TestEnglishCsvTwoYears:
    def test_reconciles_and_shows_migration_and_margin(self, tmp_path):
        nb, text = check_reconciles(_english_csv, tmp_path, "en")
        assert "moved up" in text and "Kotler" in text and "no cost column" not in text


@pytest.mark.notebook
class TestGbkChineseNoCost:
    def test_reconciles_in_chinese_and_skips_margin(self, tmp_path):
        nb, text = check_reconciles(_gbk_chinese, tmp_path, "zh")
        assert "文件中没有成本列" in text
        header = (next((tmp_path / "exports").iterdir()) / "tier_list.csv").read_bytes().decode("utf-8-sig")
        assert header.startswith("客户编号,ABC类别,RFM细分,客户等级") and "张伟" in header


@pytest.mark.notebook
class TestExcelWithTitleRow:
    def test_reconciles(self, tmp_path):
        nb, text = check_reconciles(_excel, tmp_path, "en")
        assert "header is row 3" in text


@pytest.mark.notebook
class TestSemicolonWithoutCostOrOrder:
    def test_reconciles_and_reports_the_blank_row(self, tmp_path):
        nb, text = check_reconciles(_semicolon_no_cost_no_order, tmp_path, "en")
        assert "empty row: 1 rows" in text
        assert "no cost column" in text and "no order id column" in text


@pytest.mark.notebook
class TestShortSpan:
    def test_reconciles_and_skips_migration(self, tmp_path):
        nb, text = check_reconciles(_short_span, tmp_path, "en")
        assert "so tier migration is left out" in text


def _english_csv_required_columns_only(folder: Path) -> tuple[Path, dict, pd.DataFrame]:
    path, columns, tx = _english_csv(folder)
    return path, {role: columns[role] for role in ("customer", "date", "amount")}, tx


@pytest.mark.notebook
class TestOnlyTheRequiredColumnsGiven:
    """A trainer passes path, customer, date and amount only: the kit's own export's optional column names
    must not leak into the call (the optional columns are found by the importer or left out)."""

    def test_reconciles(self, tmp_path):
        nb, text = check_reconciles(_english_csv_required_columns_only, tmp_path, "en")
        assert "订单编号" not in text and "成本(元)" not in text
