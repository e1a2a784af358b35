"""Write indices/data/chi-so.csv, the figures `load_indices` loads, from the public facts
kept as gathered in indices/data/source/ (official-indices.yaml and the PAPI
sub-dimension CSV): one row per figure, each with its source address, the quoted
words and the day they were read. Every value is copied as the source prints it; a
figure the sources do not state is not written (the pages show it as a gap), and
tests/indices/test_data_files.py checks each row against the source files.

Run from the repository's root: .venv/bin/python scripts/build_index_figures.py"""

import csv
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indices.columns import NAMES  # noqa: E402

SOURCE = ROOT / "indices" / "data" / "source"
READ_ON = "2026-12-07"
STORED_COPY = "Đọc từ bản lưu của trang nguồn (phần đầu trang), không phải trang trực tiếp."

PAPI_DIMENSIONS = {
    "1": "Tham gia của người dân ở cấp cơ sở",
    "2": "Công khai, minh bạch",
    "3": "Trách nhiệm giải trình với người dân",
    "4": "Kiểm soát tham nhũng trong khu vực công",
    "5": "Thủ tục hành chính công",
    "6": "Cung ứng dịch vụ công",
    "7": "Quản trị môi trường",
    "8": "Quản trị điện tử",
}
PAPI_SUBDIMENSIONS = {
    "1.1": "Tri thức công dân",
    "1.2": "Cơ hội tham gia",
    "1.3": "Chất lượng bầu cử trưởng thôn",
    "1.4": "Đóng góp tự nguyện",
    "2.1": "Tiếp cận thông tin",
    "2.2": "Công khai danh sách hộ nghèo",
    "2.3": "Công khai thu, chi ngân sách cấp xã",
    "2.4": "Quy hoạch, kế hoạch sử dụng đất và khung giá đền bù",
    "3.1": "Tương tác với chính quyền địa phương",
    "3.2": "Giải quyết khiếu nại, tố cáo",
    "3.3": "Tiếp cận dịch vụ tư pháp",
    "4.1": "Kiểm soát tham nhũng trong chính quyền địa phương",
    "4.2": "Kiểm soát tham nhũng trong cung ứng dịch vụ công",
    "4.3": "Công bằng trong tuyển dụng vào khu vực nhà nước",
    "4.4": "Quyết tâm chống tham nhũng",
    "5.1": "Dịch vụ chứng thực, xác nhận",
    "5.2": "Thủ tục cấp phép xây dựng",
    "5.3": "Thủ tục cấp giấy chứng nhận quyền sử dụng đất",
    "5.4": "Thủ tục hành chính cấp xã, phường",
    "6.1": "Y tế công lập",
    "6.2": "Giáo dục tiểu học công lập",
    "6.3": "Cơ sở hạ tầng căn bản",
    "6.4": "An ninh, trật tự",
    "7.1": "Nghiêm túc trong bảo vệ môi trường",
    "7.2": "Chất lượng không khí",
    "7.3": "Chất lượng nguồn nước",
    "8.1": "Sử dụng cổng thông tin điện tử của chính quyền địa phương",
    "8.2": "Tiếp cận và sử dụng Internet",
    "8.3": "Phản hồi của chính quyền qua cổng thông tin điện tử",
}
SOURCE_NAMES = {
    "haiduongnews.com": ("press", "Báo Hải Dương (bản tiếng Anh)"),
    "fliphtml5.com": ("report", "Báo cáo PAPI chính thức (CECODES, UNDP), bản sao trên fliphtml5.com"),
    "vietnam.vnanet.vn": ("press", "Thông tấn xã Việt Nam (vnanet.vn)"),
    "moitruong.net.vn": ("press", "Tạp chí Môi trường và Cuộc sống (moitruong.net.vn)"),
    "thongtin.vietnam.vn": ("press", "vietnam.vn, đăng lại tin Báo Hải Dương"),
    "soldtbxh.haiduong.gov.vn": (
        "portal",
        "Sở Lao động – Thương binh và Xã hội tỉnh Hải Dương, đăng Quyết định 336/QĐ-UBND",
    ),
    "thanhphohaiphong.gov.vn": ("portal", "Cổng thông tin điện tử thành phố Hải Phòng"),
    "media.petrotimes.vn": ("press", "Petrotimes"),
    "vietnamnews.vn": ("press", "Việt Nam News"),
    "en.doanhnghiephoinhap.vn": ("press", "Doanh nghiệp Hội nhập"),
    "en.baochinhphu.vn": ("portal", "Báo Điện tử Chính phủ"),
    "betaen.vietnamplus.vn": ("press", "VietnamPlus"),
    "en.vietnamplus.vn": ("press", "VietnamPlus"),
    "www.vietnamplus.vn": ("press", "VietnamPlus"),
    "news.gov.vn": ("portal", "Cổng Thông tin điện tử Chính phủ"),
    "www.pcivietnam.vn": ("portal", "VCCI, trang PCI Việt Nam (pcivietnam.vn)"),
    "github.com": ("research", "Kho dữ liệu nghiên cứu hnks-gh/ml-mcdm (bản sao điểm PAPI, không phải UNDP công bố)"),
}
INDEX_CODES = {"PAPI": "PAPI", "PCI": "PCI", "SIPAS": "SIPAS", "PAR INDEX": "PAR_INDEX"}
PROVINCE_INDEX = "Chỉ số CCHC nội bộ tỉnh"
UNITS = {"Hải Dương": "province", "Hải Phòng": "province", "Toàn quốc (63 tỉnh)": "national"}
# Departments and districts of QĐ 336/QĐ-UBND (2022), as the source's groups name them.
GROUP_90 = "Từ 90% trở lên"
GROUP_80 = "Từ 80% đến dưới 90%"
GROUP_BELOW = "Dưới 80%"
DEPARTMENTS = [
    (GROUP_90, ["Sở Giao thông vận tải", "Sở Nội vụ", "Sở Khoa học và Công nghệ"]),
    (
        GROUP_80,
        [
            "Văn phòng UBND tỉnh",
            "Sở Thông tin và Truyền thông",
            "Sở Nông nghiệp và Phát triển nông thôn",
            "Sở Công thương",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Sở Tài chính",
            "Sở Xây dựng",
            "Thanh tra tỉnh",
            "Sở Kế hoạch và Đầu tư",
            "Sở Tài nguyên và Môi trường",
            "Sở Tư pháp",
            "Sở Lao động – Thương binh và Xã hội",
            "Ban Quản lý các khu công nghiệp",
            "Sở Giáo dục và Đào tạo",
        ],
    ),
    (GROUP_BELOW, ["Sở Y tế"]),
]
DISTRICTS = [(GROUP_90, ["UBND huyện Nam Sách", "UBND huyện Kim Thành"])]


