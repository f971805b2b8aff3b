"""Finding a digest for one person: a digest they may not read does not exist for them."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from .models import Digest


def get_digest_for(user, pk: int) -> Digest:
    """The digest, if this person may read it; 404 otherwise."""
    return get_object_or_404(
        Digest.objects.visible_to(user).select_related("team", "requested_by"), pk=pk
    )


def digest_or_none(user, pk: int | None) -> Digest | None:
    """The digest without its figures (for a link back to it), if this person may read it."""
    if pk is None:
        return None
    return (
        Digest.objects.visible_to(user).select_related("team").defer("data").filter(pk=pk).first()
    )
