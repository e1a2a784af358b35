"""PostgreSQL's import stages the rows with COPY (plan/results/staging.py), SQLite's
compares them in batches (plan/results/batches.py); on PostgreSQL a CSV file's codes are
read first and each part of the file is written while a thread checks the next
(plan/results/parts.py). The same files give the same rows, history, corrections, stored
state and reports on every path: a sequence of files (new rows, an illustrative figure
made real, absent optional columns, a refused correction, a reason, cleared values, text
COPY must escape, errors) runs on each database, and on PostgreSQL through all three
paths, the parts made of two rows so that a file spans several."""

import csv
import json
import sys
import threading
from datetime import date
from decimal import Decimal as D

import pytest
from django.db import connection, transaction

from plan.models import Indicator, Result, ResultHistory
from plan.results import batches, importer, parts, staging
from plan.results.errors import ReadError
from plan.results.importer import import_file, import_rows
from plan.results.report import report_to_json
from plan.vocabulary import IndicatorStatus, ResultOrigin

pytestmark = pytest.mark.django_db
TODAY = date(2025, 2, 1)
CODES = ("3.a.2", "3.a.8.2", "7.a.3.2", "7.a.1")
FULL = ["ma_chi_tieu", "ky", "cap", "gia_tri", "ghi_chu", "nguon", "duong_dan_nguon", "ngay_thu_thap"]
FULL += ["du_lieu_minh_hoa"]
SHORT = ["ma_chi_tieu", "ky", "gia_tri", "nguon", "ngay_thu_thap"]
TRICKY_NOTE = 'Dòng một\nDòng hai\t"trích" \\N, \\ và ; cuối'
FILES = [
    (  # new rows; the illustrative figure made real; a note changed with the same value
        FULL,
        [
            ["3.a.2", "2024-Q1", "", "96", "", "Cổng Dịch vụ công", "", "15/04/2024", "không"],
            ["3.a.2", "2024-Q2", "", "80", "Ghi chú mới", "Cổng Dịch vụ công", "https://a.example/", "10/07/2024", ""],
            ["3.a.8.2", "2024-H1", "", "14", TRICKY_NOTE, "Khảo sát", "", "2024-07-10", ""],
            ["7.a.3.2", "2024", "huyện", "76,25", "", "Báo cáo CCHC", "", "20/01/2025", "có"],
            ["7.a.1", "2024", "", "hoàn thành", "", "Báo cáo CCHC", "", "20/01/2025", ""],
        ],
        "",
    ),
    (  # a real figure changed without a reason: refused, nothing written
        SHORT,
        [
            ["3.a.2", "2024-Q2", "85", "Cổng Dịch vụ công", "10/07/2024"],
            ["3.a.8.2", "2024-H1", "14", "Khảo sát", "10/07/2024"],
        ],
        "",
    ),
    (  # the same with the import's reason; the absent optional columns keep what is stored
        SHORT,
        [
            ["3.a.2", "2024-Q2", "85", "Cổng Dịch vụ công", "10/07/2024"],
            ["3.a.8.2", "2024-H1", "14", "Khảo sát", "10/07/2024"],
        ],
        "Số liệu chốt cuối năm.",
    ),
    (  # a row's reason; a note and an address cleared; an illustrative figure changed
        [*FULL, "ly_do_sua"],
        [
            ["3.a.2", "2024-Q2", "", "86", "", "Cổng Dịch vụ công", "", "10/07/2024", "", "Đính chính của Sở."],
            ["7.a.3.2", "2024", "huyện", "77", "", "Báo cáo CCHC", "", "20/01/2025", "có", ""],
        ],
        "",
    ),
    (  # errors: listed by row number, whichever step found them; nothing written
        FULL,
        [
            ["3.a.2", "2024-Q4", "", "90", "", "Cổng Dịch vụ công", "", "15/01/2025", ""],
            ["3.a.2", "2024-Q1", "", "99", "", "Cổng Dịch vụ công", "", "15/04/2024", ""],
            ["3.a.2", "2024-Q4", "", "91", "", "Cổng Dịch vụ công", "", "15/01/2025", ""],
            ["7.a.1", "2024", "", "gần xong", "", "Báo cáo CCHC", "", "20/01/2025", ""],
        ],
        "",
    ),
]


