"""What kind of file this is, how its text is encoded, its separator, and which row holds the header.

Everything here looks at a **sample** (the first 64 KiB of text, the first 60 rows of a
sheet); only the UTF-8 check reads the whole file, in chunks, so a file that turns
out not to be UTF-8 on row 900,000 is still caught and named.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from helpers.io._words import WORDS
from helpers.io.report import DataError

#: Encodings tried when a file is not UTF-8, in order of preference on a tie (others: pass ``encoding=``).
CANDIDATE_ENCODINGS: tuple[str, ...] = ("gb18030", "big5", "cp1252")
SEPARATORS: tuple[str, ...] = (",", ";", "\t", "|")
_SAMPLE_BYTES = 1 << 16
_ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with BOM", "utf-16": "UTF-16", "gb18030": "GB18030 (GBK)",
                   "big5": "Big5", "cp1252": "Windows-1252 (cp1252)", "shift_jis": "Shift-JIS", "euc_kr": "EUC-KR"}
#: Words that appear in headers of Chinese exports: decoding that shows them is the right decoding.
_HEADER_HINTS = ("客户", "顾客", "会员", "订单", "日期", "时间", "金额", "实付", "销售", "编号", "名称", "数量", "单价",
                 "Customer", "Date", "Amount", "Invoice", "Order") + WORDS["hints"]


def encoding_label(encoding: str) -> str:
    """A readable name for a Python codec name.

    Parameters
    ----------
    encoding : str

    Returns
    -------
    str

    Examples
    --------
    >>> encoding_label("gb18030"), encoding_label("utf-8-sig")
    ('GB18030 (GBK)', 'UTF-8 with BOM')
    """
    return _ENCODING_NAMES.get(encoding, encoding)


def file_kind(path: Path) -> str:
    """``"text"``, ``"gzip"`` (gzip-compressed text) or ``"xlsx"``, from the file's first bytes; refuse the rest.

    Parameters
    ----------
    path : Path
        The file (its name is used only in messages: a PDF renamed .csv is still a PDF).

    Returns
    -------
    str

    Raises
    ------
    DataError
        For a folder, an empty file, a PDF, a zip that is not an Excel workbook, an old
        ``.xls`` workbook, an HTML page, an image or other binary data.

    Examples
    --------
    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "orders.csv"
    >>> _ = p.write_bytes(b"%PDF-1.7 ...")
    >>> file_kind(p)
    Traceback (most recent call last):
    ...
    helpers.io.report.DataError: orders.csv: this is a PDF document, not a table. Export the data from your system as CSV or Excel (.xlsx) and pass that file.
    """
    name = path.name
    if path.is_dir():
        tables = sorted(p.name for p in path.iterdir() if p.suffix.lower() in (".csv", ".xlsx", ".txt", ".tsv"))[:5]
        hint = f" It holds {tables}; pass one of them, e.g. {str(path / tables[0])!r}." if tables else ""
        raise DataError(f"{name}: is a folder, not a file.{hint} Pass the path of the CSV or Excel file itself.")
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        raise DataError(f"{name}: cannot be opened ({exc.strerror or exc}). Check the file is not open in another "
                        "program and that you may read it.") from exc
    if not head:
        raise DataError(f"{name}: the file is empty (0 bytes). Export the data again; the export may have failed.",
                        zh=f"{name}：文件是空的（0 字节）。请重新导出数据，上次导出可能没有成功。")
    if head.startswith(b"%PDF"):
        raise DataError(f"{name}: this is a PDF document, not a table. Export the data from your system as CSV or "
                        "Excel (.xlsx) and pass that file.",
                        zh=f"{name}：这是 PDF 文档，不是表格。请从系统中把数据导出为 CSV 或 Excel（.xlsx）文件再使用。")
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(path) as z:
                names = z.namelist()
        except (zipfile.BadZipFile, OSError) as exc:
            raise DataError(f"{name}: looks like a zip archive or Excel workbook but is damaged ({exc}). Export it "
                            "again.") from exc
        if any(n.startswith("xl/") for n in names):
            return "xlsx"
        raise DataError(f"{name}: this is a zip archive ({len(names)} files inside, e.g. {names[:3]}), not a table. "
                        "Unzip it and pass the CSV or Excel file inside.",
                        zh=f"{name}：这是压缩包（内含 {len(names)} 个文件，例如 {names[:3]}），不是表格。请先解压，再使用其中的 "
                           "CSV 或 Excel 文件。")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise DataError(f"{name}: this is an old Excel 97–2003 workbook (.xls). Open it in Excel or WPS and save it "
                        "as .xlsx (Excel workbook) or CSV, then pass that file.",
                        zh=f"{name}：这是旧版 Excel 97–2003 工作簿（.xls）。请用 Excel 或 WPS 打开，另存为 .xlsx（Excel "
                           "工作簿）或 CSV 后再使用。")
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<html", b"<!doctype html", b"<table", b"<?xml")):
        raise DataError(f"{name}: this is a web page or XML file saved under a table's name (some systems export "
                        "'Excel' files this way). Open it in Excel or WPS and save it as .xlsx or CSV, then pass that file.",
                        zh=f"{name}：这是以表格文件名保存的网页或 XML 文件（有些系统这样导出“Excel”）。请用 Excel 或 WPS "
                           "打开，另存为 .xlsx 或 CSV 后再使用。")
    for magic, what in ((b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
                        (b"7z\xbc\xaf", "a 7-Zip archive"), (b"Rar!", "a RAR archive"), (b"SQLite format", "a SQLite database")):
        if head.startswith(magic):
            what_zh = {"a PNG image": "PNG 图片", "a JPEG image": "JPEG 图片", "a GIF image": "GIF 图片",
                       "a 7-Zip archive": "7-Zip 压缩包", "a RAR archive": "RAR 压缩包",
                       "a SQLite database": "SQLite 数据库"}[what]
            raise DataError(f"{name}: this is {what}, not a table. Pass the CSV or Excel export of the transactions.",
                            zh=f"{name}：这是{what_zh}，不是表格。请使用交易记录的 CSV 或 Excel 导出文件。")
    control = sum(head.count(bytes([b])) for b in (*range(0, 9), *range(14, 27), *range(28, 32)))
    if not head.startswith((b"\xff\xfe", b"\xfe\xff")) and control > len(head) // 200:
        raise DataError(f"{name}: this is binary data, not a text table (CSV) or Excel workbook. Export the "
                        "transactions as CSV or .xlsx and pass that file.",
                        zh=f"{name}：这是二进制数据，不是文本表格（CSV）或 Excel 工作簿。请把交易记录导出为 CSV 或 .xlsx "
                           "文件再使用。")
    return "text"


def read_sample(path: Path, kind: str, size: int = _SAMPLE_BYTES) -> bytes:
    """The first ``size`` bytes of the (decompressed) file.

    Parameters
    ----------
    path : Path
    kind : {"text", "gzip"}
    size : int

    Returns
    -------
    bytes

    Examples
    --------
    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "a.csv"
    >>> _ = p.write_bytes(b"a,b\\n1,2\\n")
    >>> read_sample(p, "text")
    b'a,b\\n1,2\\n'
    """
    opener = gzip.open if kind == "gzip" else open
    try:
        with opener(path, "rb") as fh:
            return fh.read(size)
    except (OSError, EOFError, zlib.error) as exc:
        raise DataError(f"{path.name}: cannot be read ({exc}). The file may be damaged; export it again.") from exc


def _utf8_failure(path: Path, kind: str, skip_bom: bool) -> tuple[int, int] | None:
    """(byte offset, line number) of the first byte that is not UTF-8, or None when the whole file is UTF-8."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    opener = gzip.open if kind == "gzip" else open
    offset, lines = 0, 1
    with opener(path, "rb") as fh:
        if skip_bom:
            fh.read(3)
            offset = 3
        while chunk := fh.read(1 << 22):
            if chunk.isascii():
                if decoder.getstate()[0]:  # a character cut short by the chunk boundary, then ASCII
                    return offset, lines
                offset += len(chunk)
                lines += chunk.count(b"\n")
                continue
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                return offset + exc.start, lines + chunk.count(b"\n", 0, exc.start)
            offset += len(chunk)
            lines += chunk.count(b"\n")
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return offset, lines
    return None


