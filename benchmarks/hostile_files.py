"""Feed hostile results files of every class through the importer and print, per file,
the outcome, the time and the peak memory. Target: each is refused within 5 s and
under 300 MB, and nothing is written.

    .venv/bin/python benchmarks/hostile_files.py [--only NAME] [--cap-mb 1500]

The files are generated in a temporary folder. Each import runs in its own process
(`manage.py import_results`-like, not a dry run) under an address-space cap, against
a throwaway SQLite database loaded with the 2024 plan; the peak memory is that
process's maximum resident size. Figures go to stdout and to
benchmarks/results/hostile_files.md. The tests (tests/plan/test_import_hostile.py)
import the same generators."""

import argparse
import csv
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HEADER = ["ma_chi_tieu", "ky", "cap", "gia_tri", "ghi_chu", "nguon", "duong_dan_nguon", "ngay_thu_thap"]
GOOD = ["3.a.2", "2024-Q1", "", "95,5", "Ghi chú", "Cổng Dịch vụ công", "https://dichvucong.gov.vn/", "15/04/2024"]
MB = 1024 * 1024


def row(**changes):
    values = dict(zip(HEADER, GOOD, strict=True))
    values.update(changes)
    return values


def csv_file(folder, name, rows, header=HEADER, raw=False):
    """Comma-separated; `raw` writes the cells without quotes, as a careless export would."""
    path = folder / name
    with open(path, "w", encoding="utf-8", newline="") as handle:
        if raw:
            lines = [",".join(header)] + [",".join(r.get(h, "") for h in header) for r in rows]
            handle.write("\n".join(lines) + "\n")
        else:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows([r.get(h, "") for h in header] for r in rows)
    return path


def json_file(folder, name, data):
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else json.dumps(data, ensure_ascii=False).encode())
    return path


