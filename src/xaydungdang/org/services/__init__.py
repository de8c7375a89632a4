"""Every write to the org tree goes through these functions."""

from .bulk import Node, units_bulk_create
from .changes import unit_dissolve, unit_rename, unit_reparent, unit_split, units_merge
from .units import UnitSpec, unit_create, unit_update

__all__ = [
    "Node",
    "UnitSpec",
    "unit_create",
    "unit_dissolve",
    "unit_rename",
    "unit_reparent",
    "unit_split",
    "unit_update",
    "units_bulk_create",
    "units_merge",
]
