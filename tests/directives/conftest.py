from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.directives import services as dirs
from xaydungdang.directives.models import Document
from xaydungdang.org.models import Unit

D = dt.date


@pytest.fixture
def plan(make_unit: Callable[..., Unit], root: Unit) -> Document:
    directive = dirs.document_create(
        doc_type="resolution",
        issuer=root,
        symbol="18-NQ/TW",
        issued_on=D(2017, 10, 25),
        term="XII",
        title="Sắp xếp tổ chức bộ máy",
        actor=SYSTEM_CLI,
    )
    province = make_unit("Tỉnh ủy A", code="tu-a")
    return dirs.document_create(
        doc_type="plan",
        issuer=province,
        number="86",
        title="Kế hoạch thực hiện Nghị quyết 18",
        implements=directive,
        issued_on=D(2018, 1, 10),
        actor=SYSTEM_CLI,
    )
