from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from plan.editorial.roles import sync_roles


class Command(BaseCommand):
    help = (
        "Tạo hoặc cập nhật các nhóm quyền (quản trị, người duyệt, biên tập của từng cơ quan) và quy trình duyệt. "
        "Chạy lại không tạo trùng."
    )

    def handle(self, *args, **options):
        sync_roles()
        self.stdout.write(f"Đã đồng bộ {Group.objects.count()} nhóm quyền và quy trình duyệt.")
