"""Choices of the member data sheet (phiếu đảng viên, 2-HSĐV) and of the lifecycle."""

from django.db import models

from xaydungdang.org.choices import UnitKind

# The units a member's activity is held in: a cell (chi bộ), grassroots or subordinate.
CELL_KINDS = (UnitKind.GRASSROOTS_CELL.value, UnitKind.SUBORDINATE_CELL.value)


class MembershipType(models.TextChoices):
    PROBATIONARY = "probationary", "Dự bị"
    FULL = "full", "Chính thức"


class Standing(models.TextChoices):
    MEMBER = "member", "Trong danh sách"
    REMOVED = "removed", "Đã xóa tên"
    EXPELLED = "expelled", "Bị khai trừ"
    EXITED = "exited", "Ra khỏi Đảng"
    DECEASED = "deceased", "Từ trần"


class Activity(models.TextChoices):
    ACTIVE = "active", "Sinh hoạt bình thường"
    TEMPORARY_ELSEWHERE = "temporary_elsewhere", "Sinh hoạt tạm thời nơi khác"
    EXEMPTED = "exempted", "Miễn công tác và sinh hoạt"


class Education(models.TextChoices):
    NONE = "none", "Chưa qua đào tạo"
    VOCATIONAL = "vocational", "Trung cấp"
    COLLEGE = "college", "Cao đẳng"
    UNIVERSITY = "university", "Đại học"
    MASTER = "master", "Thạc sĩ"
    DOCTOR = "doctor", "Tiến sĩ"


class TheoryLevel(models.TextChoices):
    NONE = "none", "Chưa qua đào tạo"
    ELEMENTARY = "elementary", "Sơ cấp"
    INTERMEDIATE = "intermediate", "Trung cấp"
    ADVANCED = "advanced", "Cao cấp"
    BACHELOR = "bachelor", "Cử nhân"


class EventKind(models.TextChoices):
    ADMISSION = "admission", "Kết nạp"
    FULL_RECOGNITION = "full_recognition", "Công nhận đảng viên chính thức"
    TRANSFER_PERMANENT = "transfer_permanent", "Chuyển sinh hoạt chính thức"
    TRANSFER_TEMPORARY = "transfer_temporary", "Chuyển sinh hoạt tạm thời"
    TEMPORARY_RETURN = "temporary_return", "Kết thúc sinh hoạt tạm thời"
    EXEMPTION = "exemption", "Miễn công tác và sinh hoạt"
    REMOVAL = "removal", "Xóa tên"
    EXPULSION = "expulsion", "Khai trừ"
    DEATH = "death", "Từ trần"
    READMISSION = "readmission", "Kết nạp lại"
    BADGE = "badge", "Trao Huy hiệu Đảng"


# The 54 ethnic groups, Kinh first, as in the statistical forms (code → name).
ETHNICITIES = [
    name.replace("_", " ")
    for name in (
    "Kinh Tày Thái Mường Khmer Hoa Nùng Mông Dao Gia-rai Ê-đê Ba-na Sán_Chay Chăm Cơ-ho "
    "Xơ-đăng Sán_Dìu Hrê Ra-glai Mnông Thổ Xtiêng Khơ-mú Bru-Vân_Kiều Cơ-tu Giáy Tà-ôi Mạ "
    "Giẻ-Triêng Co Chơ-ro Xinh-mun Hà_Nhì Chu-ru Lào La_Chí Kháng Phù_Lá La_Hủ La_Ha Pà_Thẻn "
    "Lự Ngái Chứt Lô_Lô Mảng Cơ_Lao Bố_Y Cống Si_La Pu_Péo Rơ-măm Brâu Ơ-đu"
    ).split()
]  # fmt: skip
ETHNICITY_CHOICES = [(str(i + 1).zfill(2), name) for i, name in enumerate(ETHNICITIES)]
RELIGIONS = [
    ("none", "Không"),
    ("buddhism", "Phật giáo"),
    ("catholic", "Công giáo"),
    ("protestant", "Tin Lành"),
    ("caodai", "Cao Đài"),
    ("hoahao", "Phật giáo Hòa Hảo"),
    ("islam", "Hồi giáo"),
    ("other", "Khác"),
]
