from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "xaydungdang.members"
    verbose_name = "Đảng viên"

    def ready(self) -> None:
        from xaydungdang.org.services.common import PATH_COPIES, SUBTREE_MOVED

        from .aggregates import subtree_moved
        from .models import Member

        if (Member, "cell_path") not in PATH_COPIES:
            PATH_COPIES.append((Member, "cell_path"))
        if subtree_moved not in SUBTREE_MOVED:
            SUBTREE_MOVED.append(subtree_moved)
        from xaydungdang.people.services import PERSON_CHANGED

        from .services import person_changed

        if person_changed not in PERSON_CHANGED:
            PERSON_CHANGED.append(person_changed)
        from xaydungdang.web import panels

        from .views import person_member_panel, unit_members_panel

        if unit_members_panel not in panels.UNIT_PANELS:
            panels.UNIT_PANELS.insert(0, unit_members_panel)
        if person_member_panel not in panels.PERSON_PANELS:
            panels.PERSON_PANELS.insert(0, person_member_panel)
