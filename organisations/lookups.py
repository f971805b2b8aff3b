"""`pk__in=[...]` with a number no integer column can hold (a tampered form) matches nothing,
as `pk=...` already does (Django's IntegerFieldOverflow), instead of an OverflowError - a 500
on SQLite. Registered for every integer field in OrganisationsConfig.ready()."""

from django.db.models.lookups import In


class InRange(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(
                self.lhs.output_field.get_internal_type()
            )
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)
