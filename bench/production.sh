#!/usr/bin/env bash
# The site in production settings, measured with wrk through nginx (deploy/local-stack.sh: nginx
# with deploy/nginx/lienhiep.conf, two gunicorn instances of 2 sync workers, PostgreSQL, the
# Redis page cache, the task worker, the demo seeded): a bare Django view, a cached article page
# and the same page rendered every time, then a mixed load of 32 connections for 60 s.
# Run: bench/production.sh (DURATION, ROUNDS, MIXED_DURATION to change the defaults).
# Prints Markdown rows for bench/RESULTS.md. Needs nginx, wrk, PostgreSQL and Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
export STACK_SETTINGS=production_settings STACK_PYTHONPATH="$PWD/bench"
DURATION="${DURATION:-10s}"
MIXED_DURATION="${MIXED_DURATION:-60s}"
. deploy/local-stack.sh
stack_start

read -r article index image < <(stack_manage shell -c "
from wagtail.images import get_image_model
from lienhiep.website.models import NewsArticlePage, NewsIndexPage
article = NewsArticlePage.objects.live().order_by('-date').first()
print(article.url, NewsIndexPage.objects.live().first().url, get_image_model().objects.first().file.url)
" | tail -n 1)
articles=$(stack_manage shell -c "
from lienhiep.website.models import NewsArticlePage
print(' '.join(p.url for p in NewsArticlePage.objects.live().order_by('-date')[:8]))
" | tail -n 1)
css=$(cd "$STATIC_ROOT" && find . -name '*.css' | head -n 1 | sed 's|^\./||')

wrk_run() {  # URL MODE PATHS CONNECTIONS DURATION: wrk's report; fails on any error
    local out
    out=$(MODE=$2 PATHS=$3 wrk -t 2 -c "$4" -d "$5" --timeout 10s --latency -s bench/production.lua "$1")
    if grep -qE "Non-2xx|Socket errors" <<<"$out"; then
        echo "$out" >&2
        return 1
    fi
    echo "$out"
}

rate() {  # URL MODE PATH: requests per second over $DURATION with 8 connections
    wrk_run "$1" "$2" "$3" 8 "$DURATION" | awk '/^Requests\/sec/ {printf "%.0f", $2}'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

for path in / "$index" $articles; do curl -fsS -o /dev/null "$STACK_URL$path"; done
curl -fsS -o /dev/null "http://127.0.0.1:$STACK_APP1$article"
echo "machine: $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# Bare and cached alternate, ROUNDS times, so that a change in the machine's load (shared with
# other work) weighs on both alike.
echo "| round | where | bare view (req/s) | cached article (req/s) | cached / bare |"
echo "|---|---|---|---|---|"
direct="http://127.0.0.1:$STACK_APP1"
for round in $(seq "${ROUNDS:-3}"); do
    bare=$(rate "$STACK_URL" mixed /bench/bare/)
    cached=$(rate "$STACK_URL" mixed "$article")
    echo "| $round | nginx, 2 instances | $bare | $cached | $(ratio "$cached" "$bare") |"
    bare=$(rate "$direct" mixed /bench/bare/)
    cached=$(rate "$direct" mixed "$article")
    echo "| $round | one instance, no nginx | $bare | $cached | $(ratio "$cached" "$bare") |"
done
echo "uncached article page (rendered every time, nginx): $(rate "$STACK_URL" fresh "$article") req/s"

# The mixed load: cached pages (home, news index, articles), a static file, a public picture,
# and the search page (never cached), the way a visitor's browser asks for them.
mixed="/ / $index $articles /static/$css /static/$css $image /tim-kiem/?q=khoa+hoc"
echo "mixed paths: $mixed"
wrk_run "$STACK_URL" mixed "$mixed" 32 "$MIXED_DURATION"
echo "errors (non-2xx/3xx answers, socket errors, timeouts over 10 s): 0"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
