#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into a NEW, empty database.
#
#   createdb -h host -U user bedoeling_restored
#   scripts/restore.sh FILE postgres://user@host:5432/bedoeling_restored
#
# It refuses a database that already has tables: a restore never mixes with other data. The
# restore is one transaction (all or nothing). pg_restore loads the rows before it creates the
# triggers (they are in the archive's post-data section), so the append-only triggers do not
# block the restore and are in force afterwards. Compare the two databases with
# `manage.py table_checksums` (see README, "Backup and restore").
set -euo pipefail

file="${1:?usage: scripts/restore.sh FILE TARGET_DATABASE_URL}"
target="${2:?usage: scripts/restore.sh FILE TARGET_DATABASE_URL}"

tables="$(psql "$target" -Atc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")"
if [ "$tables" != "0" ]; then
  echo "Refusing to restore: the target database already has $tables tables." >&2
  exit 1
fi

pg_restore --no-owner --no-privileges --exit-on-error --single-transaction \
  --dbname="$target" "$file"
echo "Restored $file"
