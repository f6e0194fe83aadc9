"""The news import (issue 19): a 500-item WordPress export with 50 pictures in a ZIP.

Runs on a scratch database (SQLite, or PostgreSQL through ``DATABASE_URL``): the union is set up
with ``setup_union`` as a new installation would. First the check the import screen makes in the
request before it queues the file (what a user waits for); then the import as the screen sends it
(``queue_news_import``; the test settings' immediate backend runs the worker's task at once),
timed with its query count; then the same file again (everything skipped).
"""

import io
import os
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
scratch = tempfile.mkdtemp(prefix="lienhiep-bench-news-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{scratch}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lienhiep.settings.test")
os.environ["MEDIA_ROOT"] = scratch

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

ITEMS, PICTURES = 500, 50
HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
    'xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Bench</title>'
)


def item(number):
    picture = (
        f'<img src="https://old.example.vn/wp-content/uploads/2023/anh-{number}.png" alt="Ảnh {number}">'
        if number < PICTURES
        else ""
    )
    body = "".join(f"<p>Đoạn {p} của tin số {number}, hội thảo và tập huấn.</p>" for p in range(6))
    return (
        f"<item><title>Tin số {number}</title><wp:post_date>2023-{number % 12 + 1:02d}-"
        f"{number % 28 + 1:02d} 08:00:00</wp:post_date><wp:status>publish</wp:status>"
        f"<wp:post_type>post</wp:post_type><content:encoded><![CDATA[{body}{picture}]]>"
        f"</content:encoded><excerpt:encoded><![CDATA[Tin ngắn số {number}.]]></excerpt:encoded>"
        f'<category domain="category">Chuyên mục {number % 5}</category>'
        f'<category domain="post_tag">Thẻ {number % 9}</category></item>'
    )


def upload():
    from PIL import Image

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("export.xml", HEAD + "".join(map(item, range(ITEMS))) + "</channel></rss>")
        for number in range(PICTURES):
            picture = io.BytesIO()
            Image.new("RGB", (320, 200), (number * 5 % 255, 83, 148)).save(picture, "PNG")
            archive.writestr(f"wp-content/uploads/2023/anh-{number}.png", picture.getvalue())
    return buffer.getvalue()


def counting(queries):
    """Count every query (Django's own query log keeps only the last 9.000)."""

    def wrapper(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    return wrapper


def main():
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile

    from lienhiep.website.models import NewsImport, NewsIndexPage
    from lienhiep.website.news_import import read_file
    from lienhiep.website.news_imports import queue_news_import

    call_command("migrate", verbosity=0)
    call_command(
        "setup_union",
        "--name",
        "Liên hiệp hội Bench",
        "--province",
        "Lâm Đồng",
        "--signer",
        "Nguyễn Văn An",
        stdout=io.StringIO(),
    )
    user = get_user_model().objects.create_superuser("bench", "b@example.vn", "x")
    index = NewsIndexPage.objects.get()
    content = upload()
    start = time.perf_counter()
    items, _pictures, problems = read_file(content)
    took = time.perf_counter() - start
    print(
        f"| {connection.vendor} | news file checked in the request, {ITEMS} items | "
        f"{took:.1f} s | {len(items)} items, {len(problems)} problems | 0 queries |"
    )
    for label in ("first import", "same file again"):
        start = time.perf_counter()
        queries = []
        with connection.execute_wrapper(counting(queries)):
            job = queue_news_import(
                index=index, upload=SimpleUploadedFile("export.zip", content), user=user
            )
        took = time.perf_counter() - start
        assert job.state == "done", (job.state, job.problems, job.error)
        print(
            f"| {connection.vendor} | news import, {ITEMS} items, {PICTURES} pictures ({label}) | "
            f"{took:.1f} s | {job.created} created, {job.skipped} skipped | "
            f"{len(queries)} queries |"
        )
    assert NewsImport.objects.count() == 2


main()
