"""The figures the loader reads (indices/data/chi-so.csv) are the ones the public
sources state, as gathered in indices/data/source/: each value and rank is found in
the entry of the same source, year and unit, or in the research dataset's line."""

from decimal import Decimal

import pytest

from indices.rows import check_row
from tests.indices.helpers import data_rows, numbers_in, research_lines, source_entries

ROWS = data_rows()


def entries_of(row):
    return [
        e
        for e in source_entries()
        if e["source_url"] == row["duong_dan_nguon"]
        and e["year"] == int(row["nam"])
        and e["province"].startswith(row["don_vi"])
    ]


def test_every_row_is_valid_and_carries_its_source():
    assert len(ROWS) > 400
    for number, row in enumerate(ROWS, start=2):
        values, errors = check_row(number, row)
        assert errors == [], errors
        assert values["source_url"].startswith(("http://", "https://"))
        assert values["quote"] and values["read_on"] and values["source_name"]


@pytest.mark.parametrize(
    "row", [r for r in ROWS if r["loai_nguon"] != "research"], ids=lambda r: r["duong_dan_nguon"][-30:]
)
def test_each_published_figure_is_stated_by_its_source(row):
    entries = (
        entries_of(row)
        if row["chi_so"] != "CCHC_TINH"
        else [e for e in source_entries() if e["source_url"] == row["duong_dan_nguon"]]
    )
    assert entries, "no entry of the source file has this address, year and unit"
    assert all(e["quote"] == row["trich_dan"] for e in entries[:1]) or any(
        e["quote"] == row["trich_dan"] for e in entries
    )
    if row["gia_tri"]:
        stated = set().union(*(numbers_in(e["value"]) for e in entries))
        assert Decimal(row["gia_tri"]) in stated
    if row["hang"]:
        assert any(str(e.get("rank") or "").startswith(f"{row['hang']}/{row['tren_so']}") for e in entries)


def test_the_province_index_groups_hold_as_many_units_as_the_decision_counts():
    """QĐ 336/QĐ-UBND (2022): 3, 14 and 1 departments by group, 2 districts from 90%."""
    departments, districts = [e for e in source_entries() if e["index"].startswith("Chỉ số CCHC nội bộ tỉnh")]
    groups = {"Từ 90% trở lên": ">=90%", "Từ 80% đến dưới 90%": "80-<90%", "Dưới 80%": "<80%"}
    for kind, entry in (("department", departments), ("district", districts)):
        rows = [r for r in ROWS if r["chi_so"] == "CCHC_TINH" and r["loai_don_vi"] == kind]
        counted = {groups[tier]: sum(1 for r in rows if r["nhom"] == tier) for tier in groups}
        assert {group: count for group, count in counted.items() if count} == entry["value"]


def test_each_research_figure_is_the_datasets_cell():
    cells = {}
    for line in research_lines():
        province = {"Hai Duong": "Hải Dương", "Hai Phong": "Hải Phòng"}[line["province_name"]]
        for column, value in line.items():
            if column.startswith("SC") and value:
                cells[(line["year"], province, f"{column[2]}.{column[3]}")] = Decimal(value)
    research = [r for r in ROWS if r["loai_nguon"] == "research"]
    assert len(research) == len(cells)
    for row in research:
        assert Decimal(row["gia_tri"]) == cells[(row["nam"], row["don_vi"], row["ma_thuoc_do"])]
        assert row["gia_tri"] in row["trich_dan"], "the quoted line holds the value"


def test_no_par_index_score_of_hai_duong_is_invented():
    assert not [r for r in ROWS if r["chi_so"] == "PAR_INDEX" and r["don_vi"] == "Hải Dương"]


def test_the_probable_misprint_and_the_disagreement_are_flagged():
    flagged = {(r["chi_so"], r["nam"], r["don_vi"], r["gia_tri"]): r["canh_bao"] for r in ROWS if r["canh_bao"]}
    assert flagged[("PAPI", "2021", "Hải Dương", "3.6")] == "co_the_in_nham"
    assert flagged[("PAR_INDEX", "2023", "Hải Phòng", "91.81")] == "nguon_khac_nhau"
    assert flagged[("PAR_INDEX", "2023", "Hải Phòng", "91.87")] == "nguon_khac_nhau"
