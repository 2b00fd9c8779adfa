from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "ecommerce.courses"
    label = "courses"
    default_auto_field = "django.db.models.AutoField"
