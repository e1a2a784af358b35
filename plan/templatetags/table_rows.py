"""The rows of the task and indicator tables (templates/includes/task_table.html and
indicator_table.html), written in Python. A row shows about forty values; the template
engine spends some 15 µs on each (a lookup that tries a dict first, then an attribute,
then escaping), and an area or agency page shows dozens of rows. Values are escaped by
text() (what conditional_escape does, without format_html's lazy-string checks, which
took most of a row's time). The markup is that of the includes a detail page uses for
one value (status.html, figure.html, agency_name.html, origin_mark.html,
demo_badge.html); tests/plan/test_table_rows.py checks that both write the same. The
area page's tables (area_rows.py) and the dashboard's list (rollup_rows.py) are made
of these rows and cells too."""

from html import escape

from django import template
from django.utils.safestring import mark_safe

from plan.progress.targets import format_result

register = template.Library()

DEMO_BADGE = mark_safe(
    '<span class="demo-badge" title="Số liệu giả lập để trình diễn, không phải kết quả chính thức">'
    "Dữ liệu minh họa</span>"
)
NOT_STATED = mark_safe('<span class="muted">Kế hoạch không nêu</span>')
ORIGIN_SYMBOLS = {"inferred": "*", "editor": "†"}
LATE = mark_safe('<br><span class="late">Chậm cập nhật số liệu</span>')


def text(value):
    """`value` escaped for HTML, unless it is already markup (as conditional_escape)."""
    return value.__html__() if hasattr(value, "__html__") else escape(str(value))


def origin_mark(fact):
    """A mark for a fact that is not the plan's word (origin_mark.html)."""
    symbol = ORIGIN_SYMBOLS.get(getattr(fact, "origin", None))
    if symbol is None:
        return ""
    title = text(fact.text)
    return mark_safe(f'<sup><a href="#ghi-chu-nguon-goc" title="{title}" aria-label="{title}">{symbol}</a></sup>')


def status_badge(status):
    """status.html"""
    return mark_safe(
        f'<span class="status status-{text(status.code)}"><span class="status-icon" aria-hidden="true">'
        f"{text(status.icon)}</span> {text(status.label)}</span>"
    )


class Links(dict):
    """{(model, pk): address} of the agencies and topics a table links to: the same few
    recur on many rows, and each reverse() costs as much as the rest of a cell."""

    def link(self, obj):
        key = (type(obj), obj.pk)
        if key not in self:
            self[key] = mark_safe(f'<a href="{text(obj.get_absolute_url())}">{text(obj.name)}</a>')
        return self[key]

    def join(self, objects, separator):
        return mark_safe(separator.join(self.link(obj) for obj in objects))


def table_links(context):
    """The Links of the request (an area page has a table per bullet of its targets),
    or of the table being written when there is no request."""
    request = context.get("request")
    if request is None:
        return context.render_context.setdefault("table_rows_links", Links())
    if not hasattr(request, "_table_links"):
        request._table_links = Links()
    return request._table_links


def agency_name(agency, links):
    """agency_name.html"""
    return links.link(agency) if agency else NOT_STATED


def figure(result, indicator):
    """figure.html"""
    if not result:
        return mark_safe('<span class="muted">Chưa có số liệu</span>')
    value = result.value
    value = "" if value is None or value == "" else format_result(value, indicator.comparator, indicator.unit)
    scope = f", {result.get_scope_display().lower()}" if result.scope else ""
    source = text(result.source_name)
    if result.source_url:
        source = f'<a href="{text(result.source_url)}">{source}</a>'
    captured = result.captured_on.strftime("%d/%m/%Y") if result.captured_on else ""
    return mark_safe(
        f'<strong>{text(value)}</strong> <span class="muted">({text(result.period_label)}{text(scope)})</span>\n'
        f'<br><span class="source">Nguồn: {source}, thu thập ngày {captured}</span>'
        f"{' ' + DEMO_BADGE if result.is_demo else ''}\n"
    )


def facts(obj):
    return getattr(obj, "provenance", None) or {}


def detail_link(obj):
    return getattr(obj, "detail_url", None) or obj.get_url()


def indicator_row_html(row, links):
    """One <tr> of indicator_table.html for an IndicatorRow."""
    indicator, provenance = row.indicator, facts(row.indicator)
    return mark_safe(
        f'<tr>\n  <th scope="row" data-label="Mã"><a href="{text(detail_link(indicator))}">'
        f"{text(indicator.code)}</a></th>\n"
        f'  <td class="cell-name"><strong>{text(indicator.metric)}</strong><br>{text(indicator.statement)}</td>\n'
        f'  <td class="target" data-label="Mục tiêu">{text(indicator.target_display)}'
        f"{origin_mark(provenance.get('target'))}</td>\n"
        f'  <td data-label="Cấp">{text(indicator.get_level_display() or "Chung")}</td>\n'
        f'  <td data-label="Cơ quan chịu trách nhiệm">{agency_name(indicator.responsible_agency, links)}'
        f"{origin_mark(provenance.get('responsible_agency'))}</td>\n"
        f'  <td data-label="Số liệu mới nhất">{figure(row.latest, indicator)}</td>\n'
        f'  <td class="cell-status" data-label="Trạng thái">{status_badge(row.status)}{LATE if row.late else ""}</td>\n'
        "</tr>"
    )


def task_row_html(row, links, show_area=False):
    """One <tr> of task_table.html for a TaskRow."""
    task, provenance, report = row.task, facts(row.task), row.report
    topics, coordinating = list(task.topics.all()), list(task.coordinating_agencies.all())
    progress = status_badge(row.status)
    if report is not None and report.percent is not None:
        progress = f"{progress} ({text(report.percent)}%)"
    if report is not None and report.is_demo:
        progress = f"{progress} {DEMO_BADGE}"
    area = f'<span class="muted">{text(task.area.title)}</span><br>\n    ' if show_area else ""
    group = f"<strong>{text(task.group)}:</strong> " if task.group else ""
    tags = f'<p class="tags">Chủ đề: {links.join(topics, ", ")}</p>' if topics else ""
    due = f" ({task.due_date:%d/%m/%Y})" if task.due_date else ""
    return mark_safe(
        f'<tr>\n  <th scope="row" data-label="Mã"><a href="{text(detail_link(task))}">{text(task.code)}</a></th>\n'
        f'  <td class="cell-name">\n    {area}{group}{text(task.text)}\n    {tags}\n  </td>\n'
        f'  <td data-label="Cơ quan chủ trì">{agency_name(task.lead_agency, links)}'
        f"{origin_mark(provenance.get('lead_agency'))}</td>\n"
        f'  <td data-label="Cơ quan phối hợp">{links.join(coordinating, "; ") if coordinating else NOT_STATED}'
        f"{origin_mark(provenance.get('coordinating_agencies'))}</td>\n"
        f'  <td data-label="Thời gian hoàn thành">{text(task.deadline_text or "Kế hoạch không nêu")}{due}'
        f"{origin_mark(provenance.get('deadline'))}</td>\n"
        f'  <td class="cell-status" data-label="Tiến độ">{progress}</td>\n</tr>'
    )


@register.simple_tag(takes_context=True)
def indicator_row(context, row):
    return indicator_row_html(row, table_links(context))


@register.simple_tag(takes_context=True)
def task_row(context, row, show_area=False):
    return task_row_html(row, table_links(context), show_area)
