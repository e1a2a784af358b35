"""Test data builders: a test builds exactly the case it needs (a plan with one area,
an indicator with the odd target, an agency and its editor) instead of leaning on the
2024 plan that tests/conftest.py loads once per session. Everything built here has
codes and slugs of its own, so it lives beside the loaded plan without clashing.

Plain models use factory_boy; pages are added to Wagtail's tree and published, as the
admin would."""

from datetime import date
from decimal import Decimal

import factory
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page

from home.models import HomePage
from plan.editorial.roles import REVIEWERS, sync_editor_group
from plan.models import (
    Agency,
    AreaPage,
    Indicator,
    PlanIndexPage,
    PlanPage,
    Result,
    Task,
    TaskProgress,
    Topic,
    UpdatePage,
)
from plan.vocabulary import AgencyKind, ReportedTaskStatus, ReportingFrequency, TargetComparator

_numbers = iter(range(1, 1_000_000))


def unique():
    return next(_numbers)


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    code = factory.Sequence(lambda n: f"co-quan-thu-{n}")
    name = factory.Sequence(lambda n: f"Cơ quan thử nghiệm {n}")
    kind = AgencyKind.DEPARTMENT


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    slug = factory.Sequence(lambda n: f"chu-de-thu-{n}")
    name = factory.Sequence(lambda n: f"Chủ đề thử nghiệm {n}")


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def plan_index():
    index = PlanIndexPage.objects.first()
    if index is not None:
        return index
    home = HomePage.objects.first() or publish(Page.get_first_root_node(), HomePage(title="Trang chủ", slug="home"))
    return publish(home, PlanIndexPage(title="Kế hoạch", slug="ke-hoach"))


def plan_page(year=2024, **fields):
    number = unique()
    values = {
        "title": f"Kế hoạch thử nghiệm {number}",
        "slug": f"ke-hoach-thu-{number}",
        "subtitle": "Kế hoạch thử nghiệm",
        "issuing_body": "Ủy ban nhân dân tỉnh",
        "place": "Hải Dương",
        "year": year,
        "preamble": "Phần mở đầu thử nghiệm.",
        **fields,
    }
    return publish(plan_index(), PlanPage(**values))


def area_page(plan=None, number=1, answerable=(), **fields):
    plan = plan or plan_page()
    values = {
        "title": f"Lĩnh vực thử nghiệm {number}",
        "slug": f"linh-vuc-thu-{unique()}",
        "number": number,
        "heading_as_written": f"{number}. Lĩnh vực thử nghiệm",
        **fields,
    }
    area = publish(plan, AreaPage(**values))
    if answerable:
        area.answerable_agencies.set(answerable)
        area.save_revision().publish()
    return area


def task(area, **fields):
    values = {"code": f"{area.number}.{unique()}", "text": "Nhiệm vụ thử nghiệm.", "sort_order": unique(), **fields}
    return Task.objects.create(area=area, **values)


class IndicatorFactory(factory.django.DjangoModelFactory):
    """An indicator "≥ 80%" reported yearly, live, in an area of its own plan."""

    class Meta:
        model = Indicator

    code = factory.Sequence(lambda n: f"9.a.{n}")
    area = factory.LazyFunction(area_page)
    bullet = 1
    original_wording = "Chỉ tiêu thử nghiệm."
    statement = "Chỉ tiêu thử nghiệm."
    metric = factory.Sequence(lambda n: f"Tỷ lệ thử nghiệm {n}")
    unit = "%"
    comparator = TargetComparator.AT_LEAST
    target_value = Decimal(80)
    frequency = ReportingFrequency.YEARLY
    live = True


class ResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Result

    indicator = factory.SubFactory(IndicatorFactory)
    period = "2024"
    value = Decimal(90)
    source_name = "Nguồn thử nghiệm"
    captured_on = date(2024, 12, 20)


def published_update(parent, title, slug="tin-moi", tasks=(), indicators=()):
    """A live progress update below `parent`, about `tasks` and `indicators`."""
    update = UpdatePage(title=title, slug=slug, summary="Tóm tắt", body="<p>Nội dung</p>", date=date(2024, 6, 1))
    parent.add_child(instance=update)
    update.save_revision().publish()
    update.tasks.set(tasks)
    update.indicators.set(indicators)
    update.save()
    return update


def unsaved_result(**changes):
    """A Result as a table cell shows it, not saved: a yearly figure of 85.5 whose
    source name needs escaping; `changes` override any field."""
    values = {
        "period": "2024",
        "period_end": date(2024, 12, 31),
        "scope": "",
        "value": Decimal("85.5"),
        "source_name": "Sở Nội vụ & Văn phòng",
        "source_url": "",
        "captured_on": date(2024, 5, 1),
        "is_demo": False,
    }
    return Result(**{**values, **changes})


class TaskProgressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaskProgress

    task = None
    status = ReportedTaskStatus.IN_PROGRESS
    reported_on = date(2024, 6, 30)


def editor(agency, username=None):
    """A user of the agency's editors' group (plan.editorial.roles)."""
    user = get_user_model().objects.create_user(username or f"bien-tap-{unique()}", password="mat-khau-thu")
    user.groups.add(sync_editor_group(agency))
    return user


def reviewer(username=None):
    user = get_user_model().objects.create_user(username or f"nguoi-duyet-{unique()}", password="mat-khau-thu")
    user.groups.add(Group.objects.get_or_create(name=REVIEWERS)[0])
    return user


def ensure_plan_loaded():
    """The 2024 plan, loaded again when a transactional test emptied every table (a
    live server's test case does): after what Wagtail's migrations put in an empty
    database, a locale, the root page and collection."""
    if PlanPage.objects.exists():
        return
    if not Page.objects.exists():
        Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
        Page.add_root(instance=Page(title="Root", slug="root"))
        Collection.add_root(name="Root")
    call_command("load_plan", verbosity=0)
