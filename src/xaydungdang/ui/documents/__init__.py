"""The kit's Party-format document writer: one data model, written as Word or PDF in the
layout of Hướng dẫn 36-HD/VPTW (domain.md R-DOC-6). Reviews use it; awards and certificates
will."""

from .docx_writer import to_docx
from .model import (
    Block,
    Heading,
    Paragraph,
    PartyDocument,
    Signature,
    Table,
    collective_signature,
    filename,
    head_signature,
    issuer_for,
    signing_body,
)
from .pdf_writer import to_pdf

__all__ = [
    "Block",
    "Heading",
    "Paragraph",
    "PartyDocument",
    "Signature",
    "Table",
    "collective_signature",
    "filename",
    "head_signature",
    "issuer_for",
    "signing_body",
    "to_docx",
    "to_pdf",
]