def write_file(tmp_path, number, header, rows):
    path = tmp_path / f"tep-{number}.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def stored():
    """What the files left: results, history, corrections and the indicators' state."""
    results = Result.objects.filter(indicator__code__in=CODES)
    fields = ("period", "scope", "value", "note", "source_name", "source_url", "captured_on", "is_demo", "origin")
    history = ResultHistory.objects.filter(result__indicator__code__in=CODES)
    history_fields = ("result__period", "result__scope", "origin", "previous_value", "new_value", "changes", "reason")
    indicators = Indicator.objects.filter(code__in=CODES).order_by("code")
    return {
        "results": sorted(results.values_list("indicator__code", *fields, "updated_by__username")),
        "history": sorted(
            (row[0], json.dumps(row[-2], sort_keys=True), row)
            for row in history.values_list("result__indicator__code", *history_fields, "previous_entered_by__username")
        ),
        "corrections": sorted(history.corrections().values_list("result__indicator__code", "result__period")),
        "state": list(
            indicators.values_list(
                "code", "status", "late", "next_due", "latest_result__period", "latest_result__value"
            )
        ),
    }


def run_files(tmp_path, user):
    indicator = Indicator.objects.get(code="3.a.2")
    Result.objects.filter(indicator__code__in=CODES).delete()
    Result.objects.create(
        indicator=indicator, period="2024-Q1", value=D(91), source_name="Minh họa", captured_on=date(2024, 4, 1),
        is_demo=True, origin=ResultOrigin.DEMO,
    )  # fmt: skip
    Result.objects.create(
        indicator=indicator, period="2024-Q2", value=D(80), note="Ghi chú cũ", source_name="Cổng Dịch vụ công",
        source_url="https://a.example/", captured_on=date(2024, 7, 10), updated_by=user,
    )  # fmt: skip
    reports = []
    tmp_path.mkdir(exist_ok=True)
    for number, (header, rows, reason) in enumerate(FILES, start=1):
        path = write_file(tmp_path, number, header, rows)
        for dry_run in (True, False):
            report = import_file(path, "csv", today=TODAY, user=user, reason=reason, dry_run=dry_run)
            reports.append({**report_to_json(report), "written": report.written})
    return reports, stored()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("bientap")


def test_a_sequence_of_files_writes_what_it_should(tmp_path, editor):
    reports, after = run_files(tmp_path, editor)
    checks, writes = reports[0::2], reports[1::2]
    assert [r["written"] for r in writes] == [True, False, True, True, False]
    assert [(r["new"], r["updated"], r["unchanged"]) for r in checks[:4]] == [
        (3, 2, 0),
        (0, 0, 0),
        (0, 1, 1),
        (0, 2, 0),
    ]
    for check, write in zip(checks, writes, strict=True):
        assert {**check, "written": None} == {**write, "written": None}, "the check previews what the import does"
    assert [(c["field"], c["old"], c["new"]) for c in checks[0]["changes"]] == [
        ("value", "91", "96"), ("source_name", "Minh họa", "Cổng Dịch vụ công"),
        ("captured_on", "01/04/2024", "15/04/2024"), ("is_demo", "có", "không"), ("note", "Ghi chú cũ", "Ghi chú mới"),
    ]  # fmt: skip
    assert [(e["row"], e["column"]) for e in checks[1]["errors"]] == [(2, "ly_do_sua")]
    assert "80 → 85" in checks[1]["errors"][0]["reason"]
    assert [(c["field"], c["old"], c["new"]) for c in checks[3]["changes"]] == [
        ("value", "85", "86"), ("note", "Ghi chú mới", ""), ("source_url", "https://a.example/", ""),
        ("value", "76,25", "77"),
    ]  # fmt: skip
    assert [(e["row"], e["column"]) for e in checks[4]["errors"]] == [(3, "ly_do_sua"), (4, "ky"), (5, "gia_tri")]
    q2 = Result.objects.get(indicator__code="3.a.2", period="2024-Q2")
    assert (q2.value, q2.note, q2.source_url, q2.origin) == (D(86), "", "", ResultOrigin.IMPORT)
    assert Result.objects.get(indicator__code="3.a.8.2").note == TRICKY_NOTE
    assert not Result.objects.filter(period="2024-Q4").exists()
    reasons = [row[2][-2] for row in after["history"] if row[2][1] == "2024-Q2"]
    assert sorted(reasons) == ["", "Số liệu chốt cuối năm.", "Đính chính của Sở."]
    assert after["corrections"] == [("3.a.2", "2024-Q2")] * 3 + [("7.a.3.2", "2024")], "not the demo made real"
    [q1_history] = ResultHistory.objects.filter(result__period="2024-Q1", result__indicator__code="3.a.2")
    assert q1_history.changes["is_demo"] == ["True", "False"] and q1_history.changes["value"] == ["91.0000", "96.0000"]