# A minimal XLSX: the parts openpyxl needs, with the sheet XML (and shared strings) given.
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
    'Target="sharedStrings.xml"/></Relationships>'
)
SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def inline_row(number, cells):
    """A sheet row of inline strings (or raw <c> XML for a cell given as a tuple)."""
    parts = []
    for index, value in enumerate(cells):
        ref = f"{chr(65 + index)}{number}"
        if isinstance(value, tuple):
            parts.append(f'<c r="{ref}" {value[0]}><v>{value[1]}</v></c>')
        elif value != "":
            parts.append(f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>')
    return f'<row r="{number}">{"".join(parts)}</row>'


def xlsx_file(folder, name, sheet_rows=(), dimension=None, shared_strings=None, sheet_xml=None, big_part=None):
    """big_part: (member name, chunk bytes, repeat) streamed into the archive."""
    path = folder / name
    if sheet_xml is None:
        rows = [inline_row(1, HEADER)] + [inline_row(n, cells) for n, cells in enumerate(sheet_rows, start=2)]
        dim = f'<dimension ref="{dimension}"/>' if dimension else ""
        sheet_xml = SHEET_HEAD + dim + "<sheetData>" + "".join(rows) + "</sheetData></worksheet>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        if big_part is None:
            shared = shared_strings or '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
            archive.writestr("xl/sharedStrings.xml", shared)
        else:
            member, head, chunk, repeat, tail = big_part
            info = zipfile.ZipInfo(member)
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w", force_zip64=True) as handle:
                handle.write(head)
                for _ in range(repeat):
                    handle.write(chunk)
                handle.write(tail)
    return path


def good_cells(**changes):
    values = row(**changes)
    return [values[h] for h in HEADER]


def cells_with(index, cell):
    cells = good_cells()
    cells[index] = cell
    return cells


SST = b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
HOSTILE = {
    # name: (maker(folder) -> path, what the refusal must say)
    "json-100000-ngoac-long-nhau": (
        lambda f: json_file(f, "deep.json", b"[" * 100_000 + b"]" * 100_000),
        "IMPORT_JSON_MAX_DEPTH",
    ),
    "json-so-4301-chu-so": (
        lambda f: json_file(f, "long-number.json", b'[{"ma_chi_tieu": "3.a.2", "gia_tri": ' + b"9" * 4301 + b"}]"),
        "IMPORT_JSON_MAX_NUMBER_CHARS",
    ),
    "json-nan": (lambda f: json_file(f, "nan.json", b'[{"ma_chi_tieu": "3.a.2", "gia_tri": NaN}]'), "NaN"),
    "json-ghi-chu-co-nul": (lambda f: json_file(f, "nul.json", [row(ghi_chu="a\x00b")]), "NUL"),
    "json-ghi-chu-19-mb": (
        lambda f: json_file(f, "huge-note.json", [row(ghi_chu="a" * (19 * MB))]),
        "IMPORT_MAX_FIELD_CHARS",
    ),
    "json-ky-2025-01": (lambda f: json_file(f, "2025.json", [row(ky="2025-01")]), "năm 2024"),
    "xlsx-khai-bao-A1-XFD1048576": (
        lambda f: xlsx_file(f, "dimension.xlsx", [good_cells()], dimension="A1:XFD1048576"),
        "IMPORT_MAX_ROWS",
    ),
    "xlsx-bom-nen-300-mb": (
        lambda f: xlsx_file(
            f,
            "bomb.xlsx",
            big_part=("xl/sharedStrings.xml", SST + b"<si><t>", b"a" * MB, 300, b"</t></si></sst>"),
        ),
        "IMPORT_XLSX_MAX_UNCOMPRESSED_BYTES",
    ),
    "xlsx-o-XFD1048576-khong-khai-bao": (
        lambda f: xlsx_file(
            f,
            "far-cell.xlsx",
            sheet_xml=SHEET_HEAD
            + "<sheetData>"
            + inline_row(1, HEADER)
            + '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>',
        ),
        "IMPORT_MAX_ROWS",
    ),
    "xlsx-mot-chuoi-chung-100-mb": (
        lambda f: xlsx_file(
            f,
            "shared.xlsx",
            [[('t="s"', 0)]],
            big_part=("xl/sharedStrings.xml", SST + b"<si><t>", b"a" * MB, 100, b"</t></si></sst>"),
        ),
        "IMPORT_XLSX_MAX_RATIO",
    ),
    "xlsx-o-nan": (
        lambda f: xlsx_file(f, "nan.xlsx", [cells_with(3, ('t="n"', "NaN"))]),
        "ô không đọc được",
    ),
    "xlsx-o-vo-cuc": (lambda f: xlsx_file(f, "inf.xlsx", [cells_with(3, ('t="n"', "1E+999"))]), "vô cực"),
    "xlsx-chi-so-chuoi-sai": (
        lambda f: xlsx_file(f, "bad-index.xlsx", [cells_with(3, ('t="s"', 999))]),
        "ô không đọc được",
    ),
    "xlsx-ngay-sai": (
        lambda f: xlsx_file(f, "bad-date.xlsx", [cells_with(7, ('t="d"', "khong-phai-ngay"))]),
        "ô không đọc được",
    ),
    "xlsx-doctype-entity": (
        lambda f: xlsx_file(
            f,
            "entities.xlsx",
            sheet_xml='<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            + SHEET_HEAD[SHEET_HEAD.index("<worksheet") :]
            + "<sheetData/></worksheet>",
        ),
        "DOCTYPE",
    ),
    "csv-93,4-khong-ngoac-kep": (
        lambda f: csv_file(f, "comma.csv", [row(gia_tri="93,4", ghi_chu="")], raw=True),
        "ngoặc kép",
    ),
    "csv-ghi-chu-co-nul": (lambda f: csv_file(f, "nul.csv", [row(ghi_chu="a\x00b")]), "NUL"),
    "csv-ghi-chu-19-mb": (lambda f: csv_file(f, "huge.csv", [row(ghi_chu="a" * (19 * MB))]), "IMPORT_MAX_FIELD_CHARS"),
    "csv-chu-so-a-rap": (lambda f: csv_file(f, "digits.csv", [row(gia_tri="٩٥")]), "không phải 0–9"),
    "csv-ky-2100-12": (lambda f: csv_file(f, "2100.csv", [row(ky="2100-12")]), "năm 2024"),
    "csv-300-cot": (
        lambda f: csv_file(f, "columns.csv", [row()], header=HEADER + [f"c{n}" for n in range(300)]),
        "IMPORT_MAX_COLUMNS",
    ),
    "csv-250000-dong": (lambda f: csv_file(f, "rows.csv", [row()] * 250_000), "IMPORT_MAX_ROWS"),
}


# Running ----------------------------------------------------------------------------


def child(path, file_format):
    """Runs in the capped process: import the file (not a dry run) and print the outcome."""
    import django

    django.setup()
    from plan.results.importer import import_file
    from plan.results.readers import ReadError

    start = time.perf_counter()
    try:
        report = import_file(path, file_format, today=date(2025, 6, 30))
        outcome = {"refused": not report.ok, "message": str(report.errors[0]) if report.errors else "đã ghi"}
    except ReadError as error:
        outcome = {"refused": True, "message": str(error)}
    outcome["seconds"] = time.perf_counter() - start
    print(json.dumps(outcome, ensure_ascii=False))


def prepare_database(folder):
    database = folder / "hostile.sqlite3"
    env = environment(database)
    for command in (["migrate", "--no-input", "-v", "0"], ["load_plan", "-v", "0"]):
        subprocess.run([sys.executable, str(REPO / "manage.py"), *command], env=env, check=True, cwd=REPO)
    return env


def environment(database):
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{database}", DJANGO_SETTINGS_MODULE="config.settings.dev")
    env["PYTHONPATH"] = str(REPO)
    return env


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", help="run only the files whose name contains this")
    parser.add_argument("--cap-mb", type=int, default=1500, help="address-space cap of each import process")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(*args.child)
    sys.path.insert(0, str(REPO))
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print("Chuẩn bị cơ sở dữ liệu SQLite tạm với kế hoạch 2024…", flush=True)
        env = prepare_database(folder)
        header = "| tệp | cỡ | kết quả | nhập (s) | cả tiến trình (s) | bộ nhớ đỉnh (MB) | đạt (< 5 s, < 300 MB) |"
        lines += [header, "| --- | ---: | --- | ---: | ---: | ---: | --- |"]
        print(header, flush=True)
        failures = 0
        for name, (maker, expected) in HOSTILE.items():
            if args.only and args.only not in name:
                continue
            path = maker(folder)
            size = path.stat().st_size
            result = measure(path, env, args.cap_mb * MB)
            outcome, seconds, elapsed, peak = result
            passed = outcome.startswith("từ chối") and expected in outcome and seconds < 5 and peak < 300
            failures += not passed
            lines.append(
                f"| {name} | {size / 1024:,.0f} KB | {outcome[:170]} | {seconds:.2f} | {elapsed:.2f} | {peak:.0f} | "
                f"{'có' if passed else 'KHÔNG'} |"
            )
            print(lines[-1], flush=True)
            path.unlink()
        written = written_rows(env)
        lines.append("")
        lines.append(f"Số kết quả và dòng lịch sử trong cơ sở dữ liệu sau mọi lần nhập: {written} (phải là 0).")
        print(lines[-1])
    output = REPO / "benchmarks" / "results" / "hostile_files.md"
    intro = [
        "# Tệp độc hại qua bộ nhập kết quả",
        "",
        f"`benchmarks/hostile_files.py`, {date.today().isoformat()}, SQLite, mỗi lần nhập một tiến trình "
        f"giới hạn {args.cap_mb} MB không gian địa chỉ; bộ nhớ đỉnh = kích thước thường trú lớn nhất của tiến trình "
        "(gồm cả Django đã nạp).",
        "",
    ]
    if not args.only:
        output.write_text("\n".join(intro + lines) + "\n", encoding="utf-8")
        print(f"→ {output.relative_to(REPO)}")
    if failures or written:
        raise SystemExit(1)


def measure(path, env, cap_bytes):
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (cap_bytes, cap_bytes))

    file_format = {"txt": "csv"}.get(path.suffix[1:], path.suffix[1:])
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", str(path), file_format],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        preexec_fn=limit,
    )
    out = io.BytesIO(process.stdout.read())
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    text = out.getvalue().decode("utf-8", "replace").strip().splitlines()
    if process.returncode != 0 or not text:
        return f"tiến trình lỗi (mã {process.returncode})", elapsed, elapsed, usage.ru_maxrss / 1024
    outcome = json.loads(text[-1])
    label = "từ chối: " if outcome["refused"] else "CHẤP NHẬN: "
    message = label + outcome["message"].replace("|", "/")
    return message, outcome["seconds"], elapsed, usage.ru_maxrss / 1024


def written_rows(env):
    code = (
        "import django; django.setup(); from plan.models import Result, ResultHistory; "
        "print(Result.objects.count() + ResultHistory.objects.count())"
    )
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO, capture_output=True, text=True, check=True)
    return int(done.stdout.strip())


if __name__ == "__main__":
    main()
