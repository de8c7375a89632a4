"""Every write to the org tree goes through these functions."""

from .changes import unit_dissolve, unit_rename, unit_reparent, unit_split, units_merge
from .units import UnitSpec, unit_create, unit_update

__all__ = [
    "UnitSpec",
    "unit_create",
    "unit_dissolve",
    "unit_rename",
    "unit_reparent",
    "unit_split",
    "unit_update",
    "units_merge",
]