def use_path(monkeypatch, path):
    """ "parts" (COPY, the codes read first, two rows a part), "copy" (COPY once the file is
    read) or "batches" (SQLite's)."""
    monkeypatch.setattr(importer, "stages_with_copy", lambda: path != "batches")
    monkeypatch.setattr(importer, "CODES_FIRST", ("csv",) if path == "parts" else ())
    monkeypatch.setattr(parts, "PART_ROWS", 2)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY: PostgreSQL only")
def test_parts_copy_and_batches_give_the_same_rows_history_and_reports(tmp_path, editor, monkeypatch):
    outcomes = {}
    for path in ("parts", "copy", "batches"):
        use_path(monkeypatch, path)
        with pytest.raises(RuntimeError), transaction.atomic():  # each path starts from the same stored rows
            outcomes[path] = run_files(tmp_path / path, editor)
            raise RuntimeError
    assert outcomes["parts"] == outcomes["copy"] == outcomes["batches"]
    reports, after = outcomes["parts"]
    assert after["history"] and after["results"] and any(report["errors"] for report in reports)


@pytest.fixture(params=["parts", "copy", "batches"])
def import_path(request, monkeypatch):
    """Each test below runs on every path: COPY where the database has it (PostgreSQL)."""
    if request.param != "batches" and connection.vendor != "postgresql":
        pytest.skip("COPY: PostgreSQL only")
    use_path(monkeypatch, request.param)
    return request.param


def test_only_the_indicators_whose_figures_change_have_their_state_refreshed(tmp_path, import_path):
    Result.objects.filter(indicator__code__in=CODES).delete()
    q1 = ["3.a.2", "2024-Q1", "96", "Cổng Dịch vụ công", "15/04/2024"]
    assert import_file(write_file(tmp_path, 1, SHORT, [q1]), "csv", today=TODAY).written
    # A stale state, as a QuerySet.update (no signal) leaves it: a refresh would replace it.
    Indicator.objects.filter(code__in=["3.a.2", "3.a.8.2"]).update(status=IndicatorStatus.NO_DATA, latest_result=None)
    rows = [q1, ["3.a.8.2", "2024-H1", "14", "Khảo sát", "10/07/2024"]]
    report = import_file(write_file(tmp_path, 2, SHORT, rows), "csv", today=TODAY)
    assert (report.new, report.unchanged, report.written) == (1, 1, True)
    states = dict(Indicator.objects.filter(code__in=["3.a.2", "3.a.8.2"]).values_list("code", "latest_result__period"))
    assert states == {"3.a.2": None, "3.a.8.2": "2024-H1"}, "the unchanged figure's indicator keeps its state"
    assert Indicator.objects.get(code="3.a.8.2").status != IndicatorStatus.NO_DATA


