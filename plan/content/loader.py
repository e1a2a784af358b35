"""Load a plan data file (YAML, see plan/data/ and plan/content/plan_data.py) into
pages, tasks, indicators, agencies and topics.

Idempotent: every object is compared with the file first and written only when it
differs, so a second run creates no page, record or revision. Everything happens in
one transaction: a file that fails half way leaves the database as it was."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from home.models import HomePage
from plan.content.changes import assign_changes, assign_m2m, ensure_child, publish_page, stream
from plan.content.plan_data import PlanDataError, data_errors
from plan.models import (
    Agency,
    AppendixPage,
    AreaPage,
    ImplementationSection,
    Indicator,
    PlanIndexPage,
    PlanPage,
    Task,
    Topic,
)
from plan.vocabulary import ReportingFrequency

PROVINCE = settings.SITE_IDENTITY_DEFAULTS["province_name"]
HOME_TITLE = f"Cải cách hành chính {PROVINCE}"
HOME_INTRO = (
    f"Trang công khai các kế hoạch cải cách hành chính nhà nước của {PROVINCE}: "
    "nội dung văn bản, chỉ tiêu, nhiệm vụ và cơ quan thực hiện."
)
INDEX_TITLE = "Kế hoạch cải cách hành chính"
INDEX_SLUG = "ke-hoach"
APPENDIX_SLUG = "phu-luc"
APPENDIX_INTRO = (
    "Khung Kế hoạch thực hiện CCHC nhà nước: mỗi dòng là một nhiệm vụ, với sản phẩm, "
    "cơ quan chủ trì, cơ quan phối hợp và thời gian hoàn thành."
)


@dataclass
class LoadReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)

    @property
    def changed(self):
        return bool(self.created or self.updated)


def load_plan(data, report=None):
    errors = data_errors(data)
    if errors:
        raise PlanDataError(errors)
    report = report or LoadReport()
    with transaction.atomic():
        agencies = {item["code"]: sync_agency(item, report) for item in data["agencies"]}
        topics = {item["slug"]: sync_topic(item, report) for item in data["topics"]}
        home = ensure_home_page(report)
        index = ensure_child(home, PlanIndexPage, INDEX_SLUG, {"title": INDEX_TITLE}, report)
        plan = sync_plan_page(index, data["plan"], agencies, report)
        supporting = supporting_agencies_by_area(data["plan"]["implementation"])
        for area_data in data["areas"]:
            area = sync_area_page(plan, area_data, agencies, topics, supporting, report)
            for position, item in enumerate(area_data["indicators"]):
                sync_indicator(area, item, position, agencies, topics, report)
        ensure_child(
            plan,
            AppendixPage,
            APPENDIX_SLUG,
            {
                "title": (f"Phụ lục Khung Kế hoạch thực hiện CCHC nhà nước {PROVINCE} năm {data['plan']['year']}"),
                "intro": APPENDIX_INTRO,
            },
            report,
        )
    return report


def sync_agency(item, report):
    agency = Agency.objects.filter(code=item["code"]).first()
    values = {"name": item["name"], "kind": item["kind"]}
    if agency is None:
        report.created.append(f"cơ quan {item['code']}")
        return Agency.objects.create(code=item["code"], **values)
    if assign_changes(agency, values):
        agency.save()
        report.updated.append(f"cơ quan {item['code']}")
    return agency


def sync_topic(item, report):
    topic = Topic.objects.filter(slug=item["slug"]).first()
    values = {"name": item["name"], "description": item.get("description", "")}
    if topic is None:
        report.created.append(f"chủ đề {item['slug']}")
        return Topic.objects.create(slug=item["slug"], **values)
    if assign_changes(topic, values):
        topic.save()
        report.updated.append(f"chủ đề {item['slug']}")
    return topic


def ensure_home_page(report):
    """The site root is a HomePage; Wagtail's placeholder welcome page is replaced."""
    home = HomePage.objects.first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    for placeholder in root.get_children().filter(slug="home"):
        if placeholder.specific_class is Page:
            placeholder.delete()
    home = HomePage(title=HOME_TITLE, slug="home", intro=HOME_INTRO)
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=HOME_TITLE)
    else:
        site.root_page = home
        site.site_name = HOME_TITLE
        site.save()
    report.created.append("trang chủ")
    return home


# -- the plan --------------------------------------------------------------------


