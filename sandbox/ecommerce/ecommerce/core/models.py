"""
Replica of Otto ``ecommerce/core/models.py`` (``SiteConfiguration``: the fields and methods the
plugin reaches through ``site.siteconfiguration``).
"""
from urllib.parse import urljoin

from django.conf import settings
from django.db import models
from edx_rest_api_client.client import OAuthAPIClient


class SiteConfiguration(models.Model):
    """
    Each site's partner and LMS, as Otto keeps them.

    .. no_pii:
    """

    site = models.OneToOneField("sites.Site", null=False, blank=False, on_delete=models.CASCADE)
    partner = models.ForeignKey("partner.Partner", null=False, blank=False, on_delete=models.CASCADE)
    lms_url_root = models.URLField(verbose_name="LMS base url for custom site/microsite")
    segment_key = models.CharField(max_length=255, null=True, blank=True)
    enable_microfrontend_for_basket_page = models.BooleanField(
        verbose_name="Enable Microfrontend for Basket Page",
        help_text="Use the microfrontend implementation of the basket page instead of the server-side template",
        blank=True,
        default=False,
    )
    payment_microfrontend_url = models.URLField(
        verbose_name="Payment Microfrontend URL",
        help_text="URL for the Payment Microfrontend (used if Enable Microfrontend for Basket Page is set)",
        null=True,
        blank=True,
    )

    def build_ecommerce_url(self, path=""):
        scheme = settings.PROTOCOL
        return urljoin(f"{scheme}://{self.site.domain}", path)

    def build_lms_url(self, path=""):
        return urljoin(self.lms_url_root, path)

    @property
    def commerce_api_url(self):
        return self.build_lms_url("/api/commerce/v1/")

    @property
    def oauth_api_client(self):
        return OAuthAPIClient(
            settings.BACKEND_SERVICE_EDX_OAUTH2_PROVIDER_URL,
            settings.BACKEND_SERVICE_EDX_OAUTH2_KEY,
            settings.BACKEND_SERVICE_EDX_OAUTH2_SECRET,
        )

    def get_from_email(self):
        """
        Otto: the site's ``from_email`` field, else ``OSCAR_FROM_EMAIL``. The field is not
        replicated (no sandbox site sets one), so the setting is the answer.
        """
        return settings.OSCAR_FROM_EMAIL

    def __str__(self):
        return self.site.domain