def test_an_error_raised_while_the_rows_stream_past_is_raised_as_itself_and_nothing_is_written(
    import_path, monkeypatch
):  # on the parts' path it is raised in the checking thread
    monkeypatch.setattr(staging, "ROWS_PER_READ", 1)  # COPY has sent the first rows when the error comes
    monkeypatch.setattr(batches, "BATCH_SIZE", 1)  # the batches have written them
    monkeypatch.setattr(parts, "PART_ROWS", 1)  # and so have the parts
    good = {"ma_chi_tieu": "3.a.2", "ky": "2024-Q1", "gia_tri": "96", "nguon": "Cổng", "ngay_thu_thap": "15/04/2024"}

    def rows():
        yield 2, good
        yield 3, {**good, "ky": "2024-Q2"}
        raise ReadError("Tệp hỏng ở dòng 4.")

    codes_first = (lambda: {"3.a.2"}) if import_path == "parts" else None
    before = sorted(Result.objects.values_list("indicator__code", "period", "value"))
    switching = sys.getswitchinterval()
    with pytest.raises(ReadError, match="dòng 4"):
        import_rows(rows, today=TODAY, codes_first=codes_first)
    assert sorted(Result.objects.values_list("indicator__code", "period", "value")) == before
    assert not [thread for thread in threading.enumerate() if thread.name == "import-check"], "the thread stopped"
    assert sys.getswitchinterval() == switching


@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY: PostgreSQL only")
def test_parts_hold_the_files_codes_before_the_rows_are_read_and_a_part_written_is_undone_by_a_later_error(
    tmp_path, monkeypatch
):
    use_path(monkeypatch, "parts")
    monkeypatch.setattr(parts, "PART_ROWS", 1)
    Result.objects.filter(indicator__code__in=CODES).delete()
    held, events = (
        [],
        [],
    )  # events: ("checked", row number) from the checking thread, ("written", results) from the import's
    lock, checked, write = importer.lock_database, importer.checked_rows, staging.StagingWriter.write

    def lock_database(codes):
        held.append(set(codes))
        return lock(codes)

    def checked_rows(rows, *args):
        for row in checked(rows, *args):
            events.append(("checked", row.number))
            yield row

    def written(writer, cursor, **counts):
        pks = write(writer, cursor, **counts)
        events.append(("written", Result.objects.filter(indicator__code__in=CODES).count()))
        return pks

    monkeypatch.setattr(importer, "lock_database", lock_database)
    monkeypatch.setattr(importer, "checked_rows", checked_rows)
    monkeypatch.setattr(staging.StagingWriter, "write", written)
    rows = [["3.a.2", f"2024-{month:02d}", "90", "Cổng", "15/01/2025"] for month in range(1, 13)]
    rows += [["3.a.8.2", "2024-H1", "14", "Khảo sát", "10/07/2024"], ["7.a.1", "2024", "gần", "Báo cáo", "20/01/2025"]]
    report = import_file(write_file(tmp_path, 1, SHORT, rows), "csv", today=TODAY)
    assert held == [{"3.a.2", "3.a.8.2", "7.a.1"}], "every code of the file, before its first row"
    first_written = next(n for n, (kind, _) in enumerate(events) if kind == "written")
    assert events[first_written][1] >= 1 and first_written < events.index(("checked", 14)), "written while read"
    assert not report.written and [(e.row, e.column) for e in report.errors] == [(15, "gia_tri")]
    assert not Result.objects.filter(indicator__code__in=CODES).exists(), "all or nothing"


