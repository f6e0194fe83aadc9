"""The smoke test's checks, through nginx, of a stack started by deploy/local-stack.sh.

Run by deploy/smoke-test.sh with the stack's environment; talks HTTP to nginx (and asks the
database, through manage.py, only which records to look at). Prints one line per check and
exits 1 at the first that fails.
"""

import html.parser
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASE = os.environ["STACK_URL"]
UPSTREAMS = {f"127.0.0.1:{os.environ['STACK_APP1']}", f"127.0.0.1:{os.environ['STACK_APP2']}"}
DEMO_PASSWORD = "lienhiep2024"

FACTS = """
import json
from django.contrib.auth import get_user_model
from wagtail.images import get_image_model
from lienhiep.core.private import FIELDS, may_see
from lienhiep.reports.models import ReportRun
from lienhiep.website.models import NewsArticlePage

owner = get_user_model().objects.get(username="demo")
private = next(
    name
    for field in FIELDS
    for name in field.model.objects.exclude(**{field.field: ""}).values_list(field.field, flat=True)
    if name and may_see(owner, name)
)
article = NewsArticlePage.objects.live().order_by("-date").first()
run = ReportRun.objects.filter(organisation__slug="hoi-lien-hiep-hoa-an").first() or ReportRun.objects.first()
print(json.dumps({
    "private": private,
    "article_id": article.pk,
    "article_url": article.url,
    "image": get_image_model().objects.first().file.url,
    "run": run.pk,
}))
"""

WORKED = """
from django_tasks_db.models import DBTaskResult
print(sum(
    1
    for result in DBTaskResult.objects.filter(status="SUCCESSFUL", task_path__startswith="lienhiep.reports")
    if result.worker_ids and result.args_kwargs["args"][:1] == [{run}]
))
"""

DRAFT = """
from lienhiep.website.models import NewsArticlePage
page = NewsArticlePage.objects.get(pk={pk})
page.title = {title!r}
page.save_revision()
"""


def manage_shell(code):
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Answer:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")


class Browser:
    """A visitor: its own cookies, redirects not followed."""

    def __init__(self):
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect
        )

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(BASE + path, data=body)
        if data is not None:
            request.add_header("Referer", BASE + path)
        try:
            with self.opener.open(request, timeout=30) as response:
                return Answer(response.status, response.headers, response.read())
        except urllib.error.HTTPError as error:
            return Answer(error.code, error.headers, error.read())

    def csrf(self, path):
        answer = self.request(path)
        assert answer.status == 200, f"GET {path}: {answer.status}"
        return FormInputs.of(answer.text).get("csrfmiddlewaretoken", "")

    def post_form(self, path, **fields):
        return self.request(path, {"csrfmiddlewaretoken": self.csrf(path), **fields})

    def login(self, username, password):
        return self.post_form("/admin/login/", username=username, password=password)


