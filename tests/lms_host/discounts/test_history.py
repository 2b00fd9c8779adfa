"""
The discount configurations keep a change history (django-simple-history).
"""
import pytest

from lms_plugin.discounts.models import DiscountPercentageConfig, DiscountRestrictionConfig, Scope


@pytest.mark.django_db
def test_a_percentage_changed_twice_has_three_history_rows():
    config = DiscountPercentageConfig.objects.create(scope=Scope.ORG, scope_value="edX", percentage=15)
    config.percentage = 20
    config.save()
    config.delete()
    rows = list(DiscountPercentageConfig.history.order_by("history_id").values_list("history_type", "percentage"))
    assert rows == [("+", 15), ("~", 20), ("-", 20)]


@pytest.mark.django_db
def test_a_restriction_lifted_is_in_its_history():
    config = DiscountRestrictionConfig.objects.create(scope=Scope.ORG, scope_value="edX", disabled=True)
    config.disabled = False
    config.save()
    assert list(config.history.values_list("disabled", flat=True)) == [False, True]
