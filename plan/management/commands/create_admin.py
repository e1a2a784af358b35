import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Tạo tài khoản quản trị với mật khẩu sinh ngẫu nhiên, in ra một lần. Không làm gì nếu tài khoản đã có."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="quantri")
        parser.add_argument("--email", default="quantri@localhost")
        parser.add_argument(
            "--address", default="http://127.0.0.1:8000", help="địa chỉ trang, để in đường dẫn vào trang quản trị"
        )

    def handle(self, *args, username, email, address, **options):
        users = get_user_model()
        if users.objects.filter(username=username).exists():
            self.stdout.write(
                f"Tài khoản quản trị “{username}” đã có; mật khẩu không đổi "
                f"(đặt lại: manage.py changepassword {username})."
            )
            return
        password = secrets.token_urlsafe(18)
        users.objects.create_superuser(username=username, email=email, password=password)
        self.stdout.write(self.style.SUCCESS("Đã tạo tài khoản quản trị. Mật khẩu chỉ in một lần, hãy lưu lại:"))
        self.stdout.write(f"  Địa chỉ:       {address.rstrip('/')}/admin/")
        self.stdout.write(f"  Tên đăng nhập: {username}")
        self.stdout.write(f"  Mật khẩu:      {password}")
