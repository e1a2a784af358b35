"""A plan read from its text (plan/content/plan_text.py) written as a DRAFT: the plan
page, its areas with their tasks and its indicators are saved as unpublished
revisions, for editors to review and publish in the admin. Nothing is published and
nothing existing is changed: a plan whose address already exists is refused. All or
nothing, in one transaction."""

from decimal import Decimal

from django.db import transaction

from plan.content import carry
from plan.content.changes import snapshot, stream
from plan.content.codes import indicator_key
from plan.content.provenance_data import INDICATOR_FIELDS, TASK_FIELDS, TASK_M2M, area_key
from plan.models import AreaPage, ImplementationSection, Indicator, LoadRecord, PlanIndexPage, PlanPage, Task
from plan.models.reference import Agency
from plan.vocabulary import TargetComparator
from search.folding import fold


class DraftPlanError(ValueError):
    pass


def indicator_code(year, code):
    """Indicator codes are unique across plans: a later plan's carry its year
    (“2025.3.a.1”); the URL form is “2025-3-a-1” (plan/content/codes.py)."""
    return f"{year}.{code}"


def create_draft_plan(data, report, user=None, predecessor=None):
    """The draft PlanPage, linked to `predecessor` (the plan before it) and its tasks
    and indicators to those they carry on. `report` (a ParseReport) gets what was
    written and what an editor must still do."""
    plan_data = data["plan"]
    if not plan_data.get("year") or not plan_data.get("subtitle"):
        raise DraftPlanError("Không đọc được trích yếu hoặc năm kế hoạch: không tạo bản nháp.")
    index = PlanIndexPage.objects.first()
    if index is None:
        raise DraftPlanError("Chưa có trang “Kế hoạch cải cách hành chính”: chạy load_plan hoặc start_site trước.")
    if PlanPage.objects.filter(slug=plan_data["slug"]).exists():
        raise DraftPlanError(f"Đã có kế hoạch ở địa chỉ “{plan_data['slug']}”: không tạo trùng, không sửa gì.")
    codes = [indicator_code(plan_data["year"], i["code"]) for area in data["areas"] for i in area["indicators"]]
    taken = list(Indicator.objects.filter(code__in=codes).values_list("code", flat=True))
    if taken:
        raise DraftPlanError(f"Mã chỉ tiêu đã có: {', '.join(taken)}; không tạo bản nháp.")
    agencies = Agency.objects.in_bulk([a["code"] for a in data["agencies"]], field_name="code")
    task_links, indicator_links = carried_links(data, predecessor, report)
    with transaction.atomic():
        plan = draft_plan_page(plan_data, agencies)
        plan.predecessor = predecessor
        index.add_child(instance=plan)
        plan.save_revision(user=user)
        for area_data in data["areas"]:
            area = draft_area(area_data, task_links)
            plan.add_child(instance=area)
            area.save_revision(user=user)
            tasks = [{"id": task.code, **snapshot(task, TASK_FIELDS, TASK_M2M)} for task in area.tasks.all()]
            remember(area_key(area), {"tasks": tasks})
            for position, item in enumerate(area_data["indicators"]):
                before = indicator_links.get((area_data["number"], item["code"]))
                draft_indicator(area, item, position, plan_data["year"], user, report, before)
    tasks = sum(len(a["tasks"]) for a in data["areas"])
    indicators = len(codes)
    report.read.append(
        f"Đã tạo bản nháp “{plan.title}” ({len(data['areas'])} lĩnh vực, {tasks} nhiệm vụ, {indicators} chỉ tiêu); "
        "chưa xuất bản gì."
    )
    report.needs_editor.append(
        "Nhiệm vụ chưa có cơ quan chủ trì, phối hợp, thời hạn; chỉ tiêu chưa có cơ quan chịu trách nhiệm, "
        "chủ đề: biên tập viên nhập rồi xuất bản kế hoạch, từng lĩnh vực và từng chỉ tiêu."
    )
    return plan


