"""The rows of the roll-up tables (templates/includes/rollup_table.html), the stacked
status bars and their groups (plan/includes/status_chart.html, status_headline.html) and
the rows and filters of the dashboard's list, written in Python: the dashboard shows a row per area
and per agency, with a cell per status, two bars per group and 25 indicators; through
the template engine (an include per bar, a lookup per value) they cost more than the
rest of the page. tests/plan/test_rollup_rows.py checks that the markup is that of the
templates they replace. Counts are written with int(): the site sets no thousand
separator (USE_THOUSAND_SEPARATOR), so that is what {{ count }} gives."""

from django import template
from django.utils.formats import localize
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from plan.progress.rows import STATUS_VIEWS
from plan.templatetags import table_rows
from plan.templatetags.table_rows import text

register = template.Library()

DEMO_BADGE = mark_safe(
    '<span class="demo-badge" title="Số liệu giả lập để trình diễn, không phải kết quả chính thức">'
    "Dữ liệu minh họa</span>"
)
NO = mark_safe('<span class="muted">Không</span>')
COUNT_CELL = {
    code: format_html('<td class="cell-count" data-label="{} {}">', view.icon, view.label)
    for code, view in STATUS_VIEWS.items()
}
STATUS_HEAD = {
    code: format_html(
        '<th scope="col" class="status-head status-{}-text"><span aria-hidden="true">{}</span> {}</th>',
        code,
        view.icon,
        view.label,
    )
    for code, view in STATUS_VIEWS.items()
}
STATUS_BADGE = {code: table_rows.status_badge(view) for code, view in STATUS_VIEWS.items()}
SEGMENT = {
    code: (
        format_html('<span class="bar-seg seg-{}" style="flex-grow:', code),
        format_html('"><span class="bar-seg-label">{} ', view.icon),
    )
    for code, view in STATUS_VIEWS.items()
}


def group_cell(rollup):
    if rollup.url:
        return f'<th scope="row"><a href="{text(rollup.url)}">{text(rollup.title)}</a></th>'
    return f'<th scope="row">{text(rollup.title)}</th>'


def count_cells(counts):
    """The cells of the counts: the status's part of a cell is escaped once per process
    (a cell costs a tenth of what format_html takes; the dashboard writes hundreds)."""
    return mark_safe("".join(f"{COUNT_CELL[status.code]}{int(count)}</td>" for status, count in counts))


def share_cell(rollup):
    if rollup.share_met is None:
        return '<span class="muted">Chưa có số liệu</span>'
    share = text(localize(rollup.share_met))
    return f'{share}%<br><span class="muted">{rollup.with_data}/{rollup.total} có số liệu</span>'


def demo_cell(demo, total, words):
    if not demo:
        return NO
    return f'{DEMO_BADGE}<br><span class="muted">{demo}/{total} {words}</span>'


# The rows of the roll-up tables are written with f-strings, escaping only plain text:
# format_html checks every value it is given, hundreds of times on the dashboard.
def indicator_row(view):
    return (
        f"<tr>\n{group_cell(view)}{count_cells(view.indicator_counts)}"
        f'<td data-label="Tỷ lệ đạt">{share_cell(view.indicators)}</td>\n'
        f'<td data-label="Dữ liệu minh họa">'
        f"{demo_cell(view.indicator_demo, view.indicators.total, 'chỉ tiêu tính từ dữ liệu minh họa')}</td>\n</tr>"
    )


def task_row(view):
    return (
        f"<tr>\n{group_cell(view)}{count_cells(view.task_counts)}"
        f'<td data-label="Dữ liệu minh họa">'
        f"{demo_cell(view.task_demo, view.tasks.total, 'nhiệm vụ tính từ báo cáo minh họa')}</td>\n</tr>"
    )


@register.simple_tag
def rollup_rows(rollups, kind):
    """The <tr> of a roll-up table's body: `kind` "indicators" or "tasks"."""
    write = indicator_row if kind == "indicators" else task_row
    return mark_safe("\n".join(write(view) for view in rollups))


