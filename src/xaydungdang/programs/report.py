"""The review as a Party document (Hướng dẫn 36-HD/VPTW): built here from the review and its
figures, written as Word or PDF by the kit (ui.documents). What is the programs' own knowledge
stays here: which body a review's issuer writes in its heading, and who signs for it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.db.models import Q

from xaydungdang.core.dates import vn_date
from xaydungdang.org.choices import UnitKind
from xaydungdang.org.models import Unit
from xaydungdang.people.models import Tenure
from xaydungdang.people.selectors import active_on_q
from xaydungdang.ui import documents as kit

from .choices import ItemStatus
from .models import Review

YEAR_COLUMNS = [
    ("year", "Năm"),
    ("planned", "Kế hoạch"),
    (ItemStatus.DONE, "Hoàn thành"),
    (ItemStatus.IN_PROGRESS, "Đang thực hiện"),
    (ItemStatus.NOT_IMPLEMENTED, "Chưa triển khai"),
    (ItemStatus.MOVED, "Chuyển năm sau"),
]
DOC_TYPE = "Báo cáo"
# Heads and deputies who sign; "Ủy viên" and the like do not, whatever their rank.
SIGNING_TITLES = (
    "tong bi thu",
    "bi thu",
    "pho bi thu",
    "truong",
    "pho truong",
    "chanh",
    "pho chanh",
    "chu nhiem",
    "pho chu nhiem",
)
Progress = Callable[[int, str], None]


def _issuer(unit: Unit) -> tuple[str, ...]:
    """A standing committee writes its committee's name ("THÀNH ỦY HÀ NỘI"); an advisory body
    or an inspection commission writes its committee over its own name."""
    parent = unit.parent
    if parent is None:
        return (unit.name,)
    if unit.kind == UnitKind.STANDING_COMMITTEE:
        return (parent.name,)
    if unit.kind in (UnitKind.ADVISORY_BOARD, UnitKind.INSPECTION_COMMISSION):
        return kit.issuer_for(unit.name, parent.name)
    return (unit.name,)


def _holder(unit: Unit, day: dt.date) -> Tenure | None:
    """The most senior head or deputy of ``unit`` on ``day``, as the tenures record it."""
    signs = Q()
    for prefix in SIGNING_TITLES:
        signs |= Q(title__folded__startswith=prefix)
    return (
        Tenure.objects.filter(active_on_q(day), signs, unit=unit)
        .select_related("person", "title")
        .order_by("title__rank", "start", "id")
        .first()
    )


def _signature(review: Review) -> kit.Signature:
    """An advisory board is headed by one person (its head signs, a deputy signs K/T); other
    bodies are collectives (T/M), a standing committee signing for its committee's secretary.
    With no tenure recorded on the day, the name is left blank for the signer to write."""
    unit, day = review.issuer, review.issued_on or review.period_end
    if unit.kind == UnitKind.ADVISORY_BOARD:
        holder = _holder(unit, day)
        title = holder.title.name if holder else "Trưởng ban"
        return kit.head_signature(title, holder.person.full_name if holder else "")
    committee = unit.parent if unit.kind == UnitKind.STANDING_COMMITTEE and unit.parent else unit
    holder = _holder(committee, day)
    default = "Chủ nhiệm" if unit.kind == UnitKind.INSPECTION_COMMISSION else "Bí thư"
    title = holder.title.name if holder else default
    return kit.collective_signature(unit.name, title, holder.person.full_name if holder else "")


def _intro(review: Review) -> kit.Paragraph:
    if review.program is not None:
        program = review.program
        term = f"{program.start_year} - {program.end_year}"
        subject = program.title if term in program.title else f"{program.title} giai đoạn {term}"
    else:
        subject = str(review.directive)
    return kit.Paragraph(
        f"Thực hiện {subject}, {review.issuer.name} báo cáo kết quả thực hiện từ ngày "
        f"{vn_date(review.period_start)} đến ngày {vn_date(review.period_end)} như sau:"
    )


def _figures(review: Review) -> list[kit.Block]:
    figures = review.figures
    if figures.get("kind") != "program":
        return [
            kit.Paragraph(
                f"Văn bản triển khai ban hành trong kỳ: {figures.get('documents_issued', 0)}; "
                f"nhiệm vụ hoàn thành: {figures.get('done_of_planned', '0/0')}; "
                f"nhiệm vụ quá hạn: {figures.get('tasks_overdue', 0)}."
            )
        ]
    rows = [*figures["years"], {**figures["totals"], "year": "Cộng"}]
    table = kit.Table(
        header=tuple(label for _, label in YEAR_COLUMNS),
        rows=tuple(tuple(str(row.get(key, "")) for key, _ in YEAR_COLUMNS) for row in rows),
    )
    total = f"Tổng số nội dung hoàn thành/kế hoạch: {figures['totals']['done_of_planned']}."
    return [table, kit.Paragraph(total)]


def _section(heading: str, text: str) -> list[kit.Block]:
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return [kit.Heading(heading), *(kit.Paragraph(line) for line in lines or ["…"])]


def _body(review: Review, progress: Progress) -> tuple[kit.Block, ...]:
    progress(40, "Ghi số liệu tính từ dữ liệu")
    blocks: list[kit.Block] = [_intro(review), kit.Heading("I. KẾT QUẢ ĐẠT ĐƯỢC")]
    blocks += _figures(review)
    blocks += [kit.Paragraph(line.strip()) for line in review.results.splitlines() if line.strip()]
    progress(70, "Ghi các phần nội dung")
    blocks += _section("II. HẠN CHẾ", review.limitations)
    blocks += _section("III. BÀI HỌC KINH NGHIỆM", review.lessons)
    blocks += _section("IV. KIẾN NGHỊ, ĐỀ XUẤT", review.proposals)
    if review.participants:
        blocks += _section("Thành phần tham dự", review.participants)
    return tuple(blocks)


def _file_stem(review: Review) -> str:
    """What the file is, in a few words: "Báo cáo sơ kết 2018 chương trình phối hợp Thành ủy
    Hà Nội"; the other party of the program (by its committee) tells two programs apart."""
    years = sorted({review.period_start.year, review.period_end.year})
    stem = f"{DOC_TYPE} {review.get_kind_display()} {'-'.join(map(str, years))}"
    program = review.program
    if program is None:
        return f"{stem} {review.directive}"
    other = program.party_b if program.party_a_id == review.issuer_id else program.party_a
    if other.kind == UnitKind.STANDING_COMMITTEE and other.parent is not None:
        other = other.parent
    return f"{stem} chương trình phối hợp {other.name}"


