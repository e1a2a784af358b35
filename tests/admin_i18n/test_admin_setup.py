"""The rest of issue 13: an admin that makes no outside request, menus without two
items of the same name, the plan's areas in the plan's order, Wagtail templates
overridden only where they hard-code English, and a catalogue that stays sound."""

import difflib
import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup

from plan.models import AreaPage, PlanPage

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]
SITE_PACKAGES = Path(sysconfig.get_paths()["purelib"])


def label(item):
    args = item.get("_args", []) if isinstance(item, dict) else []
    return args[0].get("label") if args and isinstance(args[0], dict) else None


def sidebar_menu(html):
    """[(label, [sub-item labels])] of the main menu of Wagtail's sidebar (drawn by
    React from the JSON props in the page: MainMenuModule(menu_items, account_items))."""
    props = json.loads(BeautifulSoup(html, "html.parser").find(id="wagtail-sidebar-props").string)
    found = []

    def walk(value):
        if isinstance(value, dict):
            if value.get("_type") == "wagtail.sidebar.MainMenuModule":
                for item in value["_args"][0]:
                    children = item["_args"][1] if item.get("_type") == "wagtail.sidebar.SubMenuItem" else []
                    found.append((label(item), [label(child) for child in children]))
                return
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(props)
    return found


@pytest.mark.parametrize("who", ["editor", "reviewer", "admin"])
def test_no_two_menu_items_share_a_name(client, roles, django_user_model, who):
    user = roles.get(who) or django_user_model.objects.create_superuser(
        "quantri", "quantri@example.org", "mat-khau-dai-123"
    )
    client.force_login(user)
    menu = sidebar_menu(client.get("/admin/").content.decode())
    top = [name for name, _children in menu]
    assert len(top) == len(set(top)) and all(top), menu
    for name, children in menu:
        assert len(children) == len(set(children)) and all(children), (name, children)
    # "Trang" is the page explorer, and nothing else anywhere in the menu (the sites
    # were "Trang" too in Wagtail's own catalogue).
    everywhere = top + [child for _name, children in menu for child in children]
    assert everywhere.count("Trang") == 1, menu


def test_wagtails_own_catalogue_named_two_menu_items_trang(client, django_user_model):
    """The fault the test above guards against: with Wagtail's own vi catalogue only,
    "Pages" and "Sites" were both "Trang"."""
    from django.test import override_settings

    client.force_login(django_user_model.objects.create_superuser("quantri", "quantri@example.org", "mat-khau-dai-123"))
    with override_settings(LOCALE_PATHS=[]):
        menu = sidebar_menu(client.get("/admin/").content.decode())
    everywhere = [name for name, _children in menu] + [child for _name, children in menu for child in children]
    assert everywhere.count("Trang") == 2


def test_the_admin_asks_nothing_of_other_hosts(client, django_user_model, settings):
    """No Gravatar, no update check (releases.wagtail.org), no "what's new" banner,
    even for a superuser, whom Wagtail shows the update check."""
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False and settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    user = django_user_model.objects.create_superuser("quantri", "quantri@example.org", "mat-khau-dai-123")
    client.force_login(user)
    for url in ("/admin/", "/admin/account/", "/admin/users/", "/admin/reports/site-history/"):
        html = client.get(url).content.decode()
        assert "gravatar" not in html.lower(), url
        assert "releases.wagtail.org" not in html and 'data-controller="w-upgrade"' not in html, url
        assert "w-whats-new" not in html, url
        assert "default-user-avatar" in html or url != "/admin/"


def test_the_explorer_lists_the_areas_in_the_plans_order(client, roles):
    plan = PlanPage.objects.get()
    client.force_login(roles["reviewer"])
    expected = list(AreaPage.objects.child_of(plan).order_by("path").values_list("title", flat=True))
    assert [area.number for area in AreaPage.objects.child_of(plan).order_by("path")] == list(range(1, 9))

    def listed(query=""):
        html = client.get(f"/admin/pages/{plan.pk}/{query}").content.decode()
        titles = [
            a.get_text(" ", strip=True) for a in BeautifulSoup(html, "html.parser").select("td.title a[href*='/edit/']")
        ]
        return [title for title in titles if title in expected]

    # Wagtail's default (latest revision first) lists the areas in reverse: a new
    # revision of area 5 would have moved it to the top.
    area5 = AreaPage.objects.get(number=5)
    area5.save_revision()
    assert listed("?ordering=-latest_revision_created_at")[0] == area5.title != expected[0]
    assert listed() == expected
    assert listed("?ordering=-title") == sorted(expected, reverse=True)  # a column sort still works


OVERRIDES = {
    "templates/wagtailadmin/home.html": "wagtail/admin/templates/wagtailadmin/home.html",
    "templates/wagtailadmin/shared/header.html": "wagtail/admin/templates/wagtailadmin/shared/header.html",
    "templates/wagtailadmin/shared/headers/_actions.html": (
        "wagtail/admin/templates/wagtailadmin/shared/headers/_actions.html"
    ),
    "templates/wagtailadmin/shared/user_avatar.html": "wagtail/admin/templates/wagtailadmin/shared/user_avatar.html",
    "templates/modeladmin/includes/header.html": "wagtail_modeladmin/templates/modeladmin/includes/header.html",
    "templates/wagtailadmin/tables/boolean_cell.html": "wagtail/admin/templates/wagtailadmin/tables/boolean_cell.html",
}
# What a copy may change: one line, or the icons' titles of the boolean cell ("True").
CHANGED_LINES = {"templates/wagtailadmin/tables/boolean_cell.html": 3}


