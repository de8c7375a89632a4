"""Members' hooks: the cell path copy, tallies on a subtree move, a person's change reaching
the member, and the member sections of the unit and person pages."""

from xaydungdang.core import hooks
from xaydungdang.ui.history import Target, simple_target

from .models import Member
from .services.lifecycle import person_changed
from .structure.tallies import subtree_moved
from .views.members import person_member_panel, unit_members_panel


@hooks.PATH_COPIES.register
def member_cell_path() -> tuple[type[Member], str]:
    return Member, "cell_path"


hooks.SUBTREE_MOVED.register(subtree_moved)
hooks.PERSON_CHANGED.register(person_changed)
hooks.UNIT_PANELS.register(unit_members_panel, order=10)
hooks.PERSON_PANELS.register(person_member_panel, order=10)


@hooks.HISTORY_TARGETS.register
def history_targets() -> dict[str, Target]:
    return {"member": simple_target(Member, "members:member")}
