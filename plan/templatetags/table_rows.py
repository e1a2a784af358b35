"""The rows of the task and indicator tables (templates/includes/task_table.html and
indicator_table.html), written in Python. A row shows about forty values; the template
engine spends some 15 µs on each (a lookup that tries a dict first, then an attribute,
then escaping), format_html a tenth of that, and an area or agency page shows dozens of
rows. The markup is that of the includes a detail page uses for one value
(status.html, figure.html, agency_name.html, origin_mark.html, demo_badge.html);
tests/plan/test_table_rows.py checks that both write the same."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from plan.progress.targets import format_result

register = template.Library()

DEMO_BADGE = mark_safe(
    '<span class="demo-badge" title="Số liệu giả lập để trình diễn, không phải kết quả chính thức">'
    "Dữ liệu minh họa</span>"
)
NOT_STATED = mark_safe('<span class="muted">Kế hoạch không nêu</span>')
ORIGIN_SYMBOLS = {"inferred": "*", "editor": "†"}


def origin_mark(fact):
    """A mark for a fact that is not the plan's word (origin_mark.html)."""
    symbol = ORIGIN_SYMBOLS.get(getattr(fact, "origin", None))
    if symbol is None:
        return ""
    text = fact.text
    return format_html('<sup><a href="#ghi-chu-nguon-goc" title="{}" aria-label="{}">{}</a></sup>', text, text, symbol)


def status_badge(status):
    """status.html"""
    return format_html(
        '<span class="status status-{}"><span class="status-icon" aria-hidden="true">{}</span> {}</span>',
        status.code,
        status.icon,
        status.label,
    )


class Links(dict):
    """{(model, pk): address} of the agencies and topics a table links to: the same few
    recur on many rows, and each reverse() costs as much as the rest of a cell."""

    def link(self, obj):
        key = (type(obj), obj.pk)
        if key not in self:
            self[key] = obj.get_absolute_url()
        return format_html('<a href="{}">{}</a>', self[key], obj.name)

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
    if result.source_url:
        source = format_html('<a href="{}">{}</a>', result.source_url, result.source_name)
    else:
        source = result.source_name
    captured = result.captured_on.strftime("%d/%m/%Y") if result.captured_on else ""
    return format_html(
        '<strong>{}</strong> <span class="muted">({}{})</span>\n'
        '<br><span class="source">Nguồn: {}, thu thập ngày {}</span>{}\n',
        value,
        result.period_label,
        scope,
        source,
        captured,
        format_html(" {}", DEMO_BADGE) if result.is_demo else "",
    )


def facts(obj):
    return getattr(obj, "provenance", None) or {}


def detail_link(obj):
    return getattr(obj, "detail_url", None) or obj.get_url()


@register.simple_tag(takes_context=True)
def indicator_row(context, row):
    """One <tr> of indicator_table.html for an IndicatorRow."""
    indicator, provenance = row.indicator, facts(row.indicator)
    return format_html(
        '<tr>\n  <th scope="row" data-label="Mã"><a href="{}">{}</a></th>\n'
        '  <td class="cell-name"><strong>{}</strong><br>{}</td>\n'
        '  <td class="target" data-label="Mục tiêu">{}{}</td>\n'
        '  <td data-label="Cấp">{}</td>\n'
        '  <td data-label="Cơ quan chịu trách nhiệm">{}{}</td>\n'
        '  <td data-label="Số liệu mới nhất">{}</td>\n'
        '  <td class="cell-status" data-label="Trạng thái">{}{}</td>\n</tr>',
        detail_link(indicator),
        indicator.code,
        indicator.metric,
        indicator.statement,
        indicator.target_display,
        origin_mark(provenance.get("target")),
        indicator.get_level_display() or "Chung",
        agency_name(indicator.responsible_agency, table_links(context)),
        origin_mark(provenance.get("responsible_agency")),
        figure(row.latest, indicator),
        status_badge(row.status),
        mark_safe('<br><span class="late">Chậm cập nhật số liệu</span>') if row.late else "",
    )


@register.simple_tag(takes_context=True)
def task_row(context, row, show_area=False):
    """One <tr> of task_table.html for a TaskRow."""
    task, provenance, report, links = row.task, facts(row.task), row.report, table_links(context)
    topics = list(task.topics.all())
    coordinating = list(task.coordinating_agencies.all())
    progress = status_badge(row.status)
    if report is not None and report.percent is not None:
        progress = format_html("{} ({}%)", progress, report.percent)
    if report is not None and report.is_demo:
        progress = format_html("{} {}", progress, DEMO_BADGE)
    return format_html(
        '<tr>\n  <th scope="row" data-label="Mã"><a href="{}">{}</a></th>\n'
        '  <td class="cell-name">\n    {}{}{}\n    {}\n  </td>\n'
        '  <td data-label="Cơ quan chủ trì">{}{}</td>\n'
        '  <td data-label="Cơ quan phối hợp">{}{}</td>\n'
        '  <td data-label="Thời gian hoàn thành">{}{}{}</td>\n'
        '  <td class="cell-status" data-label="Tiến độ">{}</td>\n</tr>',
        detail_link(task),
        task.code,
        format_html('<span class="muted">{}</span><br>\n    ', task.area.title) if show_area else "",
        format_html("<strong>{}:</strong> ", task.group) if task.group else "",
        task.text,
        format_html('<p class="tags">Chủ đề: {}</p>', links.join(topics, ", ")) if topics else "",
        agency_name(task.lead_agency, links),
        origin_mark(provenance.get("lead_agency")),
        links.join(coordinating, "; ") if coordinating else NOT_STATED,
        origin_mark(provenance.get("coordinating_agencies")),
        task.deadline_text or "Kế hoạch không nêu",
        f" ({task.due_date:%d/%m/%Y})" if task.due_date else "",
        origin_mark(provenance.get("deadline")),
        progress,
    )
