from django.apps import AppConfig


class CoreAppConfig(AppConfig):
    name = "ecommerce.core"
    label = "core"
    default_auto_field = "django.db.models.AutoField"
