#!/usr/bin/env bash
# Back up Bedoeling's PostgreSQL database as one pg_dump archive (custom format: compressed, and
# pg_restore can list it or restore part of it). The archive holds schema, data, sequences and
# the triggers that keep records append-only.
#
#   DATABASE_URL=postgres://user@host:5432/bedoeling scripts/backup.sh [FILE]
#
# FILE defaults to backups/bedoeling-<UTC date and time>.dump. Prints the file written.
set -euo pipefail

: "${DATABASE_URL:?set DATABASE_URL to the database to back up}"
file="${1:-backups/bedoeling-$(date -u +%Y%m%dT%H%M%SZ).dump}"
mkdir -p "$(dirname "$file")"

pg_dump --format=custom --no-owner --no-privileges --file="$file" "$DATABASE_URL"
# An archive that pg_restore cannot read is no backup: check it now, not on the day it is needed.
pg_restore --list "$file" >/dev/null
echo "$file"
