"""The area page's list of target bullets and its task table
(plan/templates/plan/area_page.html), written in Python: each bullet with its wording,
its combined status and a table of the indicators it was split into, and a row per
task. Through the template engine (an include per bullet, an include of the table in
each, a lookup per value) they cost the page more than its data, and format_html
spends most of a row's time on Django's lazy-string checks: the rows and cells are
table_rows' (indicator_row_html, task_row_html), which escape with table_rows.text.

The markup is that of the templates these replace (the bullet loop of area_page.html
and plan/includes/bullet_group.html, kept in tests/plan/replaced_templates/) with
includes/indicator_table.html and task_table.html and their rows
(plan/templatetags/table_rows.py), which other pages still use;
tests/plan/test_area_rows.py checks that both write the same."""

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe

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
text = table_rows.text


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
            f"{table_rows.status_badge(combined)}</p>"
        )
    rows = table(
        group.rows, lambda row: table_rows.indicator_row_html(row, links), INDICATOR_HEAD, BULLET_CAPTION, "chỉ tiêu"
    )
    note = f"{open_data_note()}\n" if len(group.rows) > SHOWN_ROWS else ""
    return f"<li>\n  <p>{text(group.wording)}</p>\n  {combined or ''}\n  {rows}{note}\n</li>"


@register.simple_tag
def bullet_list(groups):
    """The area's target bullets (BulletGroup): the first five, then the others in a
    <details>, with a pointer to the open data, which holds every indicator."""
    links = table_rows.Links()
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
    links = table_rows.Links()
    return mark_safe(
        table(task_rows, lambda row: table_rows.task_row_html(row, links), TASK_HEAD, TASK_CAPTION, "nhiệm vụ")
    )
