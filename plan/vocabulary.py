"""The plan's vocabularies, each defined once: the models' choices and the rules
(plan.progress) use these same values and Vietnamese labels. A status, comparator or
level is never written out as a bare string anywhere else."""

from django.db import models


class FactOrigin(models.TextChoices):
    """Where a fact the site shows comes from."""

    QUOTED = "quoted", "Trích Kế hoạch"
    INFERRED = "inferred", "Suy ra"
    EDITOR = "editor", "Do biên tập viên đặt"
    DECISION = "decision", "Theo văn bản"


class DocumentStatus(models.TextChoices):
    DRAFT = "draft", "Dự thảo"
    SIGNED = "signed", "Đã ký ban hành"


class TargetComparator(models.TextChoices):
    AT_LEAST = "at_least", "Tối thiểu (≥)"
    MORE_THAN = "more_than", "Trên (>)"
    AT_MOST = "at_most", "Tối đa (≤)"
    BETWEEN = "between", "Trong khoảng"
    DONE = "done", "Hoàn thành / chưa hoàn thành"


class AdministrativeLevel(models.TextChoices):
    PROVINCE = "province", "Cấp tỉnh"
    DISTRICT = "district", "Cấp huyện"
    COMMUNE = "commune", "Cấp xã"


class ReportingFrequency(models.TextChoices):
    MONTHLY = "monthly", "Hằng tháng"
    QUARTERLY = "quarterly", "Hằng quý"
    HALF_YEARLY = "half_yearly", "6 tháng"
    YEARLY = "yearly", "Hằng năm"


MONTHS_PER_REPORT = {
    ReportingFrequency.MONTHLY: 1,
    ReportingFrequency.QUARTERLY: 3,
    ReportingFrequency.HALF_YEARLY: 6,
    ReportingFrequency.YEARLY: 12,
}


class PeriodKind(models.TextChoices):
    YEAR = "year", "Năm"
    HALF = "half", "6 tháng"
    QUARTER = "quarter", "Quý"
    MONTH = "month", "Tháng"


class IndicatorStatus(models.TextChoices):
    MET = "met", "Đạt"
    AT_RISK = "at_risk", "Có nguy cơ không đạt"
    NOT_MET = "not_met", "Không đạt"
    NO_DATA = "no_data", "Chưa có số liệu"


class ReportedTaskStatus(models.TextChoices):
    """What an agency reports on a task (TaskProgress.status)."""

    NOT_STARTED = "not_started", "Chưa triển khai"
    IN_PROGRESS = "in_progress", "Đang thực hiện"
    DONE = "done", "Hoàn thành"


class TaskVerdict(models.TextChoices):
    """A task's final verdict when its plan year is closed, given in its agency's
    year report and reviewed by Sở Nội vụ."""

    DONE = ReportedTaskStatus.DONE.value, ReportedTaskStatus.DONE.label
    PARTLY_DONE = "partly_done", "Hoàn thành một phần"
    NOT_DONE = "not_done", "Không hoàn thành trong năm"
    CARRIED_OVER = "carried_over", "Chuyển sang năm sau"


class TaskStatus(models.TextChoices):
    """A task's status as the rules judge it: what was reported, or overdue, or no data;
    once its plan year is closed, its verdict or the lack of one."""

    DONE = ReportedTaskStatus.DONE.value, ReportedTaskStatus.DONE.label
    IN_PROGRESS = ReportedTaskStatus.IN_PROGRESS.value, ReportedTaskStatus.IN_PROGRESS.label
    NOT_STARTED = ReportedTaskStatus.NOT_STARTED.value, ReportedTaskStatus.NOT_STARTED.label
    OVERDUE = "overdue", "Quá hạn"
    NO_DATA = IndicatorStatus.NO_DATA.value, IndicatorStatus.NO_DATA.label
    PARTLY_DONE = TaskVerdict.PARTLY_DONE.value, TaskVerdict.PARTLY_DONE.label
    NOT_DONE = TaskVerdict.NOT_DONE.value, TaskVerdict.NOT_DONE.label
    CARRIED_OVER = TaskVerdict.CARRIED_OVER.value, TaskVerdict.CARRIED_OVER.label
    NO_VERDICT = "no_verdict", "Chưa có đánh giá cuối năm"


class ReminderKind(models.TextChoices):
    LATE = "late", "Số liệu đã quá hạn"
    DUE_SOON = "due_soon", "Sắp đến hạn"
    OVERDUE = "overdue", "Nhiệm vụ quá hạn"


class ResultOrigin(models.TextChoices):
    MANUAL = "manual", "Nhập tay"
    IMPORT = "import", "Nhập từ tệp"
    SYNC = "sync", "Đồng bộ từ nguồn công khai"
    DEMO = "demo", "Dữ liệu minh họa"


class SourceFormat(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "XLSX"
    JSON = "json", "JSON"


class ImportBatchStatus(models.TextChoices):
    """A results file's way through the import worker and the review."""

    QUEUED = "queued", "Đang chờ kiểm tra"
    CHECKING = "checking", "Đang kiểm tra"
    CHECKED = "checked", "Đã kiểm tra, chờ xác nhận"
    PENDING = "pending", "Chờ duyệt"
    IMPORT_QUEUED = "import_queued", "Đang chờ nhập"
    IMPORTING = "importing", "Đang nhập"
    APPROVED = "approved", "Đã duyệt, đã xuất bản"
    REJECTED = "rejected", "Bị từ chối"
    FAILED = "failed", "Không thành công"


# The worker still has to act on these; the page of such a batch refreshes itself.
IMPORT_BATCH_RUNNING = (
    ImportBatchStatus.QUEUED,
    ImportBatchStatus.CHECKING,
    ImportBatchStatus.IMPORT_QUEUED,
    ImportBatchStatus.IMPORTING,
)


class AgencyKind(models.TextChoices):
    DEPARTMENT = "department", "Sở, ngành"
    PEOPLE_COMMITTEE = "people_committee", "Ủy ban nhân dân, Hội đồng nhân dân"
    SERVICE_CENTRE = "service_centre", "Trung tâm phục vụ hành chính công"
    BANK = "bank", "Ngân hàng"
    GROUP = "group", "Nhóm cơ quan"


class SuccessionKind(models.TextChoices):
    """What became of an agency (AgencySuccession.kind)."""

    MERGED = "merged", "Sáp nhập vào"
    RENAMED = "renamed", "Đổi tên thành"
    SPLIT = "split", "Chuyển một phần nhiệm vụ sang"
