from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "xaydungdang.members"
    verbose_name = "Đảng viên"

    def ready(self) -> None:
        from xaydungdang.org.services.common import PATH_COPIES

        from .models import Member

        if (Member, "cell_path") not in PATH_COPIES:
            PATH_COPIES.append((Member, "cell_path"))
