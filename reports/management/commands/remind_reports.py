from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from reports.reminders import AFTER_DAYS, BEFORE_DAYS, remind_all


class Command(BaseCommand):
    help = (
        "Gửi thư nhắc các cơ quan chưa gửi báo cáo định kỳ: trước hạn gửi (mặc định 7 ngày) "
        "và sau hạn (đến 30 ngày). Chạy hằng ngày."
    )

    def add_arguments(self, parser):
        parser.add_argument("--before", type=int, default=BEFORE_DAYS, help="Nhắc từ bao nhiêu ngày trước hạn.")
        parser.add_argument("--after", type=int, default=AFTER_DAYS, help="Nhắc đến bao nhiêu ngày sau hạn.")
        parser.add_argument("--date", help="Tính theo ngày này (YYYY-MM-DD) thay cho hôm nay.")

    def handle(self, *args, before, after, date=None, **options):
        if not (0 <= before <= 366 and 0 <= after <= 366):
            raise CommandError("Số ngày phải từ 0 đến 366.")
        today = self.parse_day(date) if date else timezone.localdate()
        reminded = remind_all(today, before, after)
        if not reminded:
            self.stdout.write("Không có kỳ báo cáo nào sắp đến hoặc vừa quá hạn.")
        for period, agencies in reminded.items():
            self.stdout.write(f"{period.name} (hạn {period.deadline:%d/%m/%Y}): đã nhắc {len(agencies)} cơ quan")

    def parse_day(self, text):
        try:
            return date.fromisoformat(text)
        except ValueError as error:
            raise CommandError("Ngày phải có dạng YYYY-MM-DD.") from error
