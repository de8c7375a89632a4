"""Quy hoạch cán bộ."""
