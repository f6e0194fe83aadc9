"""Requests per second of a cached article page against a bare Django view, same server, same run.

Seeds the demo into a scratch SQLite database (or the empty PostgreSQL database named by
``SITE_DATABASE_URL``), starts gunicorn (2 sync workers, the database page cache shared by
both), warms the article into the cache, then drives each URL for a few seconds from 4 client
threads on loopback: the bare view, the cached and the uncached article, and the admin screens
of issue 18 (dashboard, organisations, contest entries) logged in as the demo's union staff
(``SITE_ADMIN=0`` leaves them out), and goal 2's home, news index and search uncached.
``SITE_CACHE_URL`` (e.g. ``redis://127.0.0.1:6379/5``) puts the cache in Redis, as in production,
under a key prefix of the run's own (``SITE_CACHE_PREFIX``). ``SITE_TOGETHER=<folder>:<runs>`` holds
the driving until that many runs are ready, so runs side by side (the base and a branch, each
seeding its own database first) ask for each page in the same seconds; ``SITE_ROUNDS`` repeats the
public pages' round (the bare view first each time) on the same server.
"""

import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
DURATION = 5.0
THREADS = 4
PORT = int(os.environ.get("SITE_PORT", "8765"))  # another for two runs side by side
#: The admin screens of goal 1 of issue 18, driven with the demo's union staff login.
ADMIN_SCREENS = {
    "admin dashboard": "/admin/",
    "organisations list": "/admin/directory/organisations/",
    "contest entries list": "/admin/contests/entries/",
}

#: The public pages of goal 2 besides the article and the contest call, asked for uncached.
UNCACHED_PAGES = {
    "home": "/",
    "news index": "/tin-tuc/",
    "news index, page 2": "/tin-tuc/?page=2",
    "search": "/tim-kiem/?q=hoi+thao",
}


def drive(url, fresh=False, session=None):
    """Requests per second on ``url``; ``fresh`` adds a new query string each time (never cached);
    ``session`` is a logged-in session's cookie (the admin screens)."""
    headers = {"Cookie": f"sessionid={session}"} if session else {}
    count = 0
    stop = time.perf_counter() + DURATION
    lock = threading.Lock()

    def worker():
        nonlocal count
        while time.perf_counter() < stop:
            sep = "&" if "?" in url else "?"
            target = (
                f"{url}{sep}lan={threading.get_ident()}-{count}-{time.perf_counter_ns()}"
                if fresh
                else url
            )
            with urllib.request.urlopen(
                urllib.request.Request(target, headers=headers)
            ) as response:
                response.read()
            with lock:
                count += 1

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return count / DURATION


def public_pages(base, article, call):
    """One round over the bare view and the public pages; the bare view's rate."""
    bare = drive(base + "/bench/bare/")
    cached = drive(base + article)
    uncached = drive(base + article, fresh=True)
    print("| benchmark | requests/s |\n|---|---|")
    print(f"| bare Django view | {bare:.0f} |")
    print(f"| cached article page ({article}) | {cached:.0f} |")
    print(f"| uncached article page (rendered every time) | {uncached:.0f} |")
    print(f"| ratio cached / bare | {cached / bare:.2f} |")
    print(f"| ratio uncached / bare | {uncached / bare:.3f} |")
    # Goal 2's other pages, each without its page-cache entry (search is never cached).
    for name, path in UNCACHED_PAGES.items():
        rate = drive(base + path, fresh=True)
        print(f"| {name} ({path}, uncached) | {rate:.1f} |")
        print(f"| ratio {name} / bare | {rate / bare:.3f} |")
    # The contest call is never cached (its entry form): rendered on every request.
    urllib.request.urlopen(base + call).read()
    rate = drive(base + call)
    print(f"| contest call ({call}, never cached) | {rate:.1f} |")
    print(f"| ratio contest call / bare | {rate / bare:.3f} |")
    return bare


def together():
    """Wait until the runs named by ``SITE_TOGETHER`` (``folder:count``) are all ready to drive."""
    if not os.environ.get("SITE_TOGETHER"):
        return
    folder, count = os.environ["SITE_TOGETHER"].rsplit(":", 1)
    Path(folder).mkdir(parents=True, exist_ok=True)
    (Path(folder) / str(PORT)).touch()
    while len(list(Path(folder).iterdir())) < int(count):
        time.sleep(0.1)


def main():
    scratch = tempfile.mkdtemp(prefix="lienhiep-site-")
    env = {
        **os.environ,
        # SITE_DATABASE_URL: an empty PostgreSQL database to run on instead of a scratch SQLite
        "DATABASE_URL": os.environ.get("SITE_DATABASE_URL", f"sqlite:///{scratch}/site.sqlite3"),
        "DJANGO_SETTINGS_MODULE": "site_settings",
        "PYTHONPATH": f"{ROOT / 'src'}:{ROOT / 'bench'}",
        "CACHE_BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "CACHE_LOCATION": "lienhiep_cache",
    }
    if os.environ.get("SITE_CACHE_URL"):  # production's shared cache: redis://127.0.0.1:6379/5
        env |= {
            "CACHE_URL": os.environ["SITE_CACHE_URL"],
            # SITE_CACHE_PREFIX: each engineer's runs under a prefix of their own
            "CACHE_KEY_PREFIX": f"{os.environ.get('SITE_CACHE_PREFIX', 'bench-site')}-{os.getpid()}",
        }
    manage = [PY, str(ROOT / "manage.py")]
    for command in (["migrate", "-v0"], ["createcachetable"], ["seed_demo", "--force"]):
        subprocess.run([*manage, *command], env=env, check=True, stdout=subprocess.DEVNULL)
    article = (
        subprocess.run(
            [
                *manage,
                "shell",
                "-c",
                "from lienhiep.website.models import NewsArticlePage as P; "
                "from lienhiep.contests.models import ContestRound as R; "
                "from lienhiep.contests.enums import OPEN_FOR_ENTRIES; "
                "print(P.objects.live().order_by('-date').first().url); "
                "print('/cuoc-thi/' + R.objects.filter(state__in=OPEN_FOR_ENTRIES).first().slug + '/')",
            ],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-2:]
    )
    article, call = article
    # The demo's union staff login ("demo"), logged in once: the admin screens' session cookie.
    session = (
        subprocess.run(
            [
                *manage,
                "shell",
                "-c",
                "from django.test import Client; from django.contrib.auth.models import User; "
                "c = Client(); c.force_login(User.objects.get(username='demo')); "
                "print(c.cookies['sessionid'].value)",
            ],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    server = subprocess.Popen(
        [
            str(Path(PY).parent / "gunicorn"),
            "wsgi_bench:application",
            "--no-control-socket",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
        ],
        env={**env, "PYTHONPATH": env["PYTHONPATH"]},
        cwd=ROOT / "bench",
    )
    try:
        for _ in range(50):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/bench/bare/").read()
                break
            except OSError:
                time.sleep(0.2)
        base = f"http://127.0.0.1:{PORT}"
        urllib.request.urlopen(base + article).read()
        together()
        for _ in range(int(os.environ.get("SITE_ROUNDS", "1"))):  # several samples, one seeding
            bare = public_pages(base, article, call)
        for name, path in ADMIN_SCREENS.items() if os.environ.get("SITE_ADMIN", "1") == "1" else ():
            urllib.request.urlopen(
                urllib.request.Request(base + path, headers={"Cookie": f"sessionid={session}"})
            ).read()
            rate = drive(base + path, session=session)
            print(f"| {name}, union staff ({path}) | {rate:.1f} |")
            print(f"| ratio {name} / bare | {rate / bare:.3f} |")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
