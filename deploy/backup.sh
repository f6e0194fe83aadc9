#!/usr/bin/env bash
# Back up lienhiep's database and its files (MEDIA_ROOT, the private/ folder included) into
# BACKUP_DIR, one dated pair per run, keeping BACKUP_KEEP_DAYS days. Reads the app's own
# settings from the environment (DATABASE_URL, MEDIA_ROOT): run by lienhiep-backup.service with
# /etc/lienhiep/env, or by hand: `set -a; . /etc/lienhiep/env; set +a; deploy/backup.sh`.
# Restore: docs/operations.md, "Backups".
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL is not set}"
: "${MEDIA_ROOT:?MEDIA_ROOT is not set}"
BACKUP_DIR="${BACKUP_DIR:-/srv/lienhiep/backups}"
KEEP="${BACKUP_KEEP_DAYS:-14}"
STAMP="$(date +%Y-%m-%d-%H%M)"

umask 077
mkdir -p "$BACKUP_DIR"
case "$DATABASE_URL" in
    postgres://* | postgresql://*)
        # pg_dump reads the URL itself; write to a temporary name so a failed run leaves no
        # half file that looks like a backup.
        pg_dump --format=custom --no-owner --file="$BACKUP_DIR/.lienhiep-$STAMP.dump" "$DATABASE_URL"
        mv "$BACKUP_DIR/.lienhiep-$STAMP.dump" "$BACKUP_DIR/lienhiep-$STAMP.dump"
        ;;
    sqlite://*)
        db="${DATABASE_URL#sqlite:///}"
        sqlite3 "$db" ".backup '$BACKUP_DIR/lienhiep-$STAMP.sqlite3'"
        ;;
    *)
        echo "backup.sh: DATABASE_URL must be postgres://… or sqlite:///…" >&2
        exit 1
        ;;
esac
tar --create --gzip --file="$BACKUP_DIR/.media-$STAMP.tar.gz" \
    --directory="$(dirname "$MEDIA_ROOT")" "$(basename "$MEDIA_ROOT")"
mv "$BACKUP_DIR/.media-$STAMP.tar.gz" "$BACKUP_DIR/media-$STAMP.tar.gz"

find "$BACKUP_DIR" -maxdepth 1 -type f \( -name 'lienhiep-*' -o -name 'media-*' \) \
    -mtime +"$KEEP" -delete
echo "backup.sh: $BACKUP_DIR/lienhiep-$STAMP.* and media-$STAMP.tar.gz"