def sync_plan_page(index, data, agencies, report):
    page = PlanPage.objects.child_of(index).filter(slug=data["slug"]).first()
    created = page is None
    if created:
        page = PlanPage(slug=data["slug"])
    changed = assign_changes(
        page,
        {
            "title": data["title"],
            "document_kind": data["document_kind"],
            "subtitle": data["subtitle"],
            "number": data["number"],
            "issuing_body": data["issuing_body"],
            "place": data["place"],
            "date_text": data["date_text"],
            "year": data["year"],
            "preamble": data["preamble"],
            "legal_basis": stream("document", data["legal_basis"]),
            "purpose": stream("item", data["purpose"]),
            "requirements": stream("item", data["requirements"]),
            "funding": stream("item", data["funding"]),
        },
    )
    changed |= sync_implementation_sections(page, data["implementation"], agencies)
    return publish_page(index, page, created, changed, report)


def sync_implementation_sections(page, sections_data, agencies):
    existing = {section.number: section for section in page.implementation_sections.all()}
    sections, changed = [], len(existing) != len(sections_data)
    for position, item in enumerate(sections_data):
        section = existing.get(item["number"]) or ImplementationSection(number=item["number"])
        changed |= section.pk is None
        changed |= assign_changes(
            section, {"heading": item["heading"], "duties": stream("item", item["duties"]), "sort_order": position}
        )
        changed |= assign_m2m(section, "agencies", [agencies[code] for code in item["agencies"]])
        sections.append(section)
    if changed:
        page.implementation_sections = sections
    return changed


def supporting_agencies_by_area(implementation):
    """Area number → agency codes that section IV asks to help answer for it."""
    supporting = {}
    for section in implementation:
        for number in section.get("coordinates_components", []):
            supporting.setdefault(number, []).extend(section["agencies"])
    return supporting


def sync_area_page(plan, data, agencies, topics, supporting, report):
    page = AreaPage.objects.child_of(plan).filter(slug=data["slug"]).first()
    created = page is None
    if created:
        page = AreaPage(slug=data["slug"])
    changed = assign_changes(
        page,
        {
            "title": data["title"],
            "number": data["number"],
            "heading_as_written": data["heading_as_written"],
            "par_component": data.get("par_component", ""),
            "notes": stream("item", data.get("notes", [])),
        },
    )
    changed |= assign_m2m(page, "answerable_agencies", [agencies[c] for c in data["answerable_agencies"]])
    changed |= assign_m2m(page, "supporting_agencies", [agencies[c] for c in supporting.get(data["number"], [])])
    changed |= sync_tasks(page, data["tasks"], agencies, topics)
    return publish_page(plan, page, created, changed, report)


def sync_tasks(page, tasks_data, agencies, topics):
    existing = {task.code: task for task in page.tasks.all()} if page.pk else {}
    tasks, changed = [], set(existing) != {item["code"] for item in tasks_data}
    for position, item in enumerate(tasks_data):
        task = existing.get(item["code"]) or Task(code=item["code"])
        changed |= assign_changes(
            task,
            {
                "group": item.get("group", ""),
                "text": item["text"],
                "output": item.get("output", ""),
                "lead_agency": agencies.get(item["lead_agency"]) if item.get("lead_agency") else None,
                "lead_agency_derived": bool(item.get("lead_agency_derived")),
                "coordinating_derived": bool(item.get("coordinating_derived")),
                "deadline_text": item.get("deadline_text", ""),
                "due_date": item.get("due_date"),
                "sort_order": position,
            },
        )
        changed |= assign_m2m(
            task, "coordinating_agencies", [agencies[c] for c in item.get("coordinating_agencies", [])]
        )
        changed |= assign_m2m(task, "topics", [topics[s] for s in item.get("topics", [])])
        tasks.append(task)
    if changed:
        page.tasks = tasks
    return changed


def sync_indicator(area, item, position, agencies, topics, report):
    indicator = Indicator.objects.filter(code=item["code"]).first()
    created = indicator is None
    values = {
        "area": area,
        "bullet": item["bullet"],
        "sort_order": position,
        "original_wording": item["original_wording"],
        "statement": item["statement"],
        "metric": item["metric"],
        "unit": item.get("unit", ""),
        "comparator": item["comparator"],
        "target_value": decimal_or_none(item.get("target_value")),
        "target_value_max": decimal_or_none(item.get("target_value_max")),
        "level": item.get("level", ""),
        "responsible_agency": agencies.get(item.get("responsible_agency") or ""),
        "frequency": item.get("frequency", ReportingFrequency.YEARLY),
        "public_source": item.get("public_source", ""),
        "public_source_url": item.get("public_source_url", ""),
    }
    if created:
        indicator = Indicator(code=item["code"], live=True, **values)
        indicator.full_clean()
        indicator.save()
        changed = True
    else:
        changed = assign_changes(indicator, values)
    changed |= assign_m2m(indicator, "topics", [topics[s] for s in item.get("topics", [])])
    if changed:
        indicator.save_revision().publish()
        (report.created if created else report.updated).append(f"chỉ tiêu {item['code']}")
    return indicator


def decimal_or_none(value):
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))
