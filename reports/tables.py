"""The tables of a periodic report, from its snapshot (reports.assemble): the same rows
on the page, in the CSV files, the DOCX and the PDF. Pure functions."""

from dataclasses import dataclass

from plan.progress import rules
from reports.calendar import REPORT_STATE_LABELS

STATE_LABELS = REPORT_STATE_LABELS


@dataclass(frozen=True)
class Table:
    key: str  # the CSV file's name
    title: str
    headers: list
    rows: list
    widths: tuple = ()  # the columns' relative widths in a printed page; equal when empty


def status_label(code):
    return rules.STATUS_LABELS.get(code, code)


def task_statuses(snapshot):
    """The task statuses the report shows: the year-end ones once the year is closed."""
    return rules.task_order(snapshot["counts"]["tasks"])


def date_text(iso):
    """ "2024-03-14" as "14/03/2024"; blank stays blank."""
    if not iso:
        return ""
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def areas_table(snapshot):
    task_order = task_statuses(snapshot)
    headers = (
        ["Lĩnh vực"]
        + [f"Chỉ tiêu: {status_label(s)}" for s in rules.INDICATOR_STATUSES]
        + [f"Nhiệm vụ: {status_label(s)}" for s in task_order]
    )
    rows = [
        [f"{area['number']}. {area['title']}"]
        + [area["indicators"].get(s, 0) for s in rules.INDICATOR_STATUSES]
        + [area["tasks"].get(s, 0) for s in task_order]
        for area in snapshot["areas"]
    ]
    widths = (4,) + (1,) * (len(headers) - 1)
    return Table("ket-qua-theo-linh-vuc", "Kết quả theo lĩnh vực", headers, rows, widths)


def tasks_table(snapshot):
    order = {status: i for i, status in enumerate(rules.ALL_TASK_STATUSES)}
    tasks = sorted(snapshot["tasks"], key=lambda t: order.get(t["status"], len(order)))
    headers = ["Mã", "Nhiệm vụ", "Cơ quan chủ trì", "Tình trạng", "Kết quả đã thực hiện"]
    rows = []
    for task in tasks:
        done = task["done"]
        if task["verdict_reason"]:
            done = f"{done} Lý do: {task['verdict_reason']}".strip()
        label = status_label(task["status"]) + (" (minh họa)" if task["demo"] else "")
        rows.append([task["code"], task["text"], task["agency"], label, done])
    return Table("nhiem-vu", "Nhiệm vụ theo tình trạng", headers, rows, (1.1, 5, 2.2, 1.8, 3.5))


def indicators_table(snapshot):
    order = {status: i for i, status in enumerate(rules.INDICATOR_STATUSES)}
    indicators = sorted(snapshot["indicators"], key=lambda i: order.get(i["status"], len(order)))
    headers = ["Mã", "Chỉ tiêu", "Mục tiêu", "Số liệu", "Kỳ số liệu", "Kết quả", "Nguồn", "Ngày thu thập"]
    rows = [
        [
            i["code"],
            i["metric"],
            i["target"],
            i["value"] or "Chưa có số liệu",
            i["period"],
            status_label(i["status"]),
            (i["source"] + (" (minh họa)" if i["demo"] else "")) if i["source"] else "",
            date_text(i["captured_on"]),
        ]
        for i in indicators
    ]
    widths = (1.1, 3.6, 1.5, 1.5, 1.4, 1.5, 2.4, 1.5)
    return Table("chi-tieu", "Chỉ tiêu đạt và chưa đạt", headers, rows, widths)


def agency_reports_table(snapshot):
    headers = ["Cơ quan", "Tình hình gửi báo cáo", "Ngày gửi"]
    rows = [
        [r["agency"], STATE_LABELS.get(r["state"], r["state"]) + (" (minh họa)" if r["demo"] else ""),
         date_text(r["sent_on"])]
        for r in snapshot["agency_reports"]
    ]  # fmt: skip
    return Table("bao-cao-cac-co-quan", "Tình hình gửi báo cáo của các cơ quan", headers, rows, (4, 2.2, 1.4))


def report_tables(snapshot):
    return [areas_table(snapshot), tasks_table(snapshot), indicators_table(snapshot), agency_reports_table(snapshot)]


def table_named(snapshot, key):
    return next((table for table in report_tables(snapshot) if table.key == key), None)


def late_or_missing(snapshot):
    return [r for r in snapshot["agency_reports"] if r["state"] in ("sent_late", "missing")]


def differences(current, previous):
    """What changed since the previous period's report: counts by status, and each task
    and indicator whose status or figure changed. None without a previous report."""
    if previous is None:
        return None
    counts = []
    for kind, order in (("indicators", rules.INDICATOR_STATUSES), ("tasks", rules.ALL_TASK_STATUSES)):
        for status in order:
            before, after = previous["counts"][kind].get(status, 0), current["counts"][kind].get(status, 0)
            if before != after:
                what = "Chỉ tiêu" if kind == "indicators" else "Nhiệm vụ"
                counts.append([f"{what}: {status_label(status)}", before, after])
    changes = []
    for kind, value in (("tasks", None), ("indicators", "value")):
        earlier = {item["code"]: item for item in previous[kind]}
        for item in current[kind]:
            old = earlier.get(item["code"])
            if old is None:
                continue
            before = status_label(old["status"]) + (f" ({old[value]})" if value and old[value] else "")
            after = status_label(item["status"]) + (f" ({item[value]})" if value and item[value] else "")
            if before != after:
                changes.append([item["code"], before, after])
    return {"previous": previous["period"]["name"], "counts": counts, "changes": changes}
