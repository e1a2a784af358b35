"""Load a plan data file (YAML, see plan/data/ and plan/content/plan_data.py) into
pages, tasks, indicators, agencies and topics.

The admin is the source of truth once the site runs: by default the loader creates
what is missing and reports, field by field, what differs from the file; in update
mode it applies the file only to objects nobody changed since they were loaded, or to
those forced one by one (plan/content/edits.py). A second run changes nothing: no
page, record or revision. Everything happens in one transaction: a file that fails
half way leaves the database as it was."""

from decimal import Decimal

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from home.models import HomePage
from plan.content.changes import assign_changes, assign_m2m, snapshot
from plan.content.codes import indicator_key
from plan.content.edits import CREATE, EditGuard, LoadReport
from plan.content.page_values import area_setter, fields_setter, plan_setter, supporting_agencies_by_area
from plan.content.plan_data import PlanDataError, data_errors
from plan.models import AppendixPage, AreaPage, Indicator, PlanIndexPage, PlanPage
from plan.models.reference import Agency, Topic
from plan.vocabulary import ReportingFrequency

PROVINCE = settings.SITE_IDENTITY_DEFAULTS["province_name"]
HOME_TITLE = settings.WAGTAIL_SITE_NAME  # “Cải cách hành chính tỉnh …”
HOME_INTRO = (
    f"Trang công khai các kế hoạch cải cách hành chính nhà nước của {PROVINCE}: "
    "nội dung văn bản, chỉ tiêu, nhiệm vụ và cơ quan thực hiện."
)
INDEX_TITLE = "Kế hoạch cải cách hành chính"
INDEX_SLUG = "ke-hoach"
APPENDIX_SLUG = "phu-luc"
APPENDIX_INTRO = (
    "Văn bản Kế hoạch được công bố không kèm Phụ lục “Khung Kế hoạch thực hiện CCHC nhà nước”. "
    "Bảng dưới đây do trang này lập từ các nhiệm vụ ở mục II của Kế hoạch; khi có Phụ lục chính thức, "
    "các dòng của Phụ lục được đăng ở đầu trang, kèm nguồn."
)


def load_plan(data, report=None, mode=CREATE, force=()):
    errors = data_errors(data)
    if errors:
        raise PlanDataError(errors)
    report = report or LoadReport()
    with transaction.atomic():
        guard = EditGuard(report, mode, force)
        agencies = {item["code"]: sync_agency(item, guard) for item in data["agencies"]}
        topics = {item["slug"]: sync_topic(item, guard) for item in data["topics"]}
        home = ensure_home_page(guard)
        index = sync_page(home, PlanIndexPage, INDEX_SLUG, guard, fields_setter({"title": INDEX_TITLE}))
        plan = sync_page(index, PlanPage, data["plan"]["slug"], guard, plan_setter(data["plan"], agencies))
        supporting = supporting_agencies_by_area(data["plan"]["implementation"])
        for area_data in data["areas"]:
            setter = area_setter(area_data, agencies, topics, supporting.get(area_data["number"], []))
            area = sync_page(plan, AreaPage, area_data["slug"], guard, setter)
            for position, item in enumerate(area_data["indicators"]):
                sync_indicator(area, item, position, agencies, topics, guard)
        appendix_title = f"Nhiệm vụ năm {data['plan']['year']} theo mục II (Phụ lục của Kế hoạch chưa được công bố)"
        appendix = {"title": appendix_title, "intro": APPENDIX_INTRO}
        sync_page(plan, AppendixPage, APPENDIX_SLUG, guard, fields_setter(appendix))
    return report


# -- reference data --------------------------------------------------------------


def sync_plain(model, lookup, key, values, guard):
    """An agency or a topic: created when missing, else compared and written when allowed."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model.objects.create(**lookup, **values)
        guard.created(key, snapshot(obj, values))
        return obj
    before = snapshot(obj, values)
    assign_changes(obj, values)
    if guard.may_write(key, before, snapshot(obj, values)):
        obj.save()
        return obj
    return model.objects.get(pk=obj.pk)


def sync_agency(item, guard):
    values = {"name": item["name"], "kind": item["kind"]}
    return sync_plain(Agency, {"code": item["code"]}, f"agency:{item['code']}", values, guard)


def sync_topic(item, guard):
    values = {"name": item["name"], "description": item.get("description", "")}
    return sync_plain(Topic, {"slug": item["slug"]}, f"topic:{item['slug']}", values, guard)


def ensure_home_page(guard):
    """The site root is a HomePage; Wagtail's placeholder welcome page is replaced.
    An existing home page is the editors' and is left as it is."""
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
    guard.created("home", {"title": HOME_TITLE})
    return home


# -- pages -----------------------------------------------------------------------


def sync_page(parent, page_class, slug, guard, setter):
    """A page under `parent`: created and published when missing; else the file's
    values are set in memory, compared, and published only when the guard allows.
    `setter(page)` sets the values and returns the page's snapshot."""
    key = f"{page_class._meta.model_name}:{parent.url_path}{slug}/"
    page = page_class.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = page_class(slug=slug)
        values = setter(page)
        parent.add_child(instance=page)
        page.save_revision().publish()
        guard.created(key, values)
        return page
    before = setter.describe(page)
    after = setter(page)
    if guard.may_write(key, before, after, has_draft=page.has_unpublished_changes):
        page.save_revision().publish()
        return page
    return page_class.objects.get(pk=page.pk)


# -- indicators ------------------------------------------------------------------


def indicator_values(area, item, position, agencies):
    return {
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


def sync_indicator(area, item, position, agencies, topics, guard):
    key = indicator_key(item["code"])
    values = indicator_values(area, item, position, agencies)
    wanted_topics = [topics[s] for s in item.get("topics", [])]
    indicator = Indicator.objects.filter(code=item["code"]).first()
    if indicator is None:
        indicator = Indicator(code=item["code"], live=True, **values)
        indicator.full_clean()
        indicator.save()
        indicator.topics.set(wanted_topics)
        # Not compared afterwards (not in the LoadRecord): what editors set stays theirs.
        indicator.concerned_agencies.set([agencies[c] for c in item.get("concerned_agencies", [])])
        indicator.save_revision().publish()
        guard.created(key, snapshot(indicator, values, ["topics"]))
        return indicator
    before = snapshot(indicator, values, ["topics"])
    assign_changes(indicator, values)
    assign_m2m(indicator, "topics", wanted_topics)
    after = snapshot(indicator, values, ["topics"])
    if guard.may_write(key, before, after, has_draft=indicator.has_unpublished_changes):
        indicator.save_revision().publish()
    return indicator


def decimal_or_none(value):
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))
