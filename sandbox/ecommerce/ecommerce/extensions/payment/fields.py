"""
Replica of ``jsonfield.JSONField`` (jsonfield 3.1.0, the version Otto pins in
``requirements/base.txt`` at sumac.master 126b670782e095b0abddd22fae0e94f8caf88348), the field
of Otto's ``PaymentProcessorResponse.response``.

A TEXT column holding ``json.dumps`` of the value (Django's encoder), decoded on read. It is not
Django's ``JSONField``: the database sees a string, so there are no key lookups or transforms
(``response__kind`` raises ``FieldError``), and nothing can be queried inside a payload.
"""
import json

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _


class JSONField(models.TextField):
    """
    JSON stored as text, as ``jsonfield.JSONField`` does.
    """

    def to_python(self, value):
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError as exc:
                raise ValidationError(_("Enter valid JSON.")) from exc
        return value

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        return json.loads(value)

    def get_prep_value(self, value):
        if self.null and value is None:
            return None
        return json.dumps(value, cls=DjangoJSONEncoder)

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))
