"""Synthetic Vietnamese names in Vietnamese order (family, middle, given), with the surname
shares of the population. Faker's vi_VN gives Western order and ten surnames; this does not."""

from __future__ import annotations

import random

# Approximate shares of the most common surnames (per cent), the rest spread over the others.
SURNAMES = [
    ("Nguyễn", 38.0), ("Trần", 11.0), ("Lê", 9.5), ("Phạm", 7.0), ("Hoàng", 3.2),
    ("Huỳnh", 2.0), ("Phan", 4.5), ("Vũ", 2.2), ("Võ", 1.8), ("Đặng", 2.1), ("Bùi", 2.0),
    ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1.0), ("Lý", 0.5), ("Đinh", 0.8),
    ("Trương", 0.8), ("Đoàn", 0.6), ("Lâm", 0.5), ("Mai", 0.5), ("Trịnh", 0.6), ("Đào", 0.5),
    ("Cao", 0.4), ("Lương", 0.4), ("Hà", 0.5), ("Tạ", 0.3), ("Lưu", 0.3), ("Châu", 0.2),
    ("Tô", 0.3), ("Kiều", 0.2), ("Thái", 0.2), ("Quách", 0.2), ("Lò", 0.2), ("Nông", 0.3),
    ("Phùng", 0.2), ("Vương", 0.2), ("Triệu", 0.2), ("Lục", 0.1), ("Sầm", 0.1), ("Giàng", 0.1),
]  # fmt: skip
MIDDLE = {
    "male": "Văn Hữu Đức Minh Quang Công Thành Xuân Ngọc Anh Tuấn Trọng Quốc Hoàng Thanh Duy "
    "Đình Mạnh Tiến Bá".split(),
    "female": "Thị Ngọc Thu Thanh Kim Minh Hồng Mai Bích Thúy Phương Diệu Khánh Hoài Lan".split(),
}
GIVEN = {
    "male": "An Bình Cường Dũng Đạt Đức Giang Hải Hiếu Hòa Hùng Huy Khải Khánh Khoa Lâm Long "
    "Mạnh Minh Nam Nghĩa Nhân Phong Phúc Quân Quang Sơn Tài Tâm Thắng Thành Thịnh Toàn Trung "
    "Tú Tuấn Tùng Việt Vinh Vũ Hưng Lộc Lợi Sang Thái Hiển Bảo Chiến Đông".split(),
    "female": "Anh Ánh Chi Diệp Dung Giang Hà Hạnh Hằng Hiền Hoa Hồng Huệ Hương Lan Liên Linh "
    "Loan Mai My Nga Ngân Ngọc Nhung Oanh Phương Quyên Quỳnh Tâm Thảo Thoa Thu Thủy Trang Trinh "
    "Uyên Vân Xuân Yến Hậu Duyên Gấm Lụa Nhàn Tuyết".split(),
}
# The usual middle name and how often it is used: most women's is "Thị", half the men's "Văn".
COMMON_MIDDLE = {"male": ("Văn", 0.5), "female": ("Thị", 0.7)}
_FAMILY, _WEIGHTS = zip(*SURNAMES, strict=True)
_SECOND = {g: sorted({m for m in names if m not in ("Văn", "Thị")}) for g, names in MIDDLE.items()}


def full_name(rng: random.Random, gender: str) -> str:
    """One name: family, middle and given names, in that order."""
    family = rng.choices(_FAMILY, weights=_WEIGHTS)[0]
    common, share = COMMON_MIDDLE[gender]
    middle = common if rng.random() < share else rng.choice(_SECOND[gender])
    given = rng.choice(GIVEN[gender])
    if rng.random() < 0.12:  # a second middle name: "Nguyễn Thị Thanh Hương"
        middle = f"{middle} {rng.choice(_SECOND[gender])}"
    return f"{family} {middle} {given}"
