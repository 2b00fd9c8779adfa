"""
DRF test clients signed in as a given user.
"""
from rest_framework.test import APIClient


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client
