"""What a restore must reproduce: per table the number of rows and a checksum of its content,
and every sequence's position. Two databases with the same answer hold the same data.

The checksum is the md5 of the table's rows as text, sorted, so it does not depend on the
physical order in which a restore wrote them.
"""

from __future__ import annotations


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_checksums(cursor) -> dict[str, tuple[int, str]]:
    """{table: (rows, md5)} for every table in the public schema, and {"sequence <name>":
    (last value, "")} for every sequence, from a DB-API cursor on PostgreSQL."""
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    result: dict[str, tuple[int, str]] = {}
    for (table,) in cursor.fetchall():
        rows_as_text = "string_agg(r::text, E'\\n' ORDER BY r::text)"
        # A table name from pg_tables, quoted: nothing from outside goes in.
        query = f"SELECT count(*), md5(coalesce({rows_as_text}, '')) FROM {_quoted(table)} AS r"  # noqa: S608
        cursor.execute(query)
        rows, digest = cursor.fetchone()
        result[table] = (rows, digest)
    cursor.execute(
        "SELECT sequencename, coalesce(last_value, 0) FROM pg_sequences "
        "WHERE schemaname = 'public' ORDER BY sequencename"
    )
    for name, last_value in cursor.fetchall():
        result[f"sequence {name}"] = (last_value, "")
    return result
