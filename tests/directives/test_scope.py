"""Who sees a document: its issuer's subtree, the bodies below the issuer, every unit that
implements it or leads one of its tasks, and every staff user for the central bodies' own."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.directives import services
from xaydungdang.directives.models import Document
from xaydungdang.org.models import Unit


def _page(client: Client, doc: Document) -> int:
    return client.get(reverse("directives:document", args=[doc.pk])).status_code


def test_a_central_plan_is_seen_by_the_provinces_that_carry_it_out(
    demo: dict[str, Unit], client_for: Callable[[str], Client]
) -> None:
    plan = Document.objects.get(symbol="04-KH/TW")
    assert _page(client_for("hcm"), plan) == 200
    assert _page(client_for("hanoi"), plan) == 200


def test_leading_a_task_of_another_units_document_makes_it_visible(
    demo: dict[str, Unit], client_for: Callable[[str], Client]
) -> None:
    hanoi_plan = services.document_create(
        doc_type="plan", issuer=demo["tu-hn"], title="Kế hoạch phối hợp thử", actor=SYSTEM_CLI
    )
    hcm = client_for("hcm")
    assert _page(hcm, hanoi_plan) == 404  # another province's own document
    services.task_create(
        document=hanoi_plan, content="Phối hợp khảo sát", lead_unit=demo["tu-hcm"], actor=SYSTEM_CLI
    )
    assert _page(hcm, hanoi_plan) == 200


def test_implementing_a_document_makes_it_visible(
    demo: dict[str, Unit], client_for: Callable[[str], Client]
) -> None:
    hanoi_plan = services.document_create(
        doc_type="plan", issuer=demo["tu-hn"], title="Kế hoạch mẫu của Hà Nội", actor=SYSTEM_CLI
    )
    hcm = client_for("hcm")
    assert _page(hcm, hanoi_plan) == 404
    services.document_create(
        doc_type="plan",
        issuer=demo["tu-hcm"],
        title="Kế hoạch học tập kinh nghiệm",
        implements=hanoi_plan,
        actor=SYSTEM_CLI,
    )
    assert _page(hcm, hanoi_plan) == 200
