"""One Vietnamese number format in the import's preview and the data lists; the
start-up command's differences show the words that changed; agencies' contact details
edited in the admin and shown on their pages (issue 23)."""

import io
from datetime import date
from decimal import Decimal as D

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from plan.content.changes import changed_words
from plan.models import Agency, AreaPage, Indicator, Result
from plan.progress.targets import format_number
from plan.results.report import StoredChange, display
from tests.plan.worker import upload_and_check

pytestmark = pytest.mark.django_db


def test_values_in_a_preview_use_the_public_pages_format():
    assert display(D("77.2000")) == format_number(D("77.2")) == "77,2"
    assert display(D("1250")) == "1.250" and display(date(2024, 4, 15)) == "15/04/2024"
    assert display(True) == "có" and display(None) == ""


def test_the_import_preview_shows_one_number_format(admin_client, settings, tmp_path):
    settings.RESULT_UPLOAD_DIR = str(tmp_path)
    Result.objects.create(
        indicator=Indicator.objects.get(code="3.a.2"), period="2024-Q1", value=D("77.2"), source_name="Cổng DVC",
        captured_on=date(2024, 4, 15), note="cũ",
    )  # fmt: skip
    csv = (  # a real figure corrected: the public reason goes with it
        "ma_chi_tieu;ky;gia_tri;nguon;ngay_thu_thap;ly_do_sua\n"
        "3.a.2;2024-Q1;81,5;Cổng DVC;15/04/2024;Sửa theo báo cáo chính thức\n"
    )
    from django.core.files.uploadedfile import SimpleUploadedFile

    page = upload_and_check(admin_client, "/admin/ket-qua/nhap/", {"file": SimpleUploadedFile("k.csv", csv.encode())})
    html = BeautifulSoup(page.content.decode(), "html.parser")
    cells = [td.get_text(strip=True) for td in html.select("table.listing td")]
    assert "77,2" in cells and "81,5" in cells, cells
    assert not any(cell in ("77,2000", "81,5000", "77.2000", "81.5") for cell in cells), cells
    listing = admin_client.get("/admin/plan/result/").content.decode()
    assert "77,2<" in listing.replace(" ", "") and "77,2000" not in listing


def test_changed_words_show_where_two_long_texts_differ():
    start = (
        "Tiếp tục rà soát, đơn giản hóa thủ tục hành chính, giấy tờ công dân liên quan đến quản lý dân cư theo Đề án 06"
    )
    on_site, in_file = changed_words(start + " bảo đảm 100% hồ sơ", start + " bảo đảm 98% hồ sơ")
    assert "«100%»" in on_site and "«98%»" in in_file
    assert on_site.startswith("… ") and len(on_site) < 80  # the same first words are left out
    assert changed_words("", "mới") == ("«»", "«mới»")


def test_the_start_up_command_reports_the_changed_words(django_user_model):
    editor = django_user_model.objects.create_superuser("bien-tap-vien", "btv@example.org", "mat-khau")
    area = AreaPage.objects.get(slug="cai-cach-thu-tuc-hanh-chinh")
    tasks = list(area.tasks.all())
    task = next(t for t in tasks if t.code == "3.4")
    words = task.text.split()
    original, words[-2] = words[-2], "SỬA-ĐỔI"
    task.text = " ".join(words)
    area.tasks = tasks
    area.save_revision(user=editor).publish(user=editor)
    out = io.StringIO()
    call_command("load_plan", stdout=out)
    line = next(line for line in out.getvalue().splitlines() if "«SỬA-ĐỔI»" in line)
    assert "text: trên trang “" in line and "→ trong tệp “" in line and f"«{original}»" in line


def test_agency_contact_details_are_edited_in_the_admin_and_shown(admin_client, client):
    office = Agency.objects.get(code="van-phong-ubnd-tinh")
    page = client.get(office.get_absolute_url()).content.decode()
    assert "Chưa có thông tin liên hệ của cơ quan này." in page
    form = {
        "name": office.name, "code": office.code, "kind": office.kind,
        "address": "Số 45 Quang Trung, thành phố Hải Dương", "telephone": "0220 3853 456",
        "contact_email": "vp@haiduong.gov.vn", "website": "https://vpubnd.haiduong.gov.vn/",
    }  # fmt: skip
    bad = admin_client.post(f"/admin/plan/agency/edit/{office.pk}/", form | {"telephone": "gọi tôi"})
    assert bad.status_code == 200 and "Số điện thoại chỉ gồm chữ số" in bad.content.decode()
    assert Agency.objects.get(pk=office.pk).address == ""  # nothing changed
    assert admin_client.post(f"/admin/plan/agency/edit/{office.pk}/", form).status_code == 302
    shown = BeautifulSoup(client.get(office.get_absolute_url()).content.decode(), "html.parser")
    contact = shown.select_one(".agency-contact")
    assert "Số 45 Quang Trung, thành phố Hải Dương" in contact.get_text()
    assert contact.select_one('a[href="tel:02203853456"]').get_text() == "0220 3853 456"
    assert contact.select_one('a[href="mailto:vp@haiduong.gov.vn"]')
    assert contact.select_one('a[href="https://vpubnd.haiduong.gov.vn/"]')


def test_the_update_list_is_linked_from_the_menu_and_the_plan(client):
    html = BeautifulSoup(client.get("/ke-hoach/cchc-2024/").content.decode(), "html.parser")
    menu = html.select_one('nav[aria-label="Điều hướng chính"]')
    assert menu.find("a", string="Tin cập nhật")["href"] == "/ke-hoach/cchc-2024/tin-cap-nhat/"
    assert html.select_one("nav.toc").find("a", string="Tin cập nhật")
    assert client.get("/ke-hoach/cchc-2024/tin-cap-nhat/").status_code == 200


def test_stored_changes_keep_their_label():
    assert StoredChange("3.a.2", "2024-Q1", "", "value", "77,2", "81,5").label == "giá trị"
