"""Word lists the extraction rules use: surnames, title heads, organization names, counting
nouns. Organization names also come from the org tree (names, short names, aliases)."""

from __future__ import annotations

import functools
import re

import ahocorasick

SURNAMES = set(
    (
        "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương "
        "Đoàn Lâm Mai Tô Hà Lương Trịnh Đào Cao Tạ Lưu Châu Thái Quách Kiều Văn Khúc Tăng Triệu "
        "Vương Mạc Nông Lò Hứa Tôn Thân Chu Lại Từ La Giang Âu Kim Lục Phùng Tống Doãn Cù Bạch "
        # surnames of ethnic minorities (Tày, Thái, Mông, Jrai, Ê Đê, Ba Na, …)
        "Lường Sầm Bế Ma Hầu Giàng Sùng Vừ Thào Lầu Mùa Vi Rah Ksor Siu Nay Kpă Rơ Đàm Hoàng"
    ).split()
)
# Heads of titles, longest first ("Phó Bí thư Thường trực" before "Phó Bí thư" before "Bí thư").
TITLE_HEADS = [
    "Tổng Bí thư",
    "Thường trực Ban Bí thư",
    "Bí thư Trung ương Đảng",
    "Ủy viên Bộ Chính trị",
    "Ủy viên Trung ương Đảng",
    "Ủy viên Ban Chấp hành Trung ương",
    "Ủy viên Ban Thường vụ",
    "Ủy viên dự khuyết",
    "Ủy viên",
    "Phó Bí thư Thường trực",
    "Phó Bí thư",
    "Bí thư",
    "Phó Trưởng ban Thường trực",
    "Phó trưởng Ban",
    "Phó trưởng ban",
    "Phó Trưởng Ban",
    "Phó Trưởng ban",
    "Trưởng Ban",
    "Trưởng ban",
    "Trưởng Đoàn",
    "Trưởng đoàn",
    "Phó Trưởng đoàn",
    "Phó Chủ tịch Thường trực",
    "Phó Chủ tịch",
    "Chủ tịch",
    "Chủ nhiệm",
    "Phó Chủ nhiệm",
    "Thủ tướng",
    "Phó Thủ tướng",
    "Bộ trưởng",
    "Thứ trưởng",
    "Giám đốc",
    "Phó Giám đốc",
    "Chánh Văn phòng",
    "Phó Chánh Văn phòng",
    "Vụ trưởng",
    "Phó Vụ trưởng",
    "Trưởng phòng",
    "Tổng Biên tập",
    "Đại biểu Quốc hội",
    "Chủ nhiệm Ủy ban Kiểm tra",
    "Hiệu trưởng",
    "Phó Hiệu trưởng",
    "Viện trưởng",
    "Phó Viện trưởng",
    "Cục trưởng",
    "Tổng cục trưởng",
    "Chánh án",
]
TITLE_START = re.compile(
    r"^(?:nguyên\s+)?(?:"
    + "|".join(re.escape(h) for h in sorted(TITLE_HEADS, key=len, reverse=True))
    + r")(?![\w])"
)
# Organizations that are not always in the org tree.
ORGANIZATIONS = [
    "Ban Chấp hành Trung ương Đảng",
    "Ban Chấp hành Trung ương",
    "Bộ Chính trị",
    "Ban Bí thư",
    "Ban Tổ chức Trung ương",
    "Ban Chỉ đạo Trung ương",
    "Mặt trận Tổ quốc Việt Nam",
    "Mặt trận Tổ quốc",
    "MTTQ",
    "Quốc hội",
    "Chính phủ",
    "TTXVN",
    "SGGP",
    "Văn phòng Trung ương Đảng",
]
COUNT_NOUNS = [
    "nội dung",
    "nhiệm vụ",
    "đề án",
    "Đề án",
    "tập thể",
    "năm",
    "đột phá",
    "Chương trình",
    "chương trình",
    "cá nhân",
    "đơn vị",
    "đảng viên",
    "tổ chức",
    "xã",
    "phường",
    "tỉnh",
    "thành phố",
    "cán bộ",
    "người",
    "văn bản",
    "kế hoạch",
    "hội nghị",
    "lớp",
    "đoàn",
]


@functools.lru_cache(maxsize=8)
def automaton(names: frozenset[str]) -> ahocorasick.Automaton:
    """An Aho-Corasick automaton over ``names`` (three characters or more); each match yields
    its length. Built once per set of names: the tree changes rarely, articles come often."""
    machine = ahocorasick.Automaton()
    for name in names:
        if len(name) >= 3:
            machine.add_word(name, len(name))
    if not len(machine):
        machine.add_word("\x00\x00\x00", 3)
    machine.make_automaton()
    return machine


# Provinces and centrally-run cities, before and after the 2025 merger, and a few old ones
# still named in articles: a place, never a person ("Thái Nguyên", "Hà Tĩnh", "Lê Lợi" is not).
PROVINCES = [
    "Thành phố Hồ Chí Minh", "Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế",
    "Thừa Thiên Huế", "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn",
    "Bắc Ninh", "Bến Tre", "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau",
    "Cao Bằng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai",
    "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương", "Hậu Giang", "Hòa Bình", "Hưng Yên",
    "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai",
    "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên",
    "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La",
    "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Tiền Giang", "Trà Vinh",
    "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái", "Hà Tây", "Vũng Tàu",
]  # fmt: skip
