from datetime import date

from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from plan.editorial.links import absolute_url
from plan.editorial.reminders import DUE_SOON_DAYS, REMINDER_LABELS, reminders_by_agency
from plan.progress import state
from reports.periods import report_names_by_deadline
from reports.reminders import recipients


def message_lines(reminders, reports=None):
    """One line per item; a figure's due date names the periodic report it goes in."""
    lines, reports = [], reports or {}
    for reminder, row in reminders.indicators:
        due = row.next_due.strftime("%d/%m/%Y") if row.next_due else ""
        if row.next_due in reports:
            due += f" (báo cáo {reports[row.next_due]})"
        lines.append(
            f"- [{REMINDER_LABELS[reminder]}] Chỉ tiêu {row.indicator.code} {row.indicator.metric}: "
            f"số liệu kỳ tới hạn {due} – {absolute_url(row.indicator.get_url())}"
        )
    for reminder, row in reminders.tasks:
        lines.append(
            f"- [{REMINDER_LABELS[reminder]}] Nhiệm vụ {row.task.code}: hạn {row.task.due_date:%d/%m/%Y} – "
            f"{absolute_url(row.task.get_url())}"
        )
    return lines


class Command(BaseCommand):
    help = (
        "Liệt kê và gửi thư nhắc cho từng cơ quan: chỉ tiêu có số liệu đến hạn hoặc quá hạn, "
        "nhiệm vụ sắp đến hoặc đã quá hạn."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=DUE_SOON_DAYS, help="Số ngày coi là sắp đến hạn (mặc định 14).")
        parser.add_argument("--date", help="Tính theo ngày này (YYYY-MM-DD) thay cho hôm nay.")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ liệt kê, không gửi thư.")

    def handle(self, *args, days, date=None, dry_run=False, **options):
        today = self.parse_day(date) if date else timezone.localdate()
        state.refresh_all()  # as the daily refresh_progress does: what is due rests on the stored state
        grouped = reminders_by_agency(today, horizon=days)
        if not grouped:
            self.stdout.write("Không có mục nào đến hạn.")
            return
        sent, reports = 0, report_names_by_deadline({today.year - 1, today.year, today.year + 1})
        for reminders in sorted(grouped.values(), key=lambda r: r.agency.name):
            lines = message_lines(reminders, reports)
            self.stdout.write(f"{reminders.agency.name}: {reminders.count} mục")
            for line in lines:
                self.stdout.write("  " + line)
            to = recipients(reminders.agency)
            if dry_run or not to:
                if not to:
                    self.stdout.write("  (cơ quan chưa có địa chỉ thư điện tử: không gửi)")
                continue
            body = (
                "Kính gửi "
                + reminders.agency.name
                + ",\n\nCác mục sau cần cập nhật trên trang Kế hoạch CCHC:\n\n"
                + "\n".join(lines)
            )
            send_mail(f"[CCHC] {reminders.count} mục cần cập nhật ({today:%d/%m/%Y})", body, None, to)
            sent += 1
        self.stdout.write(f"Đã gửi {sent} thư nhắc." if not dry_run else "Chạy thử: không gửi thư.")

    def parse_day(self, text):
        try:
            return date.fromisoformat(text)
        except ValueError as error:
            raise CommandError("Ngày phải có dạng YYYY-MM-DD.") from error
