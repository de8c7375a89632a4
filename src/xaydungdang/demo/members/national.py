"""The synthetic national party tree: 34 provinces, about 3,300 communes, about 55,000
grassroots organizations and about 250,000 cells (``scale`` shrinks it evenly for a demo), built
through ``org.services.units_bulk_create``. Reused when it exists."""

from __future__ import annotations

import random
from collections.abc import Callable

from xaydungdang.core.actors import SYSTEM_DEMO
from xaydungdang.members.choices import CELL_KINDS
from xaydungdang.org import services as org
from xaydungdang.org.models import Unit

CITIES = ["Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Thành phố Hồ Chí Minh", "Cần Thơ"]
PROVINCES = [
    "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
    "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh",
    "Hưng Yên", "Ninh Bình", "Quảng Trị", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng",
    "Đắk Lắk", "Đồng Nai", "Tây Ninh", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
]  # fmt: skip
# Units of the demo data that stand for a province of the list (reused, not duplicated).
EXISTING = {"Hà Nội": "tu-hn", "Thành phố Hồ Chí Minh": "tu-hcm"}
SYLLABLES = (
    "Tân Phú An Hòa Bình Thạnh Long Mỹ Hưng Phước Thuận Đông Tây Nam Bắc Trung Yên Quang Vĩnh "
    "Thanh Hồng Minh Xuân Lộc Hải Sơn Lâm Thủy Cát Kim Ngọc Hà Phong Thịnh Tiến Đức Thái Nghĩa "
    "Hiệp Lợi Khánh Định Châu Lương Sơn Điền Hậu Thới Nhơn Vân Cẩm"
).split()
COMMUNES, GRASSROOTS, CELLS = 3321, 55000, 250000
# A commune's grassroots organizations that hold their members themselves (chi bộ cơ sở).
OWN_CELLS = [
    "Chi bộ Trường Mầm non {c}", "Chi bộ Trường Tiểu học {c}",
    "Chi bộ Trường Trung học cơ sở {c}", "Chi bộ Trạm Y tế {c}", "Chi bộ Quân sự {k} {c}",
]  # fmt: skip
COMMITTEES = ["Đảng bộ Công an {k} {c}", "Đảng bộ Cơ quan Ủy ban nhân dân {k} {c}"]
Say = Callable[[str], None]


def _place_names(rng: random.Random, count: int) -> list[str]:
    """``count`` different names of two syllables (unique within a province, as real ones are)."""
    pairs = sorted({f"{a} {b}" for a in SYLLABLES for b in SYLLABLES if a != b})
    return rng.sample(pairs, count)


def _commune(nodes: list[org.Node], code: str, name: str, parent: str | Unit, rng: random.Random,
             per_commune: float) -> None:  # fmt: skip
    kind = "phường" if rng.random() < 0.2 else "xã"
    nodes.append(org.Node(code, f"Đảng bộ {kind} {name}", "commune_committee", parent))
    grassroots = max(1, round(rng.gauss(per_commune, 2)))
    for i in range(grassroots):
        if i < len(OWN_CELLS):
            label = OWN_CELLS[i].format(c=name, k=kind)
            nodes.append(org.Node(f"{code}-{i}", label, "grassroots_cell", code))
            continue
        if i - len(OWN_CELLS) < len(COMMITTEES):
            label = COMMITTEES[i - len(OWN_CELLS)].format(c=name, k=kind)
        else:
            label = f"Đảng bộ {'khu phố' if kind == 'phường' else 'thôn'} {i - 6}"
        nodes.append(org.Node(f"{code}-{i}", label, "grassroots_committee", code))
        for j in range(rng.randint(3, 9)):
            cell = f"Chi bộ {'tổ dân phố' if kind == 'phường' else 'xóm'} {j + 1}"
            nodes.append(org.Node(f"{code}-{i}-{j}", cell, "subordinate_cell", f"{code}-{i}"))


def plan(root: Unit, scale: float, rng: random.Random) -> list[org.Node]:
    """The nodes of the tree under ``root``: provinces (existing ones reused), then communes and
    what is below them."""
    nodes: list[org.Node] = []
    per_commune = GRASSROOTS / COMMUNES
    provinces = CITIES + PROVINCES
    communes = max(1, round(COMMUNES * scale))
    for p, province in enumerate(provinces):
        parent: str | Unit = f"qg-{p:02d}"
        existing = Unit.objects.filter(code=EXISTING.get(province), valid_to__isnull=True).first()
        if existing is not None:
            parent = existing
        else:
            prefix = "Thành ủy" if province in CITIES else "Tỉnh ủy"
            nodes.append(
                org.Node(str(parent), f"{prefix} {province}", "provincial_committee", root)
            )
        share = communes // len(provinces) + (p < communes % len(provinces))
        for c, name in enumerate(_place_names(rng, share)):
            _commune(nodes, f"qg-{p:02d}-{c:03d}", name, parent, rng, per_commune)
    return nodes


def holders(root: Unit) -> list[Unit]:
    """The units of the synthetic tree that hold members themselves (cells and chi bộ cơ sở)."""
    return list(
        Unit.objects.filter(code__startswith="qg-", kind__in=CELL_KINDS, path__startswith=root.path)
        .only("pk", "path", "code")
        .order_by("path")
    )


def national_tree(scale: float = 1.0, seed: int = 2025, say: Say = print) -> list[Unit]:
    """Build the synthetic tree once (under the central committee of the demo data, or a new
    root) and return the units that hold members."""
    root = (
        Unit.objects.filter(parent__isnull=True, kind="central_committee", valid_to__isnull=True)
        .order_by("pk")
        .first()
    )
    if root is None:
        root = org.units_bulk_create(
            nodes=[org.Node("bchtw", "Ban Chấp hành Trung ương Đảng", "central_committee", None)],
            valid_from=None,
            is_demo=True,
            actor=SYSTEM_DEMO,
        )["bchtw"]
    if not Unit.objects.filter(code__startswith="qg-").exists():
        nodes = plan(root, scale, random.Random(seed))
        org.units_bulk_create(
            nodes=nodes, valid_from=None, decision_ref="Dữ liệu tổng hợp", is_demo=True,
            actor=SYSTEM_DEMO,
        )  # fmt: skip
        say(f"Cây tổ chức tổng hợp: {len(nodes):,} đơn vị.")
    return holders(root)