def _whole_lines(data: bytes, at_end: bool) -> bytes:
    """``data`` cut after its last line break (so no character is cut in two), unless it is the file's end."""
    if at_end or b"\n" not in data:
        return data
    return data[: data.rfind(b"\n") + 1]


#: Common Chinese characters, simplified here and traditional in words.txt (names, goods, places, header words).
#: Text decoded with the wrong one of GB18030 and Big5 turns into rarer characters.
_COMMON_HAN = set(
    "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好"
    "都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此"
    "实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真"
    "听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路"
    "期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统"
    "色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半"
    "候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容"
    "研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切客户订号额编"
    "售价格购买付款支退货陈林黄吴赵孙周徐朱胡郭何罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏"
    "钟汪田任姜范方石姚谭廖邹熊金陆郝孔崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文芳伟娜秀英敏静丽强磊军洋勇艳杰"
    "娟涛明超霞平刚桂茶叶具衣服装鞋包食品饮料酒水果蔬菜米油电器家居日用百货店铺超市旗舰"
    ) | set(WORDS["common"])


def _plausibility(text: str) -> int:
    """Common characters count for a decoding, characters that text seldom holds count against it."""
    score = 0
    for i, ch in enumerate(text):
        if ch.isascii():
            continue
        o = ord(ch)
        if ch in _COMMON_HAN:
            score += 2  # a Chinese character takes two bytes, as two accented letters would
        elif ch in "￥¥€£°·—“”‘’，。：；、（）《》【】！？":
            score += 1
        elif 0xC0 <= o <= 0xFF and o not in (0xD7, 0xF7):
            # an accented letter among plain ones (Müller, Zoë); runs of them (ÍõÎå) are Chinese read as cp1252
            alone = (i == 0 or text[i - 1].isascii()) and (i + 1 == len(text) or text[i + 1].isascii())
            score += 1 if alone else -1
        elif 0x80 <= o <= 0x9F or 0xA1 <= o <= 0xBF or 0x2500 <= o <= 0x259F or 0x3100 <= o <= 0x312F or \
                0xE000 <= o <= 0xF8FF or 0xFF61 <= o <= 0xFF9F or 0x0300 <= o <= 0x036F:
            score -= 3
    return score


