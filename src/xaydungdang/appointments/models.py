"""Quy trình bổ nhiệm, giới thiệu ứng cử."""