def number(text):
    return "" if text is None else str(text)


def source_of(url):
    host = re.match(r"https?://([^/]+)/", url).group(1)
    return SOURCE_NAMES[host]


def rank_of(text):
    if not text:
        return "", ""
    rank, _, of = str(text).partition("/")
    return rank, of


def notes(entry, *extra):
    parts = [*extra]
    if entry.get("other_sources"):
        parts.append("Nguồn khác ghi cùng nội dung: " + ", ".join(entry["other_sources"]) + ".")
    if entry.get("note"):
        parts.append("Ghi chú khi thu thập: " + entry["note"])
    parts.append(STORED_COPY)
    return " ".join(parts)


def row(entry, **values):
    kind, name = source_of(entry["source_url"])
    base = dict.fromkeys(NAMES, "")
    base |= {
        "nam": entry["year"],
        "loai_don_vi": UNITS.get(entry["province"], "province"),
        "don_vi": entry["province"].replace(" (63 tỉnh)", ""),
        "loai_nguon": kind,
        "nguon": name,
        "duong_dan_nguon": entry["source_url"],
        "trich_dan": entry["quote"],
        "ngay_doc": READ_ON,
    }
    return base | values


def scale(unit):
    """(unit of value, scale max) from the file's `unit` (“điểm / 80”, “%”)."""
    if not unit:
        return "", ""
    if unit == "%":
        return "%", "100"
    words, _, top = unit.partition("/")
    return words.strip(), top.strip()