@pytest.mark.parametrize("ours", sorted(OVERRIDES))
def test_overridden_templates_differ_from_wagtails_only_where_they_must(ours):
    """A Wagtail upgrade that changes one of these templates makes this fail: copy the
    new template and make the same small change again."""
    original = (SITE_PACKAGES / OVERRIDES[ours]).read_text(encoding="utf-8").splitlines()
    copy = (REPO / ours).read_text(encoding="utf-8").splitlines()
    changed = [
        line
        for line in difflib.unified_diff(original, copy, lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    removed = [line[1:] for line in changed if line.startswith("-")]
    added = [line[1:] for line in changed if line.startswith("+")]
    assert added[-1].startswith("{# Bản sao của template Wagtail 8.0.1")
    assert all(
        'value="Search"' in line
        or 'aria-label="Actions"' in line
        or "{{ user }}" in line
        or "title=value|stringformat:'s'" in line
        for line in removed
    ), removed
    assert len(removed) <= CHANGED_LINES.get(ours, 1) and len(added) - len(removed) <= 2, changed


def test_the_catalogue_is_sound_and_complete():
    result = subprocess.run(
        [sys.executable, "scripts/compile_messages.py", "--check"], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    catalogue = polib.pofile(str(REPO / "locale/vi/LC_MESSAGES/django.po"))
    assert catalogue.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    assert not catalogue.fuzzy_entries() and not catalogue.obsolete_entries()
    result = subprocess.run(
        [sys.executable, "scripts/catalogue_coverage.py", "--min", "100"], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "= trang quản trị (không có *)" in result.stdout


GLOSSARY = {
    "Save draft": "Lưu bản nháp",
    "Submit for moderation": "Gửi duyệt",
    "Publish": "Xuất bản",
    "Unpublish": "Hủy xuất bản",
    "Draft": "Bản nháp",
    "Published": "Đã xuất bản",
    "revision": "phiên bản",
    "Workflows": "Quy trình duyệt",
    "Workflow": "Quy trình duyệt",
    "Documents": "Tài liệu",
    "Images": "Hình ảnh",
    "Reports": "Báo cáo",
    "Search": "Tìm kiếm",
    "Settings": "Cài đặt",
    "Pages": "Trang",
    "Sites": "Trang web",
    "Snippets": "Mục nội dung",
    "Collections": "Thư mục",
    "Content": "Nội dung",
    "Title tag": None,  # msgid is "title tag"
    "title tag": "thẻ tiêu đề",
    "For search engines": "Cho máy tìm kiếm",
    "Sign in to Wagtail": "Đăng nhập trang quản trị",
    "Locked pages": "Trang đang khóa",
    "Site history": "Lịch sử hoạt động",
    "More actions": "Thao tác khác",
    "Enter your %(username_field_name)s": "Nhập %(username_field_name)s của bạn",
    "username": "tên đăng nhập",
}
# One term for one thing: variants of the terms above that must not come back.
AVOIDED = [
    "Thu hồi xuất bản",
    "luồng công việc",
    "Yêu cầu xem xét",
    "Tùy chỉnh",
    "Bộ sưu tập",
    "phê chuẩn",
    "Phê chuẩn",
    "Đăng tải",
    "email",
    "Email",
    "xoá",
    "Xoá",
    "khoá",
    "Khoá",
    "Hủy bỏ",
]


def test_the_catalogue_uses_the_glossarys_terms():
    catalogue = {(e.msgctxt or "", e.msgid): e for e in polib.pofile(str(REPO / "locale/vi/LC_MESSAGES/django.po"))}
    for msgid, expected in GLOSSARY.items():
        if expected is not None:
            assert catalogue[("", msgid)].msgstr == expected, msgid
    for entry in catalogue.values():
        text = entry.msgstr or " ".join(entry.msgstr_plural.values())
        found = [word for word in AVOIDED if word in text]
        assert not found, (entry.msgid, text, found)


def test_production_links_e_mails_to_the_site_it_serves():
    code = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings.production'; "
        "from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("WAGTAILADMIN_BASE_URL", "DATABASE_URL")}
    env.update(
        {
            "SECRET_KEY": "test-production-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            "ALLOWED_HOSTS": "cchc.haiduong.gov.vn,www.cchc.haiduong.gov.vn",
        }
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True)
    assert result.stdout.strip() == "https://cchc.haiduong.gov.vn", result.stderr
    env["WAGTAILADMIN_BASE_URL"] = "https://cchc.example.gov.vn/"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True)
    assert result.stdout.strip() == "https://cchc.example.gov.vn", result.stderr


def test_the_admins_javascript_messages_are_vietnamese(client, roles):
    """Wagtail's scripts take their messages from /admin/jsi18n/ (domain djangojs),
    which reads locale/vi/LC_MESSAGES/djangojs.po too (Wagtail's own vi lacks these)."""
    client.force_login(roles["editor"])
    script = client.get("/admin/jsi18n/").content.decode("utf-8")
    ours = {e.msgid: e.msgstr for e in polib.pofile(str(REPO / "locale/vi/LC_MESSAGES/djangojs.po"))}
    for message, expected in (
        ("Page explorer", "Cây trang"),
        ("Autosave in progress…", "Đang tự động lưu…"),
        ("Main menu", "Trình đơn chính"),
    ):
        assert ours[message] == expected
        assert f"{json.dumps(message)}: {json.dumps(expected)}" in script, message
