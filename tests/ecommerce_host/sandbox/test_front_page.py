"""
The sandbox shop's front page links the learner's real entry points (not Oscar's empty catalogue).
"""
import re
from urllib.parse import unquote, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import resolve
from oscar.core.loading import get_model
from sandbox_ecommerce.management.commands.seed_demo import CCX_MASTER_COURSE, DEMO_COURSES

Basket = get_model("basket", "Basket")


@pytest.fixture
def seeded(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def _links(page):
    return [href.replace("&amp;", "&") for href in re.findall(r'href="([^"]+)"', page)]


def test_the_front_page_links_every_demo_seat_codes_and_the_ccx_course(seeded):
    response = Client().get("/")
    assert response.status_code == 200
    links = _links(response.content.decode())
    for _course, _title, modes in DEMO_COURSES:
        for _mode, _idv, _price, sku in modes:
            assert f"/basket/add/?sku={sku}" in links
    assert "/commerce/registration-codes/buy/?sku=8CF08E5&quantity=5" in links
    assert "/commerce/registration-codes/redeem/" in links
    assert f"/api/commerce/v1/ccx/courses/{CCX_MASTER_COURSE}/" in [unquote(link) for link in links]


def test_every_entry_point_link_resolves_to_a_plugin_page(seeded):
    links = _links(Client().get("/").content.decode())
    entry_points = [link for link in links if link.startswith(("/basket/add/", "/commerce/", "/api/commerce/"))]
    assert len(entry_points) >= 8
    for link in entry_points:
        assert resolve(urlsplit(link).path).func.__module__.startswith("ecommerce_plugin."), link


def test_a_learner_following_a_seat_link_gets_it_in_the_basket(seeded):
    from django.contrib.auth import get_user_model  # noqa: PLC0415

    client = Client()
    client.force_login(get_user_model().objects.get(username="verified"))
    response = client.get("/basket/add/?sku=8CF08E5", follow=True)
    assert response.status_code == 200
    basket = Basket.objects.get(owner__username="verified", status="Open")
    assert [line.stockrecord.partner_sku for line in basket.all_lines()] == ["8CF08E5"]
