"""Kinds of units of the political system and of organizational change events."""

from django.db import models


class UnitKind(models.TextChoices):
    CENTRAL_COMMITTEE = "central_committee", "Ban Chấp hành Trung ương"
    POLITBURO = "politburo", "Bộ Chính trị"
    SECRETARIAT = "secretariat", "Ban Bí thư"
    INSPECTION_COMMISSION = "inspection_commission", "Ủy ban Kiểm tra"
    ADVISORY_BOARD = "advisory_board", "Cơ quan tham mưu, giúp việc"
    STEERING_COMMITTEE = "steering_committee", "Ban Chỉ đạo"
    CENTRAL_DIRECT_COMMITTEE = "central_direct_committee", "Đảng bộ trực thuộc Trung ương"
    PROVINCIAL_COMMITTEE = "provincial_committee", "Tỉnh ủy, Thành ủy"
    STANDING_COMMITTEE = "standing_committee", "Ban Thường vụ"
    DISTRICT_COMMITTEE = "district_committee", "Huyện ủy, Quận ủy, Thị ủy (cấp huyện)"
    COMMUNE_COMMITTEE = "commune_committee", "Đảng bộ xã, phường, đặc khu"
    GRASSROOTS_COMMITTEE = "grassroots_committee", "Đảng bộ cơ sở"
    GRASSROOTS_CELL = "grassroots_cell", "Chi bộ cơ sở"
    SUB_COMMITTEE = "sub_committee", "Đảng bộ bộ phận"
    SUBORDINATE_CELL = "subordinate_cell", "Chi bộ trực thuộc"
    PARTY_GROUP = "party_group", "Tổ đảng"
    FATHERLAND_FRONT = "fatherland_front", "Mặt trận Tổ quốc"
    SOCIO_POLITICAL_ORG = "socio_political_org", "Tổ chức chính trị - xã hội"
    STATE_BODY = "state_body", "Cơ quan nhà nước"


# Display order of siblings: leadership bodies first, then committees, then the Front and State.
KIND_RANK = {kind: i for i, kind in enumerate(UnitKind.values)}


class EventKind(models.TextChoices):
    ESTABLISH = "establish", "Thành lập"
    RENAME = "rename", "Đổi tên"
    REPARENT = "reparent", "Chuyển trực thuộc"
    MERGE = "merge", "Hợp nhất, sáp nhập"
    SPLIT = "split", "Chia tách"
    DISSOLVE = "dissolve", "Giải thể, kết thúc hoạt động"


class LinkRole(models.TextChoices):
    SUBJECT = "subject", "Đơn vị"
    PREDECESSOR = "predecessor", "Đơn vị trước"
    SUCCESSOR = "successor", "Đơn vị sau"
