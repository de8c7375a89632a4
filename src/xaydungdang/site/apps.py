from django.apps import AppConfig


class SiteConfig(AppConfig):
    """Home, search, history, jobs and the root URLs: above every domain, reading them through
    hooks."""

    name = "xaydungdang.site"
    label = "xdd_site"
    verbose_name = "Trang chung"
