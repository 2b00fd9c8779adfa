"""
Replica of Otto ``ecommerce/extensions/communication/utils.py`` (``Dispatcher``: the two methods a
direct message goes through), checked against openedx-unsupported/ecommerce
``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.

Otto's Dispatcher takes a ``site`` where Oscar's takes ``attachments``: the sender is the site's
``siteconfiguration.get_from_email()``, and it attaches nothing. Its user and order methods
(which write Otto's ``Email`` and ``CommunicationEvent`` rows) are not replicated.
"""
from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from oscar.apps.communication.utils import Dispatcher as OscarDispatcher


class Dispatcher(OscarDispatcher):
    def dispatch_direct_messages(self, recipient, messages, site=None):  # pylint: disable=arguments-differ
        """
        One-off messages to an explicit recipient: sent when there is a subject and a text body.
        """
        if messages["subject"] and messages["body"]:
            self.send_email_messages(recipient, messages, site)

    def send_email_messages(self, recipient, messages, site=None):  # pylint: disable=arguments-differ
        from_email = site.siteconfiguration.get_from_email() if site else settings.OSCAR_FROM_EMAIL
        if messages["html"]:
            email = EmailMultiAlternatives(messages["subject"], messages["body"], from_email=from_email,
                                           to=[recipient])
            email.attach_alternative(messages["html"], "text/html")
        else:
            email = EmailMessage(messages["subject"], messages["body"], from_email=from_email, to=[recipient])
        self.logger.info("Sending email to %s", recipient)
        email.send()
        return email