def test_the_codes_read_first_are_those_the_rows_give(tmp_path):
    """importer.file_codes reads one column (readers.read_column): the codes check_row reads,
    from the rows it would read; a line with other fields, a blank line and the header's
    repeated column read as the rows are."""
    header = ["ma_chi_tieu", "ky", "gia_tri", "nguon", "ngay_thu_thap", "ma_chi_tieu"]
    rows = [
        ["3.a.2", "2024", "9", "A", "15/01/2025", " 7.a.1 "],  # the last column of that name, stripped
        ["3.a.8.2", "2024"],  # other fields: no row, no code
        ["", "", "", "", "", ""],  # blank
        ["x", "2024", "9", "A", "15/01/2025", ""],  # a row without a code
    ]
    path = write_file(tmp_path, 1, header, rows)
    from plan.results.readers import read_rows

    expected = {row["ma_chi_tieu"].strip() for _n, row in read_rows(path, "csv") if isinstance(row, dict)}
    assert importer.file_codes(path, "csv") == expected == {"7.a.1", ""}
    json_path = tmp_path / "tep.json"
    json_path.write_text(json.dumps([{"ma_chi_tieu": " 3.a.2"}, {"ky": "2024"}, {"MA_CHI_TIEU": "7.a.1"}]))
    assert importer.file_codes(json_path, "json") == {"3.a.2", "7.a.1"}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="fillfactor: PostgreSQL only")
def test_a_correction_of_every_figure_keeps_each_new_version_on_its_page(tmp_path):
    """Migration 0021: the results' pages keep room, so that an import's UPDATE leaves their
    indexes as they are (PostgreSQL's HOT updates, counted for this transaction)."""
    codes = [code for code, info in importer.known_indicators().items() if info.year == 2024 and info.unit == "%"]
    Result.objects.filter(indicator__code__in=codes).delete()
    periods = [
        "2024",
        "2024-H1",
        "2024-H2",
        *(f"2024-Q{q}" for q in range(1, 5)),
        *(f"2024-{m:02d}" for m in range(1, 13)),
    ]
    files = [[[code, period, value, "Báo cáo", "15/01/2025"] for code in codes for period in periods] for value in "56"]
    assert len(files[0]) >= 300, "rows enough to fill pages"
    assert import_file(write_file(tmp_path, 1, SHORT, files[0]), "csv", today=TODAY).new == len(files[0])
    report = import_file(write_file(tmp_path, 2, SHORT, files[1]), "csv", today=TODAY, reason="Số liệu chốt.")
    assert report.updated == len(files[1])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_xact_user_tables WHERE relid = %s::regclass",
            [Result._meta.db_table],
        )
        updated, hot = cursor.fetchone()
    # Nearly all (a few rows may sit on a page the fixtures' results filled); pages filled
    # to 100 % give none of 513.
    assert updated >= len(files[1]) and hot >= 0.9 * updated


@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY: PostgreSQL only")
def test_each_part_looks_its_rows_up_in_the_index_rather_than_reading_every_result(tmp_path, monkeypatch):
    """The comparison looks each staged row up in the results' unique index: left to
    itself, the planner read the whole results table for every part of the file (counted
    for this transaction in pg_stat_xact_user_tables)."""
    codes = [code for code, info in importer.known_indicators().items() if info.year == 2024 and info.unit == "%"]
    rows = [[code, f"2024-{month:02d}", "5", "Báo cáo", "15/01/2025"] for code in codes for month in range(1, 13)]
    path = write_file(tmp_path, 1, SHORT, rows)
    assert import_file(path, "csv", today=TODAY).ok
    monkeypatch.setattr(parts, "PART_ROWS", 50)
    stored_results = Result.objects.count()
    assert len(rows) >= 6 * 50 and stored_results >= len(rows)

    def rows_read_in_sequence():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT seq_tup_read FROM pg_stat_xact_user_tables WHERE relid = %s::regclass",
                [Result._meta.db_table],
            )
            return cursor.fetchone()[0]

    before = rows_read_in_sequence()
    report = import_file(path, "csv", today=TODAY)
    assert report.unchanged == len(rows)
    assert rows_read_in_sequence() - before < stored_results, "less than one reading of the table for the file"