def draft_plan_page(data, agencies):
    plan = PlanPage(
        live=False,
        slug=data["slug"],
        title=data["title"],
        document_kind=data["document_kind"] or "KẾ HOẠCH",
        document_status=data["document_status"],
        subtitle=data["subtitle"],
        number=data["number"],
        issuing_body=data["issuing_body"],
        place=data["place"],
        date_text=data["date_text"],
        year=data["year"],
        programme=data["programme"],
        preamble=data["preamble"],
        legal_basis=stream("document", data["legal_basis"]),
        purpose=stream("item", data["purpose"]),
        requirements=stream("item", data["requirements"]),
        funding=stream("item", data["funding"]),
    )
    sections = []
    for order, item in enumerate(data["implementation"]):
        section = ImplementationSection(
            number=item["number"], heading=item["heading"], duties=stream("item", item["duties"]), sort_order=order
        )
        section.agencies = [agencies[code] for code in item["agencies"] if code in agencies]
        sections.append(section)
    plan.implementation_sections = sections
    return plan


def carried_links(data, predecessor, report):
    """({(area number, task code): predecessor task pk}, the same for indicators), and
    the report's lines: what is carried, changed, new and dropped."""
    if predecessor is None:
        return {}, {}
    areas = AreaPage.objects.child_of(predecessor)
    tasks = Task.objects.filter(area__in=areas).select_related("area").order_by("area__number", "sort_order")
    indicators = Indicator.objects.filter(area__in=areas).select_related("area")
    old_tasks = [(t.pk, t.text, fold(t.area.title)) for t in tasks]
    old_indicators = [(i.pk, i.statement, (fold(i.area.title), i.level)) for i in indicators]
    new_tasks = [((a["number"], t["code"]), t["text"], fold(a["title"])) for a in data["areas"] for t in a["tasks"]]
    new_indicators = [
        ((a["number"], i["code"]), i["statement"], (fold(a["title"]), i["level"]))
        for a in data["areas"]
        for i in a["indicators"]
    ]
    links = []
    for noun, old, new, codes in (
        ("Nhiệm vụ", old_tasks, new_tasks, {t.pk: t.code for t in tasks}),
        ("Chỉ tiêu", old_indicators, new_indicators, {i.pk: i.code for i in indicators}),
    ):
        pairs, dropped = carry.match(old, new)
        for (_number, code), _text, _group in new:
            old_pk, kind = pairs.get((_number, code), (None, carry.NEW))
            before = f" (năm trước: {codes[old_pk]})" if old_pk else ""
            report.read.append(f"{noun} {code}: {carry.LABELS[kind]}{before}.")
        if dropped:
            report.read.append(
                f"{noun} của {predecessor.title} không tiếp tục: {', '.join(codes[pk] for pk in dropped)}."
            )
        report.needs_editor.append(f"{noun}: liên kết với năm trước do trang đề xuất theo lời văn; xem lại.")
        links.append({key: old_pk for key, (old_pk, _kind) in pairs.items()})
    return links[0], links[1]


def draft_area(data, task_links):
    area = AreaPage(
        live=False,
        slug=data["slug"],
        title=data["title"],
        number=data["number"],
        heading_as_written=data["heading_as_written"],
        notes=stream("item", data["notes"]),
    )
    area.tasks = [
        Task(
            code=item["code"],
            group=item["group"],
            text=item["text"],
            sort_order=order,
            predecessor_id=task_links.get((data["number"], item["code"])),
        )
        for order, item in enumerate(data["tasks"])
    ]
    return area


def draft_indicator(area, item, position, year, user, report, predecessor_id=None):
    comparator = item["comparator"] or TargetComparator.DONE
    if not item["comparator"]:
        report.needs_editor.append(
            f"Chỉ tiêu {item['code']}: bản nháp tạm để “hoàn thành / chưa hoàn thành”; sửa trước khi xuất bản."
        )
    indicator = Indicator(
        code=indicator_code(year, item["code"]),
        live=False,
        area=area,
        bullet=item["bullet"],
        sort_order=position,
        original_wording=item["original_wording"],
        statement=item["statement"],
        metric=item["metric"] or item["statement"][:255],
        unit=item["unit"],
        comparator=comparator,
        target_value=decimal_or_none(item["target_value"]),
        target_value_max=decimal_or_none(item["target_value_max"]),
        level=item["level"],
        frequency=item["frequency"],
        predecessor_id=predecessor_id,
    )
    indicator.full_clean()
    indicator.save()
    indicator.save_revision(user=user)
    remember(indicator_key(indicator.code), snapshot(indicator, INDICATOR_FIELDS))
    return indicator


def remember(key, values):
    """What the import wrote, as load_plan keeps it: the pages then tell what the
    parser read (a target read from the wording) from what an editor changed since."""
    LoadRecord.objects.update_or_create(key=key, defaults={"values": values})


def decimal_or_none(value):
    return None if value is None else Decimal(value).quantize(Decimal("0.01"))