class FormInputs(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.values = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("name"):
            self.values.setdefault(attrs["name"], attrs.get("value") or "")

    @classmethod
    def of(cls, text):
        parser = cls()
        parser.feed(text)
        return parser.values


def check(label, condition, detail=""):
    if not condition:
        print(f"FAIL {label} {detail}", flush=True)
        sys.exit(1)
    print(f"ok   {label}", flush=True)


def fresh_on_both(path, expected):
    """Anonymous visitors asking ``path`` until both app instances answered; every answer must
    hold ``expected``. Returns the instances seen."""
    seen = set()
    for _ in range(12):
        answer = Browser().request(path)
        check_body = expected in answer.text
        if not (answer.status == 200 and check_body):
            return seen, answer
        seen.add(answer.headers.get("X-Upstream"))
        if seen >= UPSTREAMS:
            break
    return seen, None


def main():
    facts = json.loads(manage_shell(FACTS))
    visitor = Browser()

    # Pages, static files and public media.
    home = visitor.request("/")
    check("home page served", home.status == 200 and "<html" in home.text, home.status)
    policy = home.headers.get_all("Content-Security-Policy") or []
    check(
        "one Content-Security-Policy header, scripts from the site only",
        len(policy) == 1 and "script-src 'self'" in policy[0] and "unsafe-inline" not in policy[0],
        policy,
    )
    article = visitor.request(facts["article_url"])
    check("article page served", article.status == 200, article.status)
    css = next(Path(os.environ["STATIC_ROOT"]).rglob("*.css")).relative_to(
        os.environ["STATIC_ROOT"]
    )
    static = visitor.request(f"/static/{css}")
    check(f"static file served by nginx (/static/{css})", static.status == 200, static.status)
    image = visitor.request(facts["image"])
    check("public media served", image.status == 200 and image.body, image.status)

    # Private files: refused to a visitor (through the app and straight from the disk), sent by
    # nginx (X-Accel-Redirect) to a login allowed to see them.
    name = facts["private"]
    on_disk = (Path(os.environ["MEDIA_ROOT"]) / "private" / name).read_bytes()
    refused = visitor.request(f"/tep/{urllib.parse.quote(name)}")
    check("private file refused to a visitor", refused.status == 404, refused.status)
    direct = visitor.request(f"/media/private/{urllib.parse.quote(name)}")
    check("private folder not served by nginx", direct.status == 404, direct.status)
    internal = visitor.request(f"/protected/{urllib.parse.quote(name)}")
    check("nginx's internal location unreachable", internal.status == 404, internal.status)
    owner = Browser()
    login = owner.login("demo", DEMO_PASSWORD)
    check("demo logs in through nginx", login.status == 302, login.status)
    served = owner.request(f"/tep/{urllib.parse.quote(name)}")
    check(
        "private file sent to a login allowed to see it",
        served.status == 200
        and served.body == on_disk
        and "X-Accel-Redirect" not in served.headers,
        (served.status, len(served.body), len(on_disk)),
    )
    check(
        "  ...by nginx from its internal location (X-Accel-Redirect), not sniffed, not shared",
        served.headers.get("ETag")
        and served.headers.get("X-Content-Type-Options") == "nosniff"
        and served.headers.get("Cache-Control") == "private, no-cache",
        dict(served.headers),
    )

    # A report generated by the worker.
    run_path = f"/admin/reports/run/{facts['run']}/"
    before = owner.request(f"{run_path}file/pdf/")
    check("the demo's report not generated yet", before.status == 404, before.status)
    queued = owner.post_form(run_path, action="generate")
    check("report generation queued", queued.status == 302, queued.status)
    deadline = time.monotonic() + 180
    pdf = owner.request(f"{run_path}file/pdf/")
    while pdf.status != 200 and time.monotonic() < deadline:
        time.sleep(1)
        pdf = owner.request(f"{run_path}file/pdf/")
    check("report generated", pdf.body.startswith(b"%PDF"), pdf.status)
    worked = manage_shell(WORKED.format(run=facts["run"]))
    check(
        "  ...by the worker (its task result stored, with the worker's id)",
        int(worked) >= 1,
        worked,
    )

    # The shared cache: a page cached by both instances, published again through one, is
    # served fresh by both.
    path = facts["article_url"]
    seen, stale = fresh_on_both(path, "<html")
    check("article cached by both app instances", seen >= UPSTREAMS, (seen, stale))
    title = f"Bản tin kiểm thử {time.time_ns()}"
    manage_shell(DRAFT.format(pk=facts["article_id"], title=title))
    bulk = f"/admin/bulk/wagtailcore/page/publish/?id={facts['article_id']}&next=/admin/"
    leader = Browser()  # the union's leader publishes news (the demo's workflow)
    check("lanhdao logs in through nginx", leader.login("lanhdao", DEMO_PASSWORD).status == 302)
    published = leader.post_form(bulk)
    check("new title published through nginx", published.status == 302, published.status)
    seen, stale = fresh_on_both(path, title)
    check(
        "the new title served by both instances",
        seen >= UPSTREAMS,
        (seen, stale and (stale.status, stale.headers.get("X-Upstream"))),
    )

    # The login throttle (last: it locks this address out).
    intruder = Browser()
    statuses = [intruder.login("bientap", "sai-mat-khau").status for _ in range(5)]
    check(
        "four wrong passwords answered with the form, the fifth refused",
        statuses == [200, 200, 200, 200, 429],
        statuses,
    )
    locked = intruder.login("bientap", DEMO_PASSWORD)
    check(
        "the right password refused after them, in Vietnamese",
        locked.status == 429 and "phút" in locked.text,
        locked.status,
    )


if __name__ == "__main__":
    main()