def official_rows(entries):
    for entry in entries:
        index = INDEX_CODES.get(entry["index"])
        value_unit, top = scale(entry.get("unit"))
        rank, of = rank_of(entry.get("rank"))
        common = {"chi_so": index, "don_vi_tinh": value_unit, "thang_diem_den": top, "hang": rank, "tren_so": of}
        flag = ""
        if "CONFLICT" in (entry.get("note") or ""):
            flag = "nguon_khac_nhau"
        if "typo" in (entry.get("note") or ""):
            flag = "co_the_in_nham"
        if index is None:
            continue  # PGI (not a CCHC index), the Hòa Bình example, the province's own index (below)
        measure = entry["measure"]
        if isinstance(entry["value"], dict):  # a dimension with its sub-dimensions (official report tables)
            for key, value in entry["value"].items():
                code = key.split(" ")[0]
                level = "dimension" if "." not in code else "subdimension"
                name = PAPI_DIMENSIONS[code] if level == "dimension" else PAPI_SUBDIMENSIONS[code]
                yield row(
                    entry,
                    **common | {"don_vi_tinh": "điểm", "thang_diem_den": ""},
                    cap_thuoc_do=level,
                    ma_thuoc_do=code,
                    thuoc_do=name,
                    thuoc_do_nguyen_van=key if level == "subdimension" else measure,
                    gia_tri=number(value),
                    ghi_chu=notes(entry),
                )
            continue
        if measure.startswith("chỉ số nội dung"):
            code = measure.split(" ")[4].rstrip(".")
            values = {"cap_thuoc_do": "dimension", "ma_thuoc_do": code, "thuoc_do": PAPI_DIMENSIONS[code]}
        else:
            values = {"cap_thuoc_do": "total", "thuoc_do": entry["index"]}
        value = entry["value"]
        tier, extra = "", []
        if isinstance(value, str):  # SIPAS “top 5”, “nhóm cao nhất”: a group, not a score
            tier, value = measure[0].upper() + measure[1:], None
            extra.append(f"Nguồn không nêu điểm; ghi nhận khi thu thập: “{entry['value']}”.")
            common = {**common, "don_vi_tinh": "%", "thang_diem_den": "100"}
        if entry["index"] == "PAPI" and values["cap_thuoc_do"] == "total":
            tier = "Trung bình cao"  # both PAPI totals' quotes state the “high average” group
        if entry["province"].startswith("Toàn quốc"):
            values["thuoc_do"] = f"Giá trị trung bình {entry['index']} của 63 tỉnh, thành phố"
        yield row(
            entry,
            **common,
            **values,
            thuoc_do_nguyen_van=measure,
            gia_tri=number(value),
            nhom=tier,
            ghi_chu=notes(entry, *extra),
            canh_bao=flag,
        )


def province_rows(entries):
    departments, districts = (e for e in entries if e["index"].startswith(PROVINCE_INDEX))
    for entry, kind, groups in ((departments, "department", DEPARTMENTS), (districts, "district", DISTRICTS)):
        for group, units in groups:
            for unit in units:
                named = (
                    "Tên đơn vị trong đoạn trích dẫn."
                    if group != GROUP_80
                    else ("Tên đơn vị theo danh sách nhóm 80% đến dưới 90% trong văn bản nguồn (ngoài đoạn trích dẫn).")
                )
                yield row(
                    entry,
                    chi_so="CCHC_TINH",
                    loai_don_vi=kind,
                    don_vi=unit,
                    cap_thuoc_do="total",
                    thuoc_do="Chỉ số tổng hợp",
                    thuoc_do_nguyen_van="Chỉ số tổng hợp (so với điểm tối đa)",
                    don_vi_tinh="%",
                    thang_diem_den="100",
                    nhom=group,
                    ghi_chu=notes(entry, named, "Nguồn không nêu điểm của từng đơn vị."),
                )


def research_rows():
    lines = (SOURCE / "papi-subdimensions-hai-duong-hai-phong.csv").read_text(encoding="utf-8").splitlines()
    reader = csv.DictReader(line for line in lines if not line.startswith("#"))
    for item in reader:
        province = {"Hai Duong": "Hải Dương", "Hai Phong": "Hải Phòng"}[item["province_name"]]
        url = f"https://github.com/hnks-gh/ml-mcdm/blob/d165721ef5b79e96a1f9daa013612eef57d31734/{item['file']}"
        # The repository file's line: the province's code, then the 29 sub-dimension scores.
        line_text = ",".join(value for column, value in item.items() if column == "Province" or column.startswith("SC"))
        for column, value in item.items():
            if not column.startswith("SC") or not value:
                continue  # an empty cell: not in the dataset (5.2 from 2021, 8.3 in 2018)
            code = f"{column[2]}.{column[3]}"
            entry = {"year": int(item["year"]), "province": province, "source_url": f"{url}#L{item['line']}"}
            entry["quote"] = f"{item['file']} dòng {item['line']}: {line_text}"
            yield row(
                entry,
                chi_so="PAPI",
                cap_thuoc_do="subdimension",
                ma_thuoc_do=code,
                thuoc_do=PAPI_SUBDIMENSIONS[code],
                thuoc_do_nguyen_van=f"cột {column} (PAPI {code})",
                gia_tri=value,
                don_vi_tinh="điểm",
                ghi_chu=(
                    "Bộ dữ liệu nghiên cứu, không phải số liệu UNDP công bố; đối chiếu được với bảng của báo cáo "
                    "chính thức ở những chỗ so được (2019 chỉ số 1, 2023 chỉ số 6, 2021 chỉ số 1–7). "
                    "Tổng của các chỉ số thành phần không phải điểm chính thức."
                ),
            )


def main():
    entries = yaml.safe_load((SOURCE / "official-indices.yaml").read_text(encoding="utf-8"))["entries"]
    rows = [*official_rows(entries), *province_rows(entries), *research_rows()]
    target = ROOT / "indices" / "data" / "chi-so.csv"
    with open(target, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=NAMES, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} dòng → {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
