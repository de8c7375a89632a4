"""Model fields shared by the apps."""

from __future__ import annotations

from typing import Any

from django.db import models


class PathField(models.CharField):
    """A materialized tree path compared byte by byte.

    Subtree queries use a range (``path >= p AND path < p + "~"``), which an index serves on both
    databases. On PostgreSQL the column gets the ``C`` collation so that the range and the index
    order are byte order whatever the database's locale; SQLite compares bytes already.
    """

    def db_parameters(self, connection: Any) -> dict[str, Any]:
        params = super().db_parameters(connection)
        if connection.vendor == "postgresql":
            params["collation"] = "C"
        return params