def _score(text: str, names: tuple[str, ...]) -> int:
    head = text[:4000]
    return (100 * sum(1 for n in names if n and not n.isascii() and n in head)
            + 10 * sum(1 for h in _HEADER_HINTS if not h.isascii() and h in head) + _plausibility(text[:20000]))


def detect_encoding(path: Path, kind: str, sample: bytes, encoding: str | None = None,
                    names: tuple[str, ...] = (), whole_file: bool = True) -> tuple[str, str, str]:
    """The encoding to read the file with, and a note (English, Chinese) saying how it was chosen.

    UTF-8 (with or without BOM) is checked over the whole file; otherwise the
    candidates (GB18030/GBK, Big5, cp1252, Shift-JIS, EUC-KR) are ranked on a sample by
    the column names the caller gave, common header words, and charset-normalizer.

    Parameters
    ----------
    path : Path
    kind : "text" or "gzip"
    sample : bytes
        The first bytes of the file.
    encoding : str, optional
        The encoding to use (checked to exist), e.g. ``"gbk"``.
    names : tuple of str
        Column names the caller expects in the header (they help tell GBK from Big5).
    whole_file : bool
        Check UTF-8 over the whole file (True) or over the sample only (the fast reader
        checks the rest as it reads; on failure the caller asks again with True).

    Returns
    -------
    (encoding, note_en, note_zh)

    Examples
    --------
    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "cn.csv"
    >>> _ = p.write_bytes("客户编号,订单日期,实付金额\\nC1,2024-03-05,12\\n".encode("gbk"))
    >>> detect_encoding(p, "text", p.read_bytes())[0]
    'gb18030'
    """
    if encoding is not None:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError as exc:
            raise DataError(f"{path.name}: encoding={encoding!r} is not an encoding Python knows; try 'utf-8', "
                            "'gb18030' (GBK), 'big5' or 'cp1252'.") from exc
        return codec, f"read as {encoding_label(codec)} (encoding= given)", f"按 {encoding_label(codec)} 编码读取（由 encoding= 指定）"
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", "the file is UTF-16 (it starts with a byte-order mark)", "文件为 UTF-16 编码（以字节顺序标记开头）"
    bom = sample.startswith(b"\xef\xbb\xbf")
    if whole_file:
        failure = _utf8_failure(path, kind, bom)
    else:
        try:
            codecs.getincrementaldecoder("utf-8")().decode(sample[3:] if bom else sample, final=False)
            failure = None
        except UnicodeDecodeError as exc:
            start = exc.start + (3 if bom else 0)
            failure = (start, 1 + sample.count(b"\n", 0, start))
    if failure is None:
        if bom:
            return "utf-8-sig", "the file is UTF-8 with a byte-order mark (BOM)", "文件为带 BOM 的 UTF-8 编码"
        return "utf-8", "the file is UTF-8", "文件为 UTF-8 编码"
    offset, line = failure
    if bom:
        raise DataError(f"{path.name}: the file says it is UTF-8 (it starts with a byte-order mark) but row {line} "
                        "has bytes that are not UTF-8. Save it again as 'CSV UTF-8', or pass encoding= with the "
                        "encoding it really uses (e.g. encoding='gb18030').")
    probe = _whole_lines(sample, at_end=len(sample) < _SAMPLE_BYTES)
    if offset >= len(probe):  # the first non-UTF-8 byte lies beyond the sample: look at the lines around it
        with (gzip.open if kind == "gzip" else open)(path, "rb") as fh:
            start = max(0, offset - 2048)
            fh.seek(start)
            tail = fh.read(1 << 15)
        at_end = len(tail) < 1 << 15
        tail = tail[tail.find(b"\n") + 1:] if start > 0 else tail
        probe = probe + _whole_lines(tail, at_end)
    scores: dict[str, int] = {}
    for candidate in CANDIDATE_ENCODINGS:
        try:
            scores[candidate] = _score(probe.decode(candidate, errors="strict"), names)
        except UnicodeDecodeError:
            continue
    if not scores:
        raise DataError(f"{path.name}: row {line} has bytes that are neither UTF-8 nor GB18030, Big5 or cp1252. "
                        "Save the file as 'CSV UTF-8' or pass encoding= with the encoding it uses.")
    best = max(scores.values())
    chosen = [c for c in CANDIDATE_ENCODINGS if scores.get(c) == best]
    how_en, how_zh = "its text reads as the most plausible names and words", "用它读出的列名与文字最合理"
    if len(chosen) > 1:
        try:
            from charset_normalizer import from_bytes

            match = from_bytes(probe, cp_isolation=list(chosen or scores)).best()
        except Exception:  # the detector is a guess: never let it stop the read
            match = None
        guess = match.encoding.replace("_", "-").lower() if match is not None else ""
        guess = {"gbk": "gb18030", "gb2312": "gb18030", "windows-1252": "cp1252"}.get(guess, guess)
        chosen = [guess] if guess in scores else chosen
        how_en, how_zh = "charset-normalizer's guess from a sample", "charset-normalizer 根据样本判断"
    codec = chosen[0]
    return (codec, f"the file is not UTF-8 (row {line} is not); read as {encoding_label(codec)} ({how_en}); "
                   "pass encoding= if names or text look garbled",
            f"文件不是 UTF-8 编码（第 {line} 行不是）；按 {encoding_label(codec)} 读取（{how_zh}）；如文字乱码请用 encoding= 指定")


