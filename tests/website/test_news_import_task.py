"""A news file is imported by the task worker: the screen shows how far it is, then what it did."""

import io
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from lienhiep.website import news_imports
from lienhiep.website.enums import NewsImportState
from lienhiep.website.models import NewsArticlePage, NewsImport, NewsIndexPage
from lienhiep.website.news_import import import_news
from lienhiep.website.tasks import import_news_file

from .test_news_import import WXR, post

pytestmark = pytest.mark.django_db

WORKER = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def index(demo):
    return NewsIndexPage.objects.get(slug="tin-tuc")


def upload(*titles):
    items = "".join(post(title, pk=n) for n, title in enumerate(titles, start=1))
    content = io.BytesIO(WXR.format(items=items).encode())
    content.name = "tin-cu.xml"
    return content


def leader_client(personas):
    client = Client()
    client.force_login(personas["leader"])
    return client


def test_a_file_waits_for_the_worker_and_its_screen_follows_it(index, personas, settings):
    settings.TASKS = WORKER
    client = leader_client(personas)

    response = client.post(
        "/admin/website/news-import/",
        {"index": index.pk, "file": upload("Tin một", "Tin hai")},
    )

    job = NewsImport.objects.get()
    assert response.url == f"/admin/website/news-import/{job.pk}/"
    assert (job.state, job.items, job.filename) == (NewsImportState.QUEUED, 2, "tin-cu.xml")
    waiting = client.get(response.url).content.decode()
    assert "Đang chờ máy chủ xử lý" in waiting and "data-reload" in waiting
    assert not NewsArticlePage.objects.filter(title="Tin một").exists()

    import_news_file.call(job.pk)  # what the worker does

    job.refresh_from_db()
    assert (job.state, job.created, job.skipped, bool(job.file)) == ("done", 2, 0, False)
    done = client.get(response.url).content.decode()
    assert "Đã nhập 2 bài; 0 bài đã có trên trang." in done and "data-reload" not in done
    assert NewsArticlePage.objects.get(title="Tin hai").live
    listed = client.get("/admin/website/news-import/").content.decode()
    assert f'href="/admin/website/news-import/{job.pk}/">tin-cu.xml</a>' in listed


def test_the_screen_shows_the_articles_gone_through_while_the_worker_imports(
    index, personas, settings, monkeypatch
):
    settings.TASKS = WORKER
    client = leader_client(personas)
    titles = [f"Tin số {n}" for n in range(25)]
    client.post("/admin/website/news-import/", {"index": index.pk, "file": upload(*titles)})
    job = NewsImport.objects.get()
    seen, reporter = [], news_imports._progress

    def watched(job):
        report = reporter(job)

        def report_and_look(done, total):
            report(done, total)
            seen.append(client.get(f"/admin/website/news-import/{job.pk}/").content.decode())

        return report_and_look

    monkeypatch.setattr(news_imports, "_progress", watched)
    import_news_file.call(job.pk)

    assert len(seen) == 2
    assert "Đang nhập" in seen[0] and '<progress max="25" value="10">' in seen[0]
    assert "10 trên 25 bài đã xử lý" in seen[0] and "20 trên 25 bài đã xử lý" in seen[1]
    assert NewsImport.objects.get().state == NewsImportState.DONE
    assert cache.get(news_imports.progress_key(job)) is None


def test_progress_is_heard_every_ten_articles(index, personas):
    heard = []
    content = upload(*(f"Tin {n}" for n in range(21))).getvalue()

    import_news(
        index=index,
        content=content,
        user=personas["leader"],
        progress=lambda done, total: heard.append((done, total)),
    )

    assert heard == [(10, 21), (20, 21)]


def test_a_bad_file_is_refused_at_once_and_nothing_is_queued(index, personas, settings):
    settings.TASKS = WORKER
    client = leader_client(personas)

    page = client.post(
        "/admin/website/news-import/",
        {"index": index.pk, "file": upload("Tin tốt", "")},
    ).content.decode()

    assert "Chưa nhập bài nào. Hãy sửa tệp rồi thử lại:" in page
    assert "Mục 2 (“—”): không có tiêu đề." in page
    assert not NewsImport.objects.exists()


