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
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from plan.progress.rows import STATUS_VIEWS
from plan.templatetags import table_rows

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
        return format_html('<th scope="row"><a href="{}">{}</a></th>', rollup.url, rollup.title)
    return format_html('<th scope="row">{}</th>', rollup.title)


def count_cells(counts):
    """The cells of the counts: the status's part of a cell is escaped once per process
    (a cell costs a tenth of what format_html takes; the dashboard writes hundreds)."""
    return mark_safe("".join(f"{COUNT_CELL[status.code]}{int(count)}</td>" for status, count in counts))


def share_cell(rollup):
    if rollup.share_met is None:
        return mark_safe('<span class="muted">Chưa có số liệu</span>')
    return format_html(
        '{}%<br><span class="muted">{}/{} có số liệu</span>', localize(rollup.share_met), rollup.with_data, rollup.total
    )


def demo_cell(demo, total, text):
    if not demo:
        return NO
    return format_html('{}<br><span class="muted">{}/{} {}</span>', DEMO_BADGE, demo, total, text)


def indicator_row(view):
    return format_html(
        '<tr>\n{}{}<td data-label="Tỷ lệ đạt">{}</td>\n<td data-label="Dữ liệu minh họa">{}</td>\n</tr>',
        group_cell(view),
        count_cells(view.indicator_counts),
        share_cell(view.indicators),
        demo_cell(view.indicator_demo, view.indicators.total, "chỉ tiêu tính từ dữ liệu minh họa"),
    )


def task_row(view):
    return format_html(
        '<tr>\n{}{}<td data-label="Dữ liệu minh họa">{}</td>\n</tr>',
        group_cell(view),
        count_cells(view.task_counts),
        demo_cell(view.task_demo, view.tasks.total, "nhiệm vụ tính từ báo cáo minh họa"),
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
    description = bar.description
    return format_html(
        '<div class="stacked-bar" role="img" aria-label="{}: {}" title="{}">{}</div>',
        label,
        description,
        description,
        segments,
    )


@register.simple_tag
def indicator_list_row(row):
    """One <tr> of the dashboard's list of indicators (an IndicatorRow from full_rows)."""
    indicator = row.indicator
    provenance = getattr(indicator, "provenance", None) or {}
    level = f" ({indicator.get_level_display().lower()})" if indicator.level else ""
    return format_html(
        '<tr>\n<th scope="row" data-label="Mã"><a href="{}">{}</a></th>\n'
        '<td class="cell-name">{}{}</td>\n'
        '<td class="target" data-label="Mục tiêu">{}{}</td>\n'
        '<td data-label="Số liệu mới nhất">{}</td>\n'
        '<td class="cell-status" data-label="Trạng thái">{}{}</td>\n</tr>',
        indicator.detail_url,
        indicator.code,
        indicator.metric,
        level,
        indicator.target_display,
        table_rows.origin_mark(provenance.get("target")),
        table_rows.figure(row.latest, indicator),
        STATUS_BADGE.get(row.status.code) or table_rows.status_badge(row.status),
        mark_safe('<br><span class="late">Chậm cập nhật số liệu</span>') if row.late else "",
    )


@register.simple_tag
def status_group(group):
    """One <li> of status_chart.html: a group's title and its two bars (GroupBars)."""
    if group.url:
        title = format_html('<a href="{}">{}</a>', group.url, group.title)
    else:
        title = group.title
    return format_html(
        '<li class="status-group">\n<p class="status-group-title">{}{}</p>\n'
        '<div class="status-line"><span class="status-line-label">Chỉ tiêu <span class="muted">({})</span></span>'
        "{}</div>\n"
        '<div class="status-line"><span class="status-line-label">Nhiệm vụ <span class="muted">({})</span></span>'
        "{}</div>\n</li>",
        title,
        format_html(" {}", DEMO_BADGE) if group.indicators.demo or group.tasks.demo else "",
        int(group.indicators.total),
        status_bar(group.indicators, f"{group.title}, chỉ tiêu"),
        int(group.tasks.total),
        status_bar(group.tasks, f"{group.title}, nhiệm vụ"),
    )
