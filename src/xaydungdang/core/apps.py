from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _load_baseline_rules(sender: AppConfig, **kwargs: Any) -> None:
    """Reference data, like Django's own permissions: the baseline dated rule sets."""
    from .rules import load_baseline

    load_baseline()


class CoreConfig(AppConfig):
    name = "xaydungdang.core"
    verbose_name = "Lõi hệ thống"

    def ready(self) -> None:
        post_migrate.connect(_load_baseline_rules, sender=self)
        from . import hooks

        hooks.autodiscover()
