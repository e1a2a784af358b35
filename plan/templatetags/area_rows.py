"""The area page's list of target bullets and its task table
(plan/templates/plan/area_page.html), written in Python: each bullet with its wording,
its combined status and a table of the indicators it was split into, and a row per
task. Through the template engine (an include per bullet, an include of the table in
each, a lookup per value) they cost the page more than its data, and format_html
spends most of a row's time on Django's lazy-string checks: values are escaped here by
html.escape, which is what django.utils.html.escape does with a plain string.

The markup is that of the templates these replace (the bullet loop of area_page.html
and plan/includes/bullet_group.html, kept in tests/plan/replaced_templates/) with
includes/indicator_table.html and task_table.html and their rows
(plan/templatetags/table_rows.py), which other pages still use;
tests/plan/test_area_rows.py checks that both write the same."""

from html import escape

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe

from plan.progress.rows import STATUS_VIEWS
from plan.progress.targets import format_result
from plan.templatetags import table_rows

register = template.Library()

SHOWN_BULLETS = 5  # bullets shown before the others fold into a <details>
SHOWN_ROWS = 10  # rows of a table shown before the others fold

INDICATOR_HEAD = (
    "<thead>\n  <tr>\n"
    '    <th scope="col">Mã</th>\n    <th scope="col">Chỉ tiêu</th>\n    <th scope="col">Mục tiêu</th>\n'
    '    <th scope="col">Cấp</th>\n    <th scope="col">Cơ quan chịu trách nhiệm</th>\n'
    '    <th scope="col">Số liệu mới nhất</th>\n    <th scope="col">Trạng thái</th>\n  </tr>\n</thead>'
)
TASK_HEAD = (
    "<thead>\n  <tr>\n"
    '    <th scope="col">Mã</th>\n    <th scope="col">Nhiệm vụ</th>\n    <th scope="col">Cơ quan chủ trì</th>\n'
    '    <th scope="col">Cơ quan phối hợp</th>\n    <th scope="col">Thời gian hoàn thành</th>\n'
    '    <th scope="col">Tiến độ</th>\n  </tr>\n</thead>'
)
BULLET_CAPTION = "Chỉ tiêu tách từ ý này"
TASK_CAPTION = "Nhiệm vụ của lĩnh vực"
BADGES = {code: str(table_rows.status_badge(view)) for code, view in STATUS_VIEWS.items()}
DEMO_BADGE, NOT_STATED = str(table_rows.DEMO_BADGE), str(table_rows.NOT_STATED)
NO_FIGURE = '<span class="muted">Chưa có số liệu</span>'


def text(value):
    return escape(str(value))


def badge(status):
    return BADGES.get(status.code) or str(table_rows.status_badge(status))


def mark(fact):
    """table_rows.origin_mark"""
    symbol = table_rows.ORIGIN_SYMBOLS.get(getattr(fact, "origin", None))
    if symbol is None:
        return ""
    title = text(fact.text)
    return f'<sup><a href="#ghi-chu-nguon-goc" title="{title}" aria-label="{title}">{symbol}</a></sup>'


class Links(dict):
    """{(model, pk): the link to an agency's or a topic's page}: the same few recur on
    many rows, and each reverse() costs as much as the rest of a cell."""

    def link(self, obj):
        key = (type(obj), obj.pk)
        if key not in self:
            self[key] = f'<a href="{text(obj.get_absolute_url())}">{text(obj.name)}</a>'
        return self[key]

    def join(self, objects, separator):
        return separator.join(self.link(obj) for obj in objects)

    def agency(self, agency):
        return self.link(agency) if agency else NOT_STATED


def figure(result, indicator):
    """table_rows.figure"""
    if not result:
        return NO_FIGURE
    value = result.value
    value = "" if value is None or value == "" else format_result(value, indicator.comparator, indicator.unit)
    scope = f", {result.get_scope_display().lower()}" if result.scope else ""
    source = text(result.source_name)
    if result.source_url:
        source = f'<a href="{text(result.source_url)}">{source}</a>'
    captured = result.captured_on.strftime("%d/%m/%Y") if result.captured_on else ""
    return (
        f'<strong>{text(value)}</strong> <span class="muted">({text(result.period_label)}{text(scope)})</span>\n'
        f'<br><span class="source">Nguồn: {source}, thu thập ngày {captured}</span>'
        f"{' ' + DEMO_BADGE if result.is_demo else ''}\n"
    )


def indicator_row(row, links):
    """table_rows.indicator_row"""
    indicator, facts = row.indicator, table_rows.facts(row.indicator)
    late = '<br><span class="late">Chậm cập nhật số liệu</span>' if row.late else ""
    return (
        f'<tr>\n  <th scope="row" data-label="Mã"><a href="{text(table_rows.detail_link(indicator))}">'
        f"{text(indicator.code)}</a></th>\n"
        f'  <td class="cell-name"><strong>{text(indicator.metric)}</strong><br>{text(indicator.statement)}</td>\n'
        f'  <td class="target" data-label="Mục tiêu">{text(indicator.target_display)}{mark(facts.get("target"))}</td>\n'
        f'  <td data-label="Cấp">{text(indicator.get_level_display() or "Chung")}</td>\n'
        f'  <td data-label="Cơ quan chịu trách nhiệm">{links.agency(indicator.responsible_agency)}'
        f"{mark(facts.get('responsible_agency'))}</td>\n"
        f'  <td data-label="Số liệu mới nhất">{figure(row.latest, indicator)}</td>\n'
        f'  <td class="cell-status" data-label="Trạng thái">{badge(row.status)}{late}</td>\n</tr>'
    )