def test_an_import_the_worker_fails_on_says_so_and_saves_nothing(index, personas, settings):
    settings.TASKS = WORKER
    client = leader_client(personas)
    client.post("/admin/website/news-import/", {"index": index.pk, "file": upload("Tin lỗi")})
    job = NewsImport.objects.get()
    job.file.storage.delete(job.file.name)  # the stored file was lost before the worker came

    with pytest.raises(FileNotFoundError):
        import_news_file.call(job.pk)

    job.refresh_from_db()
    assert job.state == NewsImportState.FAILED
    page = client.get(f"/admin/website/news-import/{job.pk}/").content.decode()
    assert "Không nhập gì cả: việc nhập dừng vì một lỗi" in page
    assert not NewsArticlePage.objects.filter(title="Tin lỗi").exists()
    import_news_file.call(job.pk)  # a job already run is not run twice
    assert NewsImport.objects.get().state == NewsImportState.FAILED


def test_only_who_may_publish_in_the_section_sees_its_imports(
    index, personas, settings, django_assert_max_num_queries
):
    settings.TASKS = WORKER
    leader = leader_client(personas)
    for n in range(3):
        leader.post("/admin/website/news-import/", {"index": index.pk, "file": upload(f"T{n}")})
    job = NewsImport.objects.first()
    editor = Client()
    editor.force_login(personas["editor"])

    assert editor.get(f"/admin/website/news-import/{job.pk}/").status_code in (302, 404)
    with django_assert_max_num_queries(30):
        page = leader.get(f"/admin/website/news-import/{job.pk}/")
    assert page.context["job"] == job
    with django_assert_max_num_queries(30):
        listed = leader.get("/admin/website/news-import/")
    assert len(listed.context["recent"]) == 3


def test_an_import_left_by_a_stopped_worker_says_so_and_stops_reloading(index, personas, settings):
    settings.TASKS = WORKER
    client = leader_client(personas)
    client.post("/admin/website/news-import/", {"index": index.pk, "file": upload("Tin treo")})
    job = NewsImport.objects.get()
    started = timezone.now() - timedelta(minutes=29)
    NewsImport.objects.filter(pk=job.pk).update(state="importing", started_at=started)

    assert "data-reload" in client.get(f"/admin/website/news-import/{job.pk}/").content.decode()
    NewsImport.objects.filter(pk=job.pk).update(started_at=started - timedelta(minutes=2))
    page = client.get(f"/admin/website/news-import/{job.pk}/").content.decode()

    assert "Việc nhập đã dừng: máy chủ xử lý ngừng chạy khi đang nhập tệp." in page
    assert "data-reload" not in page and "Nhập tệp khác" in page


def test_a_small_file_done_at_once_lands_on_the_section_and_names_missing_pictures(index, personas):
    client = leader_client(personas)  # the immediate backend: the task runs in the request
    body = '<p>Có ảnh.</p><img src="https://cu.example.vn/wp-content/uploads/anh.png">'
    content = io.BytesIO(WXR.format(items=post("Tin có ảnh", body=body)).encode())
    content.name = "tin-anh.xml"

    response = client.post(
        "/admin/website/news-import/", {"index": index.pk, "file": content}, follow=True
    )

    assert response.redirect_chain == [(f"/admin/pages/{index.pk}/", 302)]
    said = [str(m) for m in response.context["messages"]]
    assert said == [
        "Đã nhập 1 bài; 0 bài đã có trên trang. 1 ảnh không có trong tệp nên được bỏ qua."
    ]
    job = NewsImport.objects.get()
    assert (job.state, job.created, job.missing_pictures) == (NewsImportState.DONE, 1, 1)


def test_the_worker_checks_the_file_again_and_lists_every_problem(index, personas, settings):
    settings.TASKS = WORKER
    client = leader_client(personas)
    client.post("/admin/website/news-import/", {"index": index.pk, "file": upload("Tin đúng")})
    job = NewsImport.objects.get()
    storage, name = job.file.storage, job.file.name
    storage.delete(name)  # the stored file is no longer the one checked (a disk restored, say)
    assert storage.save(name, ContentFile(upload("Tin đúng", "").getvalue())) == name

    import_news_file.call(job.pk)

    job.refresh_from_db()
    assert (job.state, job.problems) == (
        NewsImportState.REFUSED,
        ["Mục 2 (“—”): không có tiêu đề."],
    )
    page = client.get(f"/admin/website/news-import/{job.pk}/").content.decode()
    assert "Chưa nhập bài nào. Hãy sửa tệp rồi thử lại:" in page
    assert "Mục 2 (“—”): không có tiêu đề." in page
    assert not NewsArticlePage.objects.filter(title="Tin đúng").exists()
