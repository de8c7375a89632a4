"""Document types and task statuses."""

from django.db import models


class DocType(models.TextChoices):
    RESOLUTION = "resolution", "Nghị quyết"
    CONCLUSION = "conclusion", "Kết luận"
    DIRECTIVE = "directive", "Chỉ thị"
    REGULATION = "regulation", "Quy định"
    STATUTE = "statute", "Quy chế"
    DECISION = "decision", "Quyết định"
    PLAN = "plan", "Kế hoạch"
    ACTION_PROGRAM = "action_program", "Chương trình hành động"
    PROGRAM = "program", "Chương trình"
    GUIDANCE = "guidance", "Hướng dẫn"
    NOTICE = "notice", "Thông báo"
    CIRCULAR_NOTICE = "circular_notice", "Thông tri"
    SCHEME = "scheme", "Đề án"
    REPORT = "report", "Báo cáo"
    SUBMISSION = "submission", "Tờ trình"
    OFFICIAL_LETTER = "official_letter", "Công văn"
    LAW = "law", "Luật"
    DECREE = "decree", "Nghị định"
    CIRCULAR = "circular", "Thông tư"


TYPE_BY_LABEL = {label: value for value, label in DocType.choices}
# Documents that carry tasks: the implementing documents of lower committees.
IMPLEMENTING_TYPES = {DocType.PLAN, DocType.ACTION_PROGRAM, DocType.PROGRAM, DocType.SCHEME}


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Chưa thực hiện"
    IN_PROGRESS = "in_progress", "Đang thực hiện"
    DONE = "done", "Hoàn thành"
    STOPPED = "stopped", "Dừng thực hiện"


class Warning(models.TextChoices):
    OVERDUE = "overdue", "Quá hạn"
    AT_RISK = "at_risk", "Có nguy cơ chậm"
    ON_TRACK = "on_track", "Trong hạn"
    DONE = "done", "Đã hoàn thành"