def task_row(row, links):
    """table_rows.task_row, without the area's name (the page is the area's)."""
    task, facts, report = row.task, table_rows.facts(row.task), row.report
    topics, coordinating = list(task.topics.all()), list(task.coordinating_agencies.all())
    progress = badge(row.status)
    if report is not None and report.percent is not None:
        progress = f"{progress} ({text(report.percent)}%)"
    if report is not None and report.is_demo:
        progress = f"{progress} {DEMO_BADGE}"
    group = f"<strong>{text(task.group)}:</strong> " if task.group else ""
    tags = f'<p class="tags">Chủ đề: {links.join(topics, ", ")}</p>' if topics else ""
    due = f" ({task.due_date:%d/%m/%Y})" if task.due_date else ""
    return (
        f'<tr>\n  <th scope="row" data-label="Mã"><a href="{text(table_rows.detail_link(task))}">'
        f"{text(task.code)}</a></th>\n"
        f'  <td class="cell-name">\n    {group}{text(task.text)}\n    {tags}\n  </td>\n'
        f'  <td data-label="Cơ quan chủ trì">{links.agency(task.lead_agency)}{mark(facts.get("lead_agency"))}</td>\n'
        f'  <td data-label="Cơ quan phối hợp">{links.join(coordinating, "; ") if coordinating else NOT_STATED}'
        f"{mark(facts.get('coordinating_agencies'))}</td>\n"
        f'  <td data-label="Thời gian hoàn thành">{text(task.deadline_text or "Kế hoạch không nêu")}{due}'
        f"{mark(facts.get('deadline'))}</td>\n"
        f'  <td class="cell-status" data-label="Tiến độ">{progress}</td>\n</tr>'
    )


def open_data_note():
    url = text(reverse("plan:open_data"))
    return f'<p class="note">Tất cả chỉ tiêu và số liệu, để tải về: <a href="{url}">Dữ liệu mở</a>.</p>'


def table(rows, write, head, caption, more):
    """A table of rows whose first ten show and the others wait in a <details> below
    (includes/indicator_table.html and task_table.html, without their origin note)."""
    shown, rest = rows[:SHOWN_ROWS], rows[SHOWN_ROWS:]
    parts = [
        f'<div class="table-wrap">\n<table class="data-table stack">\n'
        f'  <caption class="visually-hidden">{caption}</caption>\n  {head}\n  <tbody>\n',
        *(f"{write(row)}\n" for row in shown),
    ]
    if rest:
        parts.append(
            '  </tbody>\n</table>\n</div>\n<details class="more-rows">\n'
            f"  <summary>Xem thêm {len(rest)} {more}</summary>\n"
            '  <div class="table-wrap">\n  <table class="data-table stack">\n'
            f'    <caption class="visually-hidden">{caption} (tiếp theo)</caption>\n    {head}\n    <tbody>\n'
        )
        parts.extend(f"{write(row)}\n" for row in rest)
    parts.append("  </tbody>\n</table>\n</div>\n")
    if rest:
        parts.append("</details>\n")
    return "".join(parts)


def bullet(group, links):
    """plan/includes/bullet_group.html"""
    combined = group.combined
    if combined is not None:
        combined = (
            f'<p class="combined-status">Ý này nêu {len(group.rows)} mục tiêu, chỉ đạt khi tất cả cùng đạt: '
            f"{badge(combined)}</p>"
        )
    rows = table(group.rows, lambda row: indicator_row(row, links), INDICATOR_HEAD, BULLET_CAPTION, "chỉ tiêu")
    note = f"{open_data_note()}\n" if len(group.rows) > SHOWN_ROWS else ""
    return f"<li>\n  <p>{text(group.wording)}</p>\n  {combined or ''}\n  {rows}{note}\n</li>"


@register.simple_tag
def bullet_list(groups):
    """The area's target bullets (BulletGroup): the first five, then the others in a
    <details>, with a pointer to the open data, which holds every indicator."""
    links = Links()
    shown, rest = groups[:SHOWN_BULLETS], groups[SHOWN_BULLETS:]
    parts = ['<ol class="bullet-list">\n', *(bullet(group, links) for group in shown), "\n</ol>\n"]
    if rest:
        parts.append(
            f'<details class="more-rows">\n  <summary>Xem thêm {len(rest)} ý chỉ tiêu</summary>\n'
            f'  <ol class="bullet-list" start="{SHOWN_BULLETS + 1}">\n'
        )
        parts.extend(bullet(group, links) for group in rest)
        parts.append(f"\n  </ol>\n</details>\n{open_data_note()}\n")
    return mark_safe("".join(parts))


@register.simple_tag
def task_table(task_rows):
    """The area's tasks (TaskRow): includes/task_table.html with the area's caption."""
    links = Links()
    return mark_safe(table(task_rows, lambda row: task_row(row, links), TASK_HEAD, TASK_CAPTION, "nhiệm vụ"))
