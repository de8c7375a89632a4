"""Synthetic Vietnamese names in Vietnamese order (family, middle, given), with the surname
shares of the population. Faker's vi_VN gives Western order and ten surnames; this does not."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Callable, Iterator

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


# Shares of the member data sheet's values among members (approximate national figures).
ETHNIC_SHARES = [
    ("Kinh", 88.0), ("Tày", 2.4), ("Thái", 2.0), ("Mường", 1.8), ("Nùng", 1.2), ("Khmer", 0.9),
    ("Mông", 0.8), ("Dao", 0.7), ("Hoa", 0.3), ("Gia-rai", 0.4), ("Ê-đê", 0.4), ("Ba-na", 0.3),
    ("Sán Chay", 0.3), ("Chăm", 0.2), ("Sán Dìu", 0.3),
]  # fmt: skip
RELIGION_SHARES = [
    ("Không", 95.5), ("Phật giáo", 2.5), ("Công giáo", 1.4), ("Tin Lành", 0.2), ("Cao Đài", 0.2),
    ("Phật giáo Hòa Hảo", 0.2),
]  # fmt: skip
EDUCATION_SHARES = [
    ("", 14.0), ("Trung cấp", 10.0), ("Cao đẳng", 6.0), ("Đại học", 60.0), ("Thạc sĩ", 9.0),
    ("Tiến sĩ", 1.0),
]  # fmt: skip
THEORY_SHARES = [
    ("", 8.0), ("Sơ cấp", 55.0), ("Trung cấp", 28.0), ("Cao cấp", 8.0), ("Cử nhân", 1.0),
]  # fmt: skip
HOMETOWNS = [
    "Nghệ An", "Thanh Hóa", "Hà Tĩnh", "Thái Bình", "Nam Định", "Hà Nội", "Hải Dương",
    "Quảng Nam", "Bình Định", "Long An", "Tiền Giang", "Cần Thơ", "Huế", "Quảng Ngãi",
]  # fmt: skip


def _picker(rng: random.Random, shares: list[tuple[str, float]]) -> Callable[[], str]:
    values, weights = zip(*shares, strict=True)
    cumulative = list(itertools.accumulate(weights))
    return lambda: rng.choices(values, cum_weights=cumulative)[0]


CARD_STEP = 7_919_993  # prime to 9 * 10**11: distinct lines give distinct cards


def _day(d: dt.date) -> str:
    return d.strftime("%d/%m/%Y")


def member_table(
    rng: random.Random, cells: list[str], count: int, today: dt.date
) -> Iterator[tuple[int, list[str]]]:
    """A member file (header, then ``count`` rows) spread over the cells given by code, in the
    import's columns: ages from 18 up, a third women, the probation of the recent ones running,
    cards for the full members."""
    from xaydungdang.members.services.imports import COLUMNS

    yield 1, list(COLUMNS)
    ethnic, religion = _picker(rng, ETHNIC_SHARES), _picker(rng, RELIGION_SHARES)
    education, theory = _picker(rng, EDUCATION_SHARES), _picker(rng, THEORY_SHARES)
    weights = list(itertools.accumulate(rng.uniform(0.3, 1.7) for _ in cells))
    salt = rng.randrange(9 * 10**11)
    for line in range(2, count + 2):
        gender = "female" if rng.random() < 0.34 else "male"
        age_in = rng.randint(18 * 365 + 10, 40 * 365)
        decision = today - dt.timedelta(days=int(rng.triangular(30, 55 * 365, 12 * 365)))
        birth = decision - dt.timedelta(days=age_in)
        ceremony = decision + dt.timedelta(days=rng.randint(0, 30))
        full = ceremony + dt.timedelta(days=366)
        is_full = full <= today and rng.random() < 0.98
        # Card numbers are unique (a constraint): a bijection of the line, at a random offset.
        card = str(10**11 + (line * CARD_STEP + salt) % (9 * 10**11)) if is_full else ""
        yield line, [
            full_name(rng, gender), "Nữ" if gender == "female" else "Nam", _day(birth),
            ethnic(), religion(), rng.choice(HOMETOWNS), "12/12", education(), theory(),
            _day(decision), _day(ceremony), _day(full) if is_full else "", card, "",
            rng.choices(cells, cum_weights=weights)[0],
        ]  # fmt: skip
