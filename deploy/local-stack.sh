# shellcheck shell=bash
# A production-like lienhiep on this machine, without systemd or root's files: nginx running
# deploy/nginx/lienhiep.conf (templated to a scratch folder and free ports), two gunicorn
# instances and the task worker with DEBUG=0, a fresh PostgreSQL database and Redis (keys under
# their own prefix), the demo seeded. Sourced by deploy/smoke-test.sh and bench/production.sh:
#   . deploy/local-stack.sh; stack_start; …use $STACK_URL…; (stack_stop runs on exit)
# Settings: STACK_SETTINGS (DJANGO_SETTINGS_MODULE), STACK_PYTHONPATH (added after src),
# STACK_APP_WORKERS (gunicorn workers per instance, 2), PGHOST/PGUSER (127.0.0.1/postgres),
# STACK_REDIS (redis://127.0.0.1:6379/2).

STACK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STACK_PY="$STACK_ROOT/.venv/bin/python"
STACK_PIDS=()

stack_free_port() {
    "$STACK_PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

stack_log() { echo "[$(date +%H:%M:%S)] $*"; }

stack_psql() { PGOPTIONS="-c client_min_messages=warning" psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -d postgres -qc "$1" >/dev/null; }

stack_manage() { (cd "$STACK_ROOT" && "$STACK_PY" manage.py "$@"); }

stack_wait() {  # URL: wait up to 60 s for an answer (any status)
    for _ in $(seq 120); do
        curl -s -o /dev/null --max-time 2 "$1" && return 0
        sleep 0.5
    done
    echo "no answer from $1" >&2
    return 1
}

stack_render_nginx() {  # the site config with the scratch folder's paths and the stack's ports
    sed -e "s|/srv/lienhiep/|$STACK_DIR/|g" \
        -e "s|/var/log/nginx/|$STACK_DIR/log/|g" \
        -e "s|listen 80;|listen 127.0.0.1:$STACK_PORT;|" \
        -e "/listen \[::\]:80;/d" \
        -e "s|server 127.0.0.1:8000;|server 127.0.0.1:$STACK_APP1; server 127.0.0.1:$STACK_APP2;|" \
        -e "s|server_name lienhiep.example.vn;|server_name 127.0.0.1 localhost;|" \
        -e "0,/proxy_pass http:\/\/lienhiep_app;/s||&\n        add_header X-Upstream \$upstream_addr always;|" \
        "$STACK_ROOT/deploy/nginx/lienhiep.conf" >"$STACK_DIR/site.conf"
    {
        # Workers run as the CI user (nginx's default for root would be nobody).
        [ "$(id -u)" -eq 0 ] && echo "user $(id -un) $(id -gn);"
        cat <<CONF
worker_processes 2;
pid $STACK_DIR/nginx.pid;
error_log $STACK_DIR/log/nginx.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    keepalive_timeout 65;
    client_body_temp_path $STACK_DIR/nginx-tmp/body;
    proxy_temp_path $STACK_DIR/nginx-tmp/proxy;
    fastcgi_temp_path $STACK_DIR/nginx-tmp/fastcgi;
    uwsgi_temp_path $STACK_DIR/nginx-tmp/uwsgi;
    scgi_temp_path $STACK_DIR/nginx-tmp/scgi;
    include $STACK_DIR/site.conf;
}
CONF
    } >"$STACK_DIR/nginx.conf"
}

