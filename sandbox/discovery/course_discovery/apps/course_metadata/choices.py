"""
Replica of course-discovery ``course_discovery/apps/course_metadata/choices.py`` (subset).
"""
from django.db import models


class CourseRunStatus(models.TextChoices):
    Unpublished = "unpublished", "Unpublished"
    LegalReview = "review_by_legal", "Awaiting Review from Legal"
    InternalReview = "review_by_internal", "Awaiting Internal Review"
    Reviewed = "reviewed", "Reviewed"
    Published = "published", "Published"


class CourseRunPacing(models.TextChoices):
    Instructor = "instructor_paced", "Instructor-paced"
    Self = "self_paced", "Self-paced"


class CertificateType(models.TextChoices):
    Honor = "honor", "Honor"
    Credit = "credit", "Credit"
    Verified = "verified", "Verified"
    Professional = "professional", "Professional"


class PayeeType(models.TextChoices):
    Platform = "platform", "Platform"
    Organization = "organization", "Organization"
