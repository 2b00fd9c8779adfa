"""
Replica of Otto ``ecommerce/tests/factories.py`` (the factories the plugin's Otto tests use),
checked against openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e0.
"""
import factory
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from factory.fuzzy import FuzzyText
from oscar.core.loading import get_model

from ecommerce.core.models import SiteConfiguration


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_model("partner", "Partner")
        django_get_or_create = ("name",)

    name = FuzzyText(prefix="test-partner-")
    code = FuzzyText(length=8)


class SiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Site

    domain = FuzzyText(suffix=".fake")
    name = FuzzyText()


class SiteConfigurationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SiteConfiguration

    lms_url_root = factory.LazyAttribute(lambda obj: "http://lms.testserver.fake")
    site = factory.SubFactory(SiteFactory)
    partner = factory.SubFactory(PartnerFactory)
    segment_key = "fake_key"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: "ecommerce_test_user_%d" % n)
    email = factory.Sequence(lambda n: "ecommerce_test_%s@example.com" % n)
    password = factory.PostGenerationMethodCall("set_password", "somethingSecure")
    is_active = True