stack_start() {
    STACK_DIR="$(mktemp -d /tmp/lienhiep-stack-XXXXXX)"
    chmod 755 "$STACK_DIR"
    mkdir -p "$STACK_DIR/log" "$STACK_DIR/nginx-tmp" "$STACK_DIR/media" "$STACK_DIR/static"
    STACK_DB="lienhiep_stack_$$"
    STACK_PORT="$(stack_free_port)"
    STACK_APP1="$(stack_free_port)"
    STACK_APP2="$(stack_free_port)"
    STACK_URL="http://127.0.0.1:$STACK_PORT"
    export STACK_URL STACK_APP1 STACK_APP2
    trap stack_stop EXIT
    trap 'exit 1' INT TERM

    export DEBUG=0
    SECRET_KEY="$("$STACK_PY" -c 'import secrets; print(secrets.token_urlsafe(50))')"
    export SECRET_KEY
    export DJANGO_SETTINGS_MODULE="${STACK_SETTINGS:-lienhiep.settings.base}"
    export PYTHONPATH="$STACK_ROOT/src${STACK_PYTHONPATH:+:$STACK_PYTHONPATH}"
    export ALLOWED_HOSTS=127.0.0.1,localhost
    export CSRF_TRUSTED_ORIGINS="$STACK_URL"
    export BASE_URL="$STACK_URL"
    export DATABASE_URL="postgres://${PGUSER:-postgres}@${PGHOST:-127.0.0.1}:5432/$STACK_DB"
    export CACHE_URL="${STACK_REDIS:-redis://127.0.0.1:6379/2}"
    export CACHE_KEY_PREFIX="stack$$"
    export MEDIA_ROOT="$STACK_DIR/media" STATIC_ROOT="$STACK_DIR/static"
    export ENTRY_DRAFTS_ROOT="$STACK_DIR/entry-drafts"
    export PRIVATE_FILES_ACCEL=/protected/ TRUSTED_PROXIES=1
    export TASKS_BACKEND=django_tasks_db.backend.DatabaseBackend
    # Plain HTTP on loopback: no redirect to HTTPS, cookies over HTTP (HTTPS is certbot's part).
    export SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0
    export LOG_LEVEL=WARNING

    stack_log "database $STACK_DB, nginx on $STACK_URL, app on :$STACK_APP1 and :$STACK_APP2"
    stack_psql "DROP DATABASE IF EXISTS $STACK_DB"
    stack_psql "CREATE DATABASE $STACK_DB"
    stack_manage collectstatic --no-input -v 0 &
    local static_pid=$!
    stack_manage migrate --no-input -v 0
    wait $static_pid
    stack_log "seeding the demo"
    # Seeded with the tasks run in place: Wagtail queues a reference-index and a search-index
    # task for every object saved, which the worker would otherwise work through first.
    TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend \
        stack_manage seed_demo --force >"$STACK_DIR/log/seed.log"

    stack_render_nginx
    nginx -t -q -p "$STACK_DIR" -c "$STACK_DIR/nginx.conf"
    local app
    for app in "$STACK_APP1" "$STACK_APP2"; do
        (cd "$STACK_ROOT" && exec "$STACK_ROOT/.venv/bin/gunicorn" lienhiep.wsgi \
            --no-control-socket --workers "${STACK_APP_WORKERS:-2}" --bind "127.0.0.1:$app" \
            --timeout 30) >"$STACK_DIR/log/app-$app.log" 2>&1 &
        STACK_PIDS+=($!)
    done
    (cd "$STACK_ROOT" && "$STACK_PY" manage.py reports_recover &&
        exec "$STACK_PY" manage.py db_worker --no-startup-delay) >"$STACK_DIR/log/worker.log" 2>&1 &
    STACK_PIDS+=($!)
    nginx -p "$STACK_DIR" -c "$STACK_DIR/nginx.conf" -g "daemon off;" &
    STACK_PIDS+=($!)
    stack_wait "http://127.0.0.1:$STACK_APP1/"
    stack_wait "http://127.0.0.1:$STACK_APP2/"
    stack_wait "$STACK_URL/"
    stack_log "stack running"
}

stack_stop() {
    local rc=$?
    trap - EXIT
    local pid
    for pid in "${STACK_PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${STACK_PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    if [ -n "${STACK_DB:-}" ]; then
        stack_psql "DROP DATABASE IF EXISTS $STACK_DB WITH (FORCE)" || true
    fi
    "$STACK_PY" - "${CACHE_URL:-}" "${CACHE_KEY_PREFIX:-}" <<'PY' || true
import sys

import redis

url, prefix = sys.argv[1:]
if url and prefix:
    client = redis.Redis.from_url(url)
    for key in client.scan_iter(f"{prefix}:*", count=1000):
        client.delete(key)
PY
    if [ $rc -ne 0 ] && [ -n "${STACK_DIR:-}" ]; then
        for log in "$STACK_DIR"/log/*.log; do
            echo "== $log"
            tail -n 40 "$log"
        done
    fi
    [ -n "${STACK_DIR:-}" ] && rm -rf "$STACK_DIR"
    exit $rc
}
