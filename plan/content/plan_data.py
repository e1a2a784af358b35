"""The plan data file (YAML, see plan/data/): reading it, and the checks that stop a
load before anything is written. Pure: the data comes in as Python values."""

from pathlib import Path

import yaml

DEFAULT_DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "ke-hoach-cchc-hai-duong-2024.yaml"


def read_plan_file(path=DEFAULT_DATA_FILE):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


class PlanDataError(ValueError):
    def __init__(self, errors):
        super().__init__("\n".join(errors))
        self.errors = errors


def data_errors(data):
    """Problems that would stop a load, in Vietnamese; empty when the file is usable."""
    if not isinstance(data, dict):
        return ["Tệp dữ liệu phải là một bảng (mapping) YAML."]
    missing = [key for key in ("plan", "agencies", "topics", "areas") if key not in data]
    if missing:
        return [f"Thiếu mục “{key}” ở cấp cao nhất của tệp." for key in missing]
    errors = []
    agency_codes = {item.get("code") for item in data["agencies"]}
    topic_slugs = {item.get("slug") for item in data["topics"]}
    seen_codes = set()
    for area in data["areas"]:
        where = f"lĩnh vực {area.get('number')}"
        for code in area.get("answerable_agencies", []):
            if code not in agency_codes:
                errors.append(f"{where}: cơ quan “{code}” không có trong danh sách cơ quan.")
        for item in area.get("tasks", []) + area.get("indicators", []):
            code = item.get("code")
            if code in seen_codes:
                errors.append(f"{where}: mã “{code}” bị trùng.")
            seen_codes.add(code)
            agencies = [
                item.get("lead_agency"),
                item.get("responsible_agency"),
                *item.get("coordinating_agencies", []),
                *item.get("concerned_agencies", []),
            ]
            for agency in filter(None, agencies):
                if agency not in agency_codes:
                    errors.append(f"{where}, mục {code}: cơ quan “{agency}” không có trong danh sách cơ quan.")
            for topic in item.get("topics", []):
                if topic not in topic_slugs:
                    errors.append(f"{where}, mục {code}: chủ đề “{topic}” không có trong danh sách chủ đề.")
    for section in data["plan"].get("implementation", []):
        for code in [*section.get("agencies", []), *section.get("addressed_agencies", [])]:
            if code not in agency_codes:
                errors.append(f"mục IV.{section.get('number')}: cơ quan “{code}” không có trong danh sách cơ quan.")
    return errors
