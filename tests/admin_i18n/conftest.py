"""Users of the admin screens tests: an agency's editor and a reviewer, made the way
the site makes them (plan.roles.sync_roles), and a recorder of the messages the
screens look up (scripts/catalogue_coverage.py --screens reads what it writes)."""

import json
import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.utils.translation import trans_real

from plan.editorial.roles import REVIEWERS, editor_group_name, sync_roles
from plan.models import Agency

PASSWORD = "mat-khau-dai-123"
LOCALE = Path(__file__).resolve().parents[2] / "locale"


@pytest.fixture(scope="package", autouse=True)
def catalogue_compiled():
    """The screens read the compiled catalogue: say so plainly when it is missing or
    older than its .po (scripts/setup-venv.sh compiles it; so does the command below)."""
    for po in LOCALE.glob("*/LC_MESSAGES/*.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            pytest.fail(
                f"{mo.relative_to(LOCALE.parent)} thiếu hoặc cũ hơn {po.name}: "
                "chạy .venv/bin/python scripts/compile_messages.py"
            )


@pytest.fixture
def roles(django_user_model, settings, tmp_path):
    settings.RESULT_UPLOAD_DIR = str(tmp_path / "imports")
    sync_roles()

    def make(username, group_name):
        user = django_user_model.objects.create_user(
            username, f"{username}@example.org", PASSWORD, first_name="Lan", last_name="Nguyễn"
        )
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return {
        "editor": make("vanphong", editor_group_name(Agency.objects.get(code="van-phong-ubnd-tinh"))),
        "reviewer": make("nguoiduyet", REVIEWERS),
    }


RECORDED = set()


@pytest.fixture(scope="package", autouse=True)
def record_messages():
    """Every (context, message) looked up while the screens render; written to the file
    named by CATALOGUE_SCREEN_MESSAGES when it is set."""
    original_gettext = trans_real.DjangoTranslation.gettext
    original_ngettext = trans_real.DjangoTranslation.ngettext

    def gettext(self, message):
        context, _, msgid = message.rpartition(trans_real.CONTEXT_SEPARATOR)
        RECORDED.add((context, msgid))
        return original_gettext(self, message)

    def ngettext(self, singular, plural, number):
        context, _, msgid = singular.rpartition(trans_real.CONTEXT_SEPARATOR)
        RECORDED.add((context, msgid))
        return original_ngettext(self, singular, plural, number)

    trans_real.DjangoTranslation.gettext = gettext
    trans_real.DjangoTranslation.ngettext = ngettext
    yield RECORDED
    trans_real.DjangoTranslation.gettext = original_gettext
    trans_real.DjangoTranslation.ngettext = original_ngettext
    if os.environ.get("CATALOGUE_SCREEN_MESSAGES"):
        with open(os.environ["CATALOGUE_SCREEN_MESSAGES"], "w", encoding="utf-8") as out:
            json.dump(sorted(RECORDED), out, ensure_ascii=False, indent=0)