@dataclass
class Layout:
    """Where the table is in a text file or sheet: separator, header row, column names.

    Parameters
    ----------
    sep : str or None
        The separator (None for a sheet).
    header_line : int
        File row of the header.
    names : list of str
        Column names (unnamed columns are ``column_<k>``).
    records_before_data : int
        Records up to and including the header.
    width : int
        Number of columns.
    padded : list of str
        Names made up for columns the header does not name.
    notes : list of (English, Chinese)
    header_fields : int
        Columns the header names.

    Examples
    --------
    >>> find_layout("Report\\n\\nid;amount\\n1;2,5\\n2;3\\n", source="x.csv").header_line
    3
    """

    sep: str | None
    header_line: int
    names: list[str]
    records_before_data: int
    width: int
    padded: list[str] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    header_fields: int = 0


_VALUE = re.compile(r"^[\s\-+(（]*[¥￥$€£]?[\d.,:/\s年月日时分秒\-+TZ]*\d[\d.,:/\s年月日时分秒\-+TZ]*[)）元]?$")


def _looks_like_value(cell: object) -> bool:
    if cell is None:
        return False
    if not isinstance(cell, str):
        return True  # numbers and dates in a sheet
    return bool(_VALUE.match(cell.strip()))


def _records(text: str, sep: str) -> list[tuple[int, int, list[str]]]:
    """(first line, last line, fields) of each record of the sample, via the csv module."""
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    out: list[tuple[int, int, list[str]]] = []
    last = 0
    try:
        for fields in reader:
            out.append((last + 1, reader.line_num, fields))
            last = reader.line_num
            if len(out) >= 400:
                break
    except csv.Error:
        pass
    if out and not text.endswith(("\n", "\r")) and len(text) >= _SAMPLE_BYTES // 2:
        out.pop()  # the sample may cut the last record short
    return out


