"""The editors' guide (docs/huong-dan-bien-tap.md) in the admin: the help menu's guide
item leads to it, an editor reads it in Vietnamese, an anonymous visitor is sent to
the login, and HTML written in the file is shown as text, never run."""

import re
from pathlib import Path

import pytest
import wagtail
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.menu import help_menu

from plan.editorial.admin.guide import GUIDE_PATH, render_guide
from plan.editorial.roles import editor_group_name, sync_roles
from plan.models import Agency

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    sync_roles()
    user = django_user_model.objects.create_user("vanphong", "vanphong@example.org", "mat-khau-dai-123")
    user.groups.add(Group.objects.get(name=editor_group_name(Agency.objects.get(code="van-phong-ubnd-tinh"))))
    return user


REPO = Path(__file__).resolve().parents[2]
WAGTAIL_TEMPLATES = Path(wagtail.__file__).parent / "admin" / "templates"


def guide_headings():
    """The second-level headings of the file, as written."""
    return re.findall(r"^## (.+)$", GUIDE_PATH.read_text(encoding="utf-8"), re.M)


def test_the_help_menus_guide_item_leads_to_our_guide(editor):
    request = RequestFactory().get("/admin/")
    request.user = editor
    items = {item.name: item for item in help_menu.menu_items_for_request(request)}
    assert items["huong-dan-bien-tap"].url == reverse("plan_editor_guide") == "/admin/huong-dan-bien-tap/"
    assert str(items["huong-dan-bien-tap"].label) == "Hướng dẫn biên tập"
    # Wagtail's own guide and release notes (English, on another host) are gone.
    assert not [name for name in items if name == "editor-guide" or name.startswith("whats-new")]


def test_the_admin_sidebar_links_to_our_guide_only(client, editor):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "/admin/huong-dan-bien-tap/" in html
    assert "guide.wagtail.org" not in html


def test_an_editor_reads_the_guide_in_vietnamese(client, editor):
    client.force_login(editor)
    response = client.get(reverse("plan_editor_guide"))
    assert response.status_code == 200
    html = response.content.decode()
    headings = guide_headings()
    assert len(headings) >= 8
    assert "Ai được làm gì" in headings and "Nhập kết quả từ tệp" in headings
    for heading in headings:
        assert re.search(rf'<h2 id="[a-z0-9-]+">{re.escape(heading)}</h2>', html), heading
        assert f">{heading}</a></li>" in html  # in the contents list
    assert "<title>Hướng dẫn biên tập" in html
    assert "<code>ma_chi_tieu</code>" in html
    assert '<table class="listing">' in html


def test_an_anonymous_visitor_is_sent_to_the_login(client):
    response = client.get(reverse("plan_editor_guide"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_html_in_the_guide_is_shown_as_text():
    guide = render_guide(
        "# Tiêu đề\n\n<script>alert(1)</script>\n\n## Mục <b>một</b>\n\n"
        "[liên kết](javascript:alert(1)) <img src=x onerror=alert(1)>\n"
    )
    assert guide.title == "Tiêu đề"
    assert "<script" not in guide.html and "<img" not in guide.html and "<b>" not in guide.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in guide.html
    assert 'href="javascript' not in guide.html
    assert [heading for _anchor, heading in guide.contents] == ["Mục <b>một</b>"]  # the template escapes it


def test_headings_get_unique_ascii_anchors():
    guide = render_guide("## Đọc trước\n\n## Đọc trước\n\n### Chi tiết\n")
    assert re.findall(r'id="([^"]+)"', guide.html) == ["doc-truoc", "doc-truoc-2", "chi-tiet"]


def test_the_dashboards_guide_link_is_ours(client, editor):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'href="/admin/huong-dan-bien-tap/">Hướng dẫn biên tập</a>' in html
    assert "guide.wagtail.org" not in html


def test_the_account_summary_differs_from_wagtails_only_in_the_guide_link():
    """templates/wagtailadmin/home/account_summary.html is Wagtail's with the guide's
    <li> replaced: a Wagtail upgrade that changes the rest makes this fail (copy the new
    template and replace the guide's <li> again)."""
    name = "wagtailadmin/home/account_summary.html"
    original = (WAGTAIL_TEMPLATES / name).read_text(encoding="utf-8")
    ours = (REPO / "templates" / name).read_text(encoding="utf-8")
    wagtails_guide = re.compile(r"\s*\{% wagtail_feature_release_editor_guide_link .*?</li>", re.S)
    our_guide = re.compile(r"\s*<li>\s*<a [^>]*plan_editor_guide.*?</li>", re.S)
    assert len(wagtails_guide.findall(original)) == 1 and len(our_guide.findall(ours)) == 1
    our_rest = our_guide.sub("", ours).rstrip().rsplit("\n", 1)
    assert our_rest[1].startswith("{# Bản sao của template Wagtail 8.0.1")
    assert our_rest[0].rstrip() == wagtails_guide.sub("", original).rstrip()