def review_document(review: Review, progress: Progress = lambda p, m: None) -> kit.PartyDocument:
    progress(10, "Lập phần đầu văn bản")
    return kit.PartyDocument(
        issuer=_issuer(review.issuer),
        number=review.symbol,
        place=review.place,
        date=review.issued_on,
        doc_type=DOC_TYPE,
        subject=review.title,
        body=_body(review, progress),
        signature=_signature(review),
        recipients=tuple(review.recipients.splitlines()),
        file_stem=_file_stem(review),
    )


# The files a review can be written as: extension → (name shown to users, the kit's writer).
FORMATS: dict[str, tuple[str, Callable[[kit.PartyDocument], bytes]]] = {
    "docx": ("Word", kit.to_docx),
    "pdf": ("PDF", kit.to_pdf),
}


def review_file(
    review: Review, ext: str, progress: Progress = lambda p, m: None
) -> tuple[str, bytes]:
    """The review written as ``ext`` ("docx" or "pdf"): its file name and its bytes."""
    label, write = FORMATS[ext]
    doc = review_document(review, progress)
    progress(90, f"Ghi tệp {label}")
    return kit.filename(doc, ext), write(doc)


def review_docx(review: Review, progress: Progress = lambda p, m: None) -> bytes:
    return review_file(review, "docx", progress)[1]


def review_pdf(review: Review, progress: Progress = lambda p, m: None) -> bytes:
    return review_file(review, "pdf", progress)[1]
