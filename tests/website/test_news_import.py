"""The news import: a feed or a WordPress export becomes published articles, all or nothing."""

import io
import zipfile
from datetime import date

import pytest
from django.test import Client
from PIL import Image as PillowImage

from lienhiep.website.models import NewsArticlePage, NewsCategory, NewsIndexPage
from lienhiep.website.news_import import import_news

pytestmark = pytest.mark.django_db

WXR = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Liên hiệp hội cũ</title>
{items}
</channel></rss>"""

POST = """<item><title>{title}</title><dc:creator>Ban Truyền thông</dc:creator>
<content:encoded><![CDATA[{body}]]></content:encoded>
<excerpt:encoded><![CDATA[{lead}]]></excerpt:encoded>
<wp:post_id>{pk}</wp:post_id><wp:post_date>{day}</wp:post_date>
<wp:status>{status}</wp:status><wp:post_type>{kind}</wp:post_type>
<category domain="category" nicename="hoi-thao">Hội thảo</category>
<category domain="post_tag" nicename="nong-nghiep">Nông nghiệp</category>
{meta}</item>"""

ATTACHMENT = """<item><title>anh-hoi-thao</title><wp:post_id>90</wp:post_id>
<wp:post_type>attachment</wp:post_type>
<wp:attachment_url>https://lienhiephoi.example.vn/wp-content/uploads/2023/05/hoi-thao.png</wp:attachment_url>
</item>"""


def post(title, day="2023-05-12 08:30:00", status="publish", kind="post", pk=1, meta="", **more):
    fields = {"body": "<p>Nội dung <b>chính</b>.</p>", "lead": "Tin ngắn."} | more
    return POST.format(title=title, day=day, status=status, kind=kind, pk=pk, meta=meta, **fields)


def png():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 30), (11, 83, 148)).save(buffer, "PNG")
    return buffer.getvalue()


def zipped(xml, pictures):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("export.xml", xml)
        for name, content in pictures.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.fixture
def index(demo):
    return NewsIndexPage.objects.get(slug="tin-tuc")


def test_a_wordpress_export_with_its_pictures(index, personas):
    body = (
        '<p>Sáng nay hội thảo <a href="https://x.vn" onclick="x()">khai mạc</a>.</p>'
        '<figure><img src="https://lienhiephoi.example.vn/wp-content/uploads/2023/05/hoi-thao.png" '
        'alt="Quang cảnh hội thảo"><figcaption>Các đại biểu</figcaption></figure>'
        "<blockquote>Trí thức là nguồn lực.</blockquote><script>alert(1)</script><h2>Kết luận</h2>"
    )
    items = [
        post("Hội thảo nông nghiệp xanh", body=body, lead="Hội thảo về nông nghiệp."),
        post("Bản nháp chưa đăng", status="draft", pk=2),
        post("Giới thiệu", kind="page", pk=3),
        post(
            "Tập huấn sở hữu trí tuệ",
            day="2023-06-01 09:00:00",
            pk=4,
            lead="",
            meta="<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
            "<wp:meta_value>90</wp:meta_value></wp:postmeta>",
        ),
        ATTACHMENT,
    ]
    content = zipped(
        WXR.format(items="".join(items)), {"wp-content/uploads/2023/05/hoi-thao.png": png()}
    )

    result = import_news(index=index, content=content, user=personas["leader"])

    assert (result.problems, result.missing_pictures) == ([], [])
    assert [p.title for p in result.created] == [
        "Hội thảo nông nghiệp xanh",
        "Tập huấn sở hữu trí tuệ",
    ]
    article = NewsArticlePage.objects.get(title="Hội thảo nông nghiệp xanh")
    assert (article.live, article.date, article.lead, article.author) == (
        True,
        date(2023, 5, 12),
        "Hội thảo về nông nghiệp.",
        "Ban Truyền thông",
    )
    assert [b.block_type for b in article.body] == ["paragraph", "image", "quote", "paragraph"]
    first = str(article.body[0].value)
    assert 'href="https://x.vn"' in first and "onclick" not in first
    assert (article.body[1].value["alt"], article.body[1].value["caption"]) == (
        "Quang cảnh hội thảo",
        "Các đại biểu",
    )
    assert "alert" not in str(article.body[3].value) and "<h3>Kết luận</h3>" in str(
        article.body[3].value
    )
    assert (article.category.name, list(article.tags.names())) == ("Hội thảo", ["Nông nghiệp"])
    featured = NewsArticlePage.objects.get(title="Tập huấn sở hữu trí tuệ")
    assert featured.body[0].block_type == "image" and featured.lead == "Nội dung chính."
    assert NewsCategory.objects.filter(name="Hội thảo").count() == 1


def test_importing_the_same_file_again_adds_nothing(index, personas):
    content = WXR.format(items=post("Tin cũ")).encode()
    import_news(index=index, content=content, user=personas["leader"])

    again = import_news(index=index, content=content, user=personas["leader"])

    assert (again.created, again.skipped) == ([], ["Tin cũ"])
    assert NewsArticlePage.objects.filter(title="Tin cũ").count() == 1


def test_a_bad_item_stops_the_whole_import_and_is_named(index, personas):
    before = NewsArticlePage.objects.count()
    items = post("Tin tốt") + post("", pk=2) + post("Tin sai ngày", day="không rõ", pk=3)

    result = import_news(
        index=index, content=WXR.format(items=items).encode(), user=personas["leader"]
    )

    assert result.problems == [
        "Mục 2 (“—”): không có tiêu đề.",
        "Mục 3 (“Tin sai ngày”): thiếu ngày hoặc ngày không đọc được.",
    ]
    assert NewsArticlePage.objects.count() == before


def test_an_rss_feed_and_an_atom_feed(index, personas):
    rss = """<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
    <item><title>Tin RSS</title><pubDate>Tue, 05 Mar 2024 08:00:00 +0700</pubDate>
    <description>&lt;p&gt;Mô tả tin RSS.&lt;/p&gt;</description><category>Hoạt động</category></item>
    </channel></rss>"""
    atom = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
    <title>T</title><entry><title>Tin Atom</title><published>2024-04-02T10:00:00+07:00</published>
    <summary>Tóm tắt.</summary><content type="html">&lt;p&gt;Thân bài.&lt;/p&gt;</content>
    <author><name>Phòng Tổng hợp</name></author><category term="Thông báo"/></entry></feed>"""

    for content in (rss, atom):
        assert import_news(index=index, content=content.encode(), user=personas["leader"]).ok

    rss_article = NewsArticlePage.objects.get(title="Tin RSS")
    atom_article = NewsArticlePage.objects.get(title="Tin Atom")
    assert (rss_article.date, rss_article.lead, rss_article.category.name) == (
        date(2024, 3, 5),
        "Mô tả tin RSS.",
        "Hoạt động",
    )
    assert (atom_article.date, atom_article.lead, atom_article.author) == (
        date(2024, 4, 2),
        "Tóm tắt.",
        "Phòng Tổng hợp",
    )


