"""load_indices: idempotent, never over an editor's change, refuses a bad file whole."""

import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from indices.loader import DATA_FILE, load_indices
from indices.models import IndexFigure
from plan.content.edits import UPDATE
from tests.indices.helpers import data_rows

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("load_indices", *args, stdout=out)
    return out.getvalue()


def test_a_second_run_changes_nothing():
    assert f"tạo mới {len(data_rows())}," in run()
    before = list(IndexFigure.objects.order_by("pk").values())
    assert "tạo mới 0, cập nhật 0" in run()
    assert list(IndexFigure.objects.order_by("pk").values()) == before


def changed_file(tmp_path, value):
    text = DATA_FILE.read_text(encoding="utf-8").replace(",68.68,", f",{value},", 1)
    path = tmp_path / "chi-so.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_editors_change_is_kept_even_in_update_mode(tmp_path):
    load_indices()
    figure = IndexFigure.objects.get(index="PCI", year=2023, unit="Hải Dương")
    figure.value = Decimal("68.7")  # corrected by an editor in the admin
    figure.save()
    report = load_indices(changed_file(tmp_path, "68.69"), mode=UPDATE)
    assert report.updated == [] and report.kept[0].edited
    assert IndexFigure.objects.get(pk=figure.pk).value == Decimal("68.7")


def test_update_mode_applies_the_file_to_figures_nobody_changed(tmp_path):
    load_indices()
    assert "Giữ nguyên" in run(str(changed_file(tmp_path, "68.69")))  # default mode: reported only
    assert IndexFigure.objects.get(index="PCI", year=2023, unit="Hải Dương").value == Decimal("68.68")
    run(str(changed_file(tmp_path, "68.69")), "--update")
    assert IndexFigure.objects.get(index="PCI", year=2023, unit="Hải Dương").value == Decimal("68.69")


def test_a_bad_file_changes_nothing(tmp_path):
    path = tmp_path / "chi-so.csv"
    path.write_text(DATA_FILE.read_text(encoding="utf-8").replace(",68.68,", ",abc,", 1), encoding="utf-8")
    with pytest.raises(CommandError, match="gia_tri"):
        run(str(path))
    assert not IndexFigure.objects.exists()
