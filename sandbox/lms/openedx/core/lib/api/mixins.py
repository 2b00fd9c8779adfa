"""
Replica of openedx-platform ``openedx/core/lib/api/mixins.py`` (``PutAsCreateMixin``, as DRF's
documentation gives it: PUT creates the resource when it does not exist, with POST's permissions).
"""
from django.http import Http404
from rest_framework import status
from rest_framework.request import clone_request
from rest_framework.response import Response


class PutAsCreateMixin:
    """Backwards compatibility with Django Rest Framework v2, which allowed creation of a new resource using PUT."""

    def update(self, request, *args, **kwargs):  # noqa: ARG002
        partial = kwargs.pop("partial", False)
        instance = self.get_object_or_none()
        serializer = self.get_serializer(instance, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        if instance is None:
            lookup_url_kwarg = self.lookup_url_kwarg or self.lookup_field
            serializer.save(**{self.lookup_field: self.kwargs[lookup_url_kwarg]})
            return Response(serializer.data, status=status.HTTP_201_CREATED)
        serializer.save()
        return Response(serializer.data)

    def get_object_or_none(self):
        try:
            return self.get_object()
        except Http404:
            if self.request.method == "PUT":
                # PUT-as-create needs POST's permissions (raises PermissionDenied, or returns None).
                self.check_permissions(clone_request(self.request, "POST"))
            else:
                raise
        return None
