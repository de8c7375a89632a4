"""Statuses of plan items, kinds of events and reviews."""

from django.db import models


class ItemStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Chưa triển khai"
    IN_PROGRESS = "in_progress", "Đang thực hiện"
    DONE = "done", "Hoàn thành"
    NOT_IMPLEMENTED = "not_implemented", "Không thực hiện"
    MOVED = "moved", "Chuyển sang năm sau"


class EventKind(models.TextChoices):
    WORKING_SESSION = "working_session", "Buổi làm việc"
    CONFERENCE = "conference", "Hội nghị"
    SIGNING = "signing", "Lễ ký kết"
    REVIEW_CONFERENCE = "review_conference", "Hội nghị sơ kết, tổng kết"
    AWARD_CEREMONY = "award_ceremony", "Lễ trao tặng khen thưởng"
    SURVEY_VISIT = "survey_visit", "Đoàn khảo sát"


class ParticipantRole(models.TextChoices):
    CHAIR = "chair", "Chủ trì"
    REPORTER = "reporter", "Báo cáo"
    PARTICIPANT = "participant", "Tham dự"


class ReviewKind(models.TextChoices):
    ANNUAL = "annual", "Tổng kết năm"
    INTERIM = "interim", "Sơ kết"
    FINAL = "final", "Tổng kết"


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", "Dự thảo"
    FINAL = "final", "Đã hoàn thành"
