"""Reading rows by long lists of ids: the digest names up to thousands of cases at once."""

from __future__ import annotations

from django.db import connections
from django.db.models import F, Field, Lookup, Value


class _EqualsAny(Lookup):
    """`column = ANY(array)` (PostgreSQL)."""

    lookup_name = "equals_any"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY({rhs})", (*lhs_params, *rhs_params)


def on_postgresql(queryset) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def among(queryset, field: str, ids: list[int]):
    """PostgreSQL: the rows whose `field` is one of `ids`, sent as one array parameter. An IN
    list of thousands of parameters costs more to build and send than the lookup itself."""
    return queryset.filter(_EqualsAny(F(field), Value(ids, output_field=Field())))


def one_of(queryset, field: str, ids: list[int]):
    """The rows whose `field` is one of `ids`, in one query: for the few thousand ids at most
    that a stored digest names (SQLite takes 32,766 parameters)."""
    if on_postgresql(queryset):
        return among(queryset, field, ids)
    return queryset.filter(**{f"{field}__in": ids})


def with_ids(queryset, ids: list[int]):
    """The rows of `queryset` whose primary key is one of `ids`, however many there are."""
    if on_postgresql(queryset):
        yield from among(queryset, "pk", ids)
        return
    for index in range(0, len(ids), 500):
        yield from queryset.filter(pk__in=ids[index : index + 500])