def _header_from(records: list[tuple[int, int, list]], width: int, header_row: int | None, source: str,
                 sheet_note: str = "") -> tuple[int, list, int]:
    """(index into records, header cells, record count before the data) for the header row."""
    if header_row is not None:
        for k, (first, _last, fields) in enumerate(records):
            if first == header_row:
                return k, fields, k + 1
        raise DataError(f"{source}: header_row={header_row} is not a row of the file{sheet_note} (or lies beyond the "
                        f"first {records[-1][1] if records else 0} rows looked at). Pass the row number an editor or "
                        "Excel shows for the row with the column names.")
    for k, (first, _last, fields) in enumerate(records):
        filled = [c for c in fields if c is not None and str(c).strip() != ""]
        if len(filled) < max(2, (width + 1) // 2):
            continue
        if sum(_looks_like_value(c) for c in filled) > len(filled) // 2:
            shown = [str(c) for c in filled[:6]]
            raise DataError(f"{source}: no header row found{sheet_note}: row {first} already holds values {shown}. "
                            "Add a first row with the column names, or pass header_row= with the row that has them.",
                            zh=f"{source}：找不到列名行{sheet_note}：第 {first} 行已经是数据 {shown}。请在第一行加上列名，"
                               "或用 header_row= 指定列名所在的行。")
        return k, fields, k + 1
    raise DataError(f"{source}: no header row found{sheet_note} in the first {records[-1][1] if records else 0} rows "
                    "(no row has names for most columns). Pass header_row= with the row number that holds the column "
                    "names.",
                    zh=f"{source}：前 {records[-1][1] if records else 0} 行里找不到列名行{sheet_note}（没有一行给大多数列"
                       "写了名称）。请用 header_row= 指定列名所在的行号。")


def _names(cells: list, width: int) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    names: list[str] = []
    notes: list[tuple[str, str]] = []
    for i in range(width):
        cell = cells[i] if i < len(cells) else None
        name = "" if cell is None else str(cell).strip().lstrip("\ufeff")
        names.append(name or f"column_{i + 1}")
    padded = [n for i, n in enumerate(names) if i >= len(cells) or not str(cells[i] or "").strip()]
    seen: dict[str, int] = {}
    for i, name in enumerate(names):
        if name in seen:
            seen[name] += 1
            new = f"{name}.{seen[name]}"
            notes.append((f"the header has {name!r} twice; the second is called {new!r}",
                          f"表头中“{name}”出现两次，第二个称为“{new}”"))
            names[i] = new
        else:
            seen[name] = 0
    return names, padded, notes


def find_layout(text: str, *, source: str, sep: str | None = None, header_row: int | None = None) -> Layout:
    """Separator, header row and column names of a text table, from a decoded sample.

    The separator is the one of ``, ; TAB |`` that splits most rows into the same number
    (≥ 2) of fields; the header is the first row with names (not numbers or dates) in
    at least half of the columns, so title rows and blank rows above it are skipped.

    Parameters
    ----------
    text : str
        The start of the file, decoded.
    source : str
        The file's name, for messages.
    sep : str, optional
        The separator, when known.
    header_row : int, optional
        The row (1 = first line of the file) that holds the column names.

    Returns
    -------
    Layout

    Raises
    ------
    DataError
        If no separator splits the rows, or no header row can be found.

    Examples
    --------
    >>> lay = find_layout("Sales 2024\\n\\nClient,Day,Paid\\nA,2024-01-05,10\\n", source="x.csv")
    >>> lay.sep, lay.header_line, lay.names
    (',', 3, ['Client', 'Day', 'Paid'])
    """
    text = text.lstrip("\ufeff")
    best: tuple[int, int] = (-1, -1)
    chosen: tuple[str, list, int] | None = None
    for candidate in ([sep] if sep else SEPARATORS):
        records = _records(text, candidate)
        widths = [len(f) for _, _, f in records if len(f) >= 2]
        if not widths:
            continue
        width = max(set(widths), key=lambda w: (widths.count(w), w))
        score = (widths.count(width), width)
        if score > best:
            best, chosen = score, (candidate, records, width)
    if chosen is None:
        first = next((line for line in text.splitlines() if line.strip()), "")
        raise DataError(f"{source}: every row has a single column (first row: {first[:80]!r}), so the separator "
                        f"is not one of , ; TAB |. Pass sep= with the character between the columns"
                        + (", or pass the right sep=" if sep else "") + ".",
                        zh=f"{source}：每一行都只有一列（第一行：{first[:80]!r}），所以列之间的分隔符不是“, ; TAB |”"
                           "中的任何一个。请用 sep= 指定分隔列的字符。")
    sep_, records, width = chosen
    k, cells, before = _header_from(records, width, header_row, source)
    last_named = max((i + 1 for i, c in enumerate(cells) if str(c).strip()), default=0)
    data_widths = [len(f) for _, _, f in records[k + 1:] if any(c.strip() for c in f)]
    total = max([last_named, width] + data_widths[:200])
    names, padded, notes = _names(cells, total)
    return Layout(sep_, records[k][0], names, before, total, padded, notes, last_named)


def find_sheet_layout(rows: list[tuple], *, source: str, header_row: int | None = None, sheet_note: str = "") -> Layout:
    """Header row and column names of a sheet, from its first rows (row 1 = Excel's row 1).

    Parameters
    ----------
    rows : list of tuples
        Cell values of the first rows, Excel row 1 first (None for an empty cell).
    source : str
        The file's name, for messages.
    header_row : int, optional
        The Excel row number with the column names.
    sheet_note : str
        Text naming the sheet, for messages.

    Returns
    -------
    Layout

    Examples
    --------
    >>> find_sheet_layout([("Orders 2024", None), (None, None), ("客户", "金额"), ("C1", 5)], source="x.xlsx").names
    ['客户', '金额']
    """
    records = [(i + 1, i + 1, list(r)) for i, r in enumerate(rows)]
    widths = [sum(1 for c in r if c is not None and str(c).strip() != "") for _, _, r in records]
    width = max([w for w in widths if w >= 2] or [0])
    if width == 0:
        raise DataError(f"{source}: the sheet{sheet_note} has no table (no row has two or more filled cells in the "
                        f"first {len(rows)} rows). Pass sheet= with the sheet that holds the transactions.")
    k, cells, before = _header_from(records, width, header_row, source, sheet_note)
    last_named = max((i + 1 for i, c in enumerate(cells) if c is not None and str(c).strip()), default=0)
    names, padded, notes = _names(list(cells), last_named)
    return Layout(None, records[k][0], names, before, last_named, padded, notes, last_named)