def test_a_file_that_is_not_a_feed_is_refused_in_vietnamese(index, personas):
    client = Client()
    client.force_login(personas["leader"])

    page = client.post(
        "/admin/website/news-import/",
        {"index": index.pk, "file": io.BytesIO(b"<html><p>x")},
    )

    assert "Tệp không phải là nguồn tin hay bản xuất WordPress" in page.content.decode()


def test_the_import_screen_is_linked_from_the_news_section_for_who_may_publish(index, personas):
    leader, editor = Client(), Client()
    leader.force_login(personas["leader"])
    editor.force_login(personas["editor"])

    assert "/admin/website/news-import/" in leader.get(f"/admin/pages/{index.pk}/").content.decode()
    assert (
        "/admin/website/news-import/"
        not in editor.get(f"/admin/pages/{index.pk}/").content.decode()
    )
    assert editor.get("/admin/website/news-import/").url == "/admin/"
    content = WXR.format(items=post("Tin qua màn hình")).encode()
    upload = io.BytesIO(content)
    upload.name = "export.xml"
    response = leader.post("/admin/website/news-import/", {"index": index.pk, "file": upload})
    assert response.url == f"/admin/pages/{index.pk}/"
    assert NewsArticlePage.objects.get(title="Tin qua màn hình").live
