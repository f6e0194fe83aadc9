#!/usr/bin/env bash
# manage.py with the production environment, as the systemd units see it:
#   sudo -u lienhiep /srv/lienhiep/app/deploy/manage.sh migrate
# Reads /etc/lienhiep/env (or LIENHIEP_ENV) line by line, the way systemd's EnvironmentFile
# does for unquoted values (spaces kept; lines starting with # skipped).
set -euo pipefail
ENV_FILE="${LIENHIEP_ENV:-/etc/lienhiep/env}"
while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
        '' | '#'*) continue ;;
    esac
    export "${line?}"
done <"$ENV_FILE"
cd "$(dirname "$0")/.."
exec .venv/bin/python manage.py "$@"
