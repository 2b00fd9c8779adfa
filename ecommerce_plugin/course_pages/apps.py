"""
The course's e-commerce pages: what the LMS instructor dashboard's e-commerce tab offered finance
admins and course staff (invoices, coupons, seat prices, buying seats), in the shop that owns the data.
"""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursePagesConfig(AppConfig):
    name = "ecommerce_plugin.course_pages"
    label = "commerce_course_pages"
    verbose_name = _("Commerce: course e-commerce pages")
    default_auto_field = "django.db.models.BigAutoField"
