from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from reports.reminders import remind_all


class Command(BaseCommand):
    help = (
        "Gửi thư nhắc các cơ quan chưa gửi báo cáo định kỳ: 7 ngày và 1 ngày trước hạn gửi, "
        "rồi mỗi tuần trong tháng sau hạn. Chạy hằng ngày."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Tính theo ngày này (YYYY-MM-DD) thay cho hôm nay.")

    def handle(self, *args, date=None, **options):
        today = self.parse_day(date) if date else timezone.localdate()
        reminded = remind_all(today)
        if not reminded:
            self.stdout.write("Hôm nay không có kỳ báo cáo nào cần nhắc.")
        for period, agencies in reminded.items():
            self.stdout.write(f"{period.name} (hạn {period.deadline:%d/%m/%Y}): đã nhắc {len(agencies)} cơ quan")

    def parse_day(self, text):
        try:
            return date.fromisoformat(text)
        except ValueError as error:
            raise CommandError("Ngày phải có dạng YYYY-MM-DD.") from error
