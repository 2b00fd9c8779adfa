"""
Sandbox-only (not a replica): ``manage.py seed_demo`` creates the demo users and courses, idempotently.
"""
from datetime import UTC, datetime

from common.djangoapps.course_modes.models import CourseMode
from common.djangoapps.student.models import CourseEnrollment, UserProfile
from common.djangoapps.student.roles import CourseInstructorRole
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from opaque_keys.edx.keys import CourseKey
from openedx.core.djangoapps.content.course_overviews.models import CourseOverview
from waffle.models import Flag
from xmodule.models import SandboxCourseStructure

PASSWORD = "edx"

# username -> (full name, is_superuser)
USERS = {
    "edx": ("edX Staff", True),
    "audit": ("Audit Learner", False),
    "verified": ("Verified Learner", False),
    "honor": ("Honor Learner", False),
    "coach": ("CCX Coach", False),
}

DEMO_COURSE = "course-v1:edX+DemoX+Demo_Course"
CCX_MASTER_COURSE = "course-v1:edX+CCX101+2026"
# The discounts feature flag of lms_plugin (commerce_discounts.enable_discounting).
DISCOUNT_FLAG = "commerce_discounts.enable_discounting"

COURSES = {
    DEMO_COURSE: {
        "display_name": "Demonstration Course",
        "start": datetime(2024, 1, 1, tzinfo=UTC),
        "end": None,
        "enable_ccx": False,
        "chapters": [
            ("introduction", "Introduction"),
            ("example_week_1", "Example Week 1: Getting Started"),
        ],
        "modes": [
            ("audit", "Audit", 0, None),
            ("verified", "Verified Certificate", 49, "8CF08E5"),
        ],
    },
    CCX_MASTER_COURSE: {
        "display_name": "Commerce for Custom Courses 101",
        "start": datetime(2026, 1, 5, tzinfo=UTC),
        "end": datetime(2026, 12, 18, tzinfo=UTC),
        "enable_ccx": True,
        "chapters": [
            ("module_1", "Module 1: Foundations"),
            ("module_2", "Module 2: Catalog and Pricing"),
            ("module_3", "Module 3: Baskets and Checkout"),
            ("module_4", "Module 4: Vouchers and Offers"),
            ("module_5", "Module 5: Enrollment and Fulfillment"),
            ("module_6", "Module 6: Refunds and Reporting"),
        ],
        "modes": [
            ("audit", "Audit", 0, None),
            ("verified", "Verified Certificate", 99, None),
        ],
    },
}


class Command(BaseCommand):
    help = "Create the sandbox LMS demo users, courses, modes and course structures (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        created = []
        users = {username: self._user(username, name, superuser, created) for username, (name, superuser) in USERS.items()}
        for course_id, spec in COURSES.items():
            self._course(CourseKey.from_string(course_id), spec, created)
        master_key = CourseKey.from_string(CCX_MASTER_COURSE)
        instructor = CourseInstructorRole(master_key)
        if not instructor.has_user(users["edx"]):
            instructor.add_users(users["edx"])
            created.append(f"instructor role on {CCX_MASTER_COURSE}")
        self._discount_demo(users, created)
        self.stdout.write(
            f"seed_demo: {len(USERS)} users, {len(COURSES)} courses; "
            + (f"created {len(created)} objects." if created else "nothing to change.")
        )

    def _user(self, username, name, superuser, created):
        User = get_user_model()
        user, was_created = User.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@example.com",
                "is_staff": superuser,
                "is_superuser": superuser,
                "first_name": name.split()[0],
                "last_name": name.split()[-1],
            },
        )
        if was_created:
            user.set_password(PASSWORD)
            user.save()
            created.append(f"user {username}")
        __, profile_created = UserProfile.objects.get_or_create(user=user, defaults={"name": name})
        if profile_created:
            created.append(f"profile {username}")
        return user

    def _course(self, course_key, spec, created):
        __, was_created = CourseOverview.objects.get_or_create(
            id=course_key,
            defaults={
                "org": course_key.org,
                "display_name": spec["display_name"],
                "display_number_with_default": course_key.course,
                "display_org_with_default": course_key.org,
                "start": spec["start"],
                "end": spec["end"],
                "enrollment_start": datetime(2024, 1, 1, tzinfo=UTC),
            },
        )
        if was_created:
            created.append(f"course {course_key}")
        for slug, display_name, price, sku in spec["modes"]:
            __, was_created = CourseMode.objects.get_or_create(
                course_id=course_key,
                mode_slug=slug,
                currency="usd",
                defaults={"mode_display_name": display_name, "min_price": price, "sku": sku},
            )
            if was_created:
                created.append(f"mode {slug} of {course_key}")
        chapters = [
            {
                "usage_key": str(course_key.make_usage_key("chapter", block_id)),
                "display_name": display_name,
            }
            for block_id, display_name in spec["chapters"]
        ]
        __, was_created = SandboxCourseStructure.objects.get_or_create(
            course_id=course_key, defaults={"enable_ccx": spec["enable_ccx"], "chapters": chapters}
        )
        if was_created:
            created.append(f"structure of {course_key}")

    def _discount_demo(self, users, created):
        """
        Learners ``audit`` and ``honor`` audit the demo course and the discount flag is on for
        everyone, so the basket shows the LMS's first-purchase discount on their upgrade.
        """
        demo_key = CourseKey.from_string(DEMO_COURSE)
        for username in ("audit", "honor"):
            if not CourseEnrollment.is_enrolled(users[username], demo_key):
                CourseEnrollment.enroll(users[username], demo_key, mode="audit")
                created.append(f"audit enrollment of {username}")
        _, flag_created = Flag.objects.update_or_create(
            name=DISCOUNT_FLAG, defaults={"everyone": True, "note": "Sandbox demo: discounts on."}
        )
        if flag_created:
            created.append(f"waffle flag {DISCOUNT_FLAG}")
