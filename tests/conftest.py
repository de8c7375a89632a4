"""Shared fixtures: the demo data of the seed articles, its users, and signed-in clients."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.core.models import ChangeRecord
from xaydungdang.core.services import role_grant
from xaydungdang.demo.loader import load
from xaydungdang.org import services as org
from xaydungdang.org.models import Unit

D = dt.date
Y2000 = D(2000, 1, 1)


@pytest.fixture(autouse=True)
def fast_passwords(settings: object, tmp_path: object) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]
    settings.MEDIA_ROOT = str(tmp_path)  # type: ignore[attr-defined]  # uploads stay out of var/
    settings.XDD_JOBS_INLINE = True  # type: ignore[attr-defined]


@pytest.fixture
def demo(db: None) -> dict[str, Unit]:
    load(say=lambda _: None)
    return {u.code: u for u in Unit.objects.filter(code__isnull=False)}


@pytest.fixture
def user_named(db: None) -> Callable[[str], object]:
    def get(username: str) -> object:
        return get_user_model().objects.get(username=username)

    return get


@pytest.fixture
def client_for(demo: dict[str, Unit]) -> Callable[[str], Client]:
    def make(username: str) -> Client:
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        return client

    return make


@pytest.fixture
def root(db: None) -> Unit:
    spec = org.UnitSpec(name="Ban Chấp hành Trung ương Đảng", kind="central_committee", code="r")
    return org.unit_create(spec=spec, valid_from=None, actor=SYSTEM_CLI)


@pytest.fixture
def make_unit(root: Unit) -> Callable[..., Unit]:
    def make(
        name: str,
        parent: Unit | None = None,
        kind: str = "provincial_committee",
        valid_from: dt.date | None = Y2000,
        **kw: object,
    ) -> Unit:
        spec = org.UnitSpec(name=name, kind=kind, parent=parent or root, **kw)  # type: ignore[arg-type]
        return org.unit_create(spec=spec, valid_from=valid_from, actor=SYSTEM_CLI)

    return make


@pytest.fixture
def scoped_user(db: None) -> Callable[[str, Unit | None, str], object]:
    def make(username: str, unit: Unit | None, role: str = "editor") -> object:
        user = get_user_model().objects.create_user(username=username, password="pw-123456789")
        role_grant(user=user, role=role, unit=unit, actor=SYSTEM_CLI)
        return get_user_model().objects.get(pk=user.pk)

    return make


@pytest.fixture
def superuser(db: None) -> object:
    return get_user_model().objects.create_superuser(username="root", password="pw-123456789")


def queries_of(client: Client, url: str) -> int:
    """How many queries one page costs (it must answer 200)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200, url
    return len(ctx.captured_queries)


def audit_count() -> int:
    return ChangeRecord.objects.count()