@register.simple_tag
def status_heads(rollups, kind):
    """The <th> of a roll-up table's statuses (those of its first row): `kind`
    "indicators" or "tasks"."""
    if not rollups:
        return ""
    counts = rollups[0].indicator_counts if kind == "indicators" else rollups[0].task_counts
    return mark_safe("".join(STATUS_HEAD[status.code] for status, _count in counts))


@register.simple_tag
def filter_selects(form):
    """The dashboard's filters (DashboardFilter.selects()): a label and a <select> each."""
    return mark_safe(
        "".join(
            format_html(
                '<p><label for="{}">{}</label> <select name="{}" id="{}"{}>{}</select></p>',
                field.id_for_label,
                field.label,
                field.html_name,
                field.id_for_label,
                mark_safe(' aria-invalid="true"') if field.errors else "",
                mark_safe("".join(option(*choice) for choice in options)),
            )
            for field, options in form.selects()
        )
    )


def option(value, label, selected):
    return format_html('<option value="{}"{}>{}</option>', value, mark_safe(" selected") if selected else "", label)


@register.simple_tag
def status_bar(bar, label):
    """One stacked bar (plan.public.summary.StatusBar), read out as words (role="img"
    and its label); each segment carries its status's colour, pattern, icon and count."""
    if not bar.total:
        return format_html('<p class="stacked-bar-empty muted">Không có {}.</p>', bar.noun)
    segments = mark_safe(
        "".join(
            f"{SEGMENT[s.status.code][0]}{int(s.count)}{SEGMENT[s.status.code][1]}{int(s.count)}</span></span>"
            for s in bar.segments
        )
    )
    description = text(bar.description)
    return mark_safe(
        f'<div class="stacked-bar" role="img" aria-label="{text(label)}: {description}" title="{description}">'
        f"{segments}</div>"
    )


@register.simple_tag
def indicator_list_row(row):
    """One <tr> of the dashboard's list of indicators (an IndicatorRow from full_rows)."""
    indicator = row.indicator
    provenance = getattr(indicator, "provenance", None) or {}
    level = f" ({indicator.get_level_display().lower()})" if indicator.level else ""
    badge = STATUS_BADGE.get(row.status.code) or table_rows.status_badge(row.status)
    late = '<br><span class="late">Chậm cập nhật số liệu</span>' if row.late else ""
    return mark_safe(
        f'<tr>\n<th scope="row" data-label="Mã"><a href="{text(table_rows.detail_link(indicator))}">'
        f"{text(indicator.code)}</a></th>\n"
        f'<td class="cell-name">{text(indicator.metric)}{text(level)}</td>\n'
        f'<td class="target" data-label="Mục tiêu">{conditional_escape(indicator.target_display)}'
        f"{table_rows.origin_mark(provenance.get('target'))}</td>\n"
        f'<td data-label="Số liệu mới nhất">{table_rows.figure(row.latest, indicator)}</td>\n'
        f'<td class="cell-status" data-label="Trạng thái">{badge}{late}</td>\n</tr>'
    )


@register.simple_tag
def status_group(group):
    """One <li> of status_chart.html: a group's title and its two bars (GroupBars)."""
    title = text(group.title)
    if group.url:
        title = f'<a href="{text(group.url)}">{title}</a>'
    demo = f" {DEMO_BADGE}" if group.indicators.demo or group.tasks.demo else ""
    return mark_safe(
        f'<li class="status-group">\n<p class="status-group-title">{title}{demo}</p>\n'
        '<div class="status-line"><span class="status-line-label">Chỉ tiêu <span class="muted">'
        f"({int(group.indicators.total)})</span></span>"
        f"{status_bar(group.indicators, f'{group.title}, chỉ tiêu')}</div>\n"
        '<div class="status-line"><span class="status-line-label">Nhiệm vụ <span class="muted">'
        f"({int(group.tasks.total)})</span></span>"
        f"{status_bar(group.tasks, f'{group.title}, nhiệm vụ')}</div>\n</li>"
    )
