"""Hòa An's site in 2024: 124 news articles (a few with pictures) and 4 e-journal issues with PDFs."""

import random
from datetime import date, datetime, time, timedelta
from io import BytesIO
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image

from lienhiep.activities.models import Activity
from lienhiep.consulting.models import Case
from lienhiep.directory.models import Organisation

from .models import JournalIssuePage, NewsArticlePage, NewsCategory, SiteSettings
from .setup import ensure_site

ARTICLES_2024 = 124
CATEGORIES = [
    ("hoat-dong", "Hoạt động Liên hiệp hội"),
    ("hoi-thao-tap-huan", "Hội thảo - Tập huấn"),
    ("tu-van-phan-bien", "Tư vấn, phản biện"),
    ("hoi-thanh-vien", "Hội thành viên"),
    ("tri-thuc", "Trí thức - Câu lạc bộ"),
    ("sang-tao", "Sáng tạo khoa học kỹ thuật"),
]
GENERAL = [
    "Liên hiệp hội tỉnh Hòa An giao ban công tác tháng {m}",
    "Hội thành viên tích cực phát triển hội viên mới",
    "Phổ biến kiến thức khoa học cho nông dân vùng ven biển",
    "Trí thức Hòa An góp ý dự thảo văn kiện",
    "Kết nạp hội viên mới của Câu lạc bộ Trí thức",
    "Phát động phong trào sáng kiến trong hội viên",
    "Gặp mặt các nhà khoa học nhân dịp xuân mới",
    "Hội thành viên tổ chức hội nghị ban chấp hành",
    "Tuyên truyền ứng dụng tiến bộ kỹ thuật trong chăn nuôi",
    "Trao đổi kinh nghiệm hoạt động hội",
]
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def picture(title, colour):
    """A simple picture drawn at seed time (no outside request): a coloured scene and its title."""
    from PIL import Image as PILImage
    from PIL import ImageDraw, ImageFont

    from lienhiep.core.charts import FONTS

    image = PILImage.new("RGB", (960, 540), colour)
    draw = ImageDraw.Draw(image)
    light = tuple(min(255, c + 60) for c in colour)
    draw.ellipse((600, -120, 1080, 360), fill=light)
    draw.polygon(
        [(0, 540), (0, 330), (260, 200), (520, 360), (760, 250), (960, 380), (960, 540)],
        fill=tuple(max(0, c - 40) for c in colour),
    )
    draw.rectangle((40, 400, 920, 500), fill=(255, 255, 255))
    font = ImageFont.truetype(str(FONTS / "LiberationSerif-Bold.ttf"), 44)
    draw.text((64, 422), title, font=font, fill=(27, 31, 35))
    buffer = BytesIO()
    image.save(buffer, "PNG")
    existing = Image.objects.filter(title=title).first()
    return existing or Image.objects.create(
        title=title, file=ContentFile(buffer.getvalue(), name="anh-tin.png")
    )


def article_titles():
    """Titles from the year's records: every workshop, course, session and critique, then general news."""
    titles = [
        (a.start_date, a.title, "hoi-thao-tap-huan")
        for a in Activity.objects.filter(
            state="held",
            start_date__year=2024,
            kind__slug__in=["hoi-thao", "tap-huan"],
            organiser__slug="hoa-an",
        )
    ]
    titles += [
        (a.start_date, f"Câu lạc bộ Trí thức: {a.title}", "tri-thuc")
        for a in Activity.objects.filter(kind__slug="sinh-hoat-chuyen-de", start_date__year=2024)
    ]
    titles += [
        (c.report_date, f"Phản biện {c.title[0].lower()}{c.title[1:]}", "tu-van-phan-bien")
        for c in Case.objects.filter(report_date__year=2024)
    ]
    rng = random.Random(124)
    day = date(2024, 1, 3)
    while len(titles) < ARTICLES_2024:
        template = rng.choice(GENERAL)
        titles.append(
            (
                day,
                f"{template.format(m=day.month)} ({len(titles) + 1})",
                rng.choice(["hoat-dong", "hoi-thanh-vien", "sang-tao"]),
            )
        )
        day += timedelta(days=3)
    return sorted(titles)[:ARTICLES_2024]


def seed_news(index):
    categories = {
        slug: NewsCategory.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in CATEGORIES
    }
    existing = set(NewsArticlePage.objects.child_of(index).values_list("title", flat=True))
    pictures = [
        picture("Ảnh hội thảo", (11, 83, 148)),
        picture("Ảnh tập huấn", (56, 118, 29)),
        picture("Ảnh câu lạc bộ", (153, 0, 0)),
    ]
    for number, (day, title, category) in enumerate(article_titles()):
        if title in existing:
            continue
        lead = f"Ngày {day.strftime('%d/%m/%Y')}, {title[0].lower()}{title[1:]} đã diễn ra với sự tham gia của đông đảo trí thức, hội viên."
        body = [
            (
                "paragraph",
                f"<p>{lead} Sự kiện góp phần nâng cao vai trò của đội ngũ trí thức khoa học và công nghệ tỉnh Hòa An.</p>",
            )
        ]
        if number % 40 == 5:
            image = pictures[(number // 40) % 3]
            body.append(
                (
                    "image",
                    {
                        "image": image,
                        "alt": f"Quang cảnh: {title}",
                        "caption": f"Quang cảnh sự kiện ngày {day.strftime('%d/%m/%Y')}",
                    },
                )
            )
        if number % 25 == 0:
            body.append(
                (
                    "quote",
                    {
                        "text": "Trí thức là nguồn lực quan trọng cho sự phát triển của tỉnh.",
                        "source": "Chủ tịch Liên hiệp hội tỉnh",
                    },
                )
            )
        page = NewsArticlePage(
            title=title,
            slug=f"tin-{day.strftime('%Y%m%d')}-{number + 1:03d}",
            date=day,
            lead=lead,
            body=body,
            category=categories[category],
            author="Ban Truyền thông",
            first_published_at=datetime.combine(day, time(9, 0), TZ),
            last_published_at=datetime.combine(day, time(9, 0), TZ),
        )
        page.tags.add("Hòa An", categories[category].name)  # saved with the page
        index.add_child(instance=page)


def seed_journal(index):
    for quarter in range(1, 5):
        number = 20 + quarter
        if JournalIssuePage.objects.child_of(index).filter(number=number, year=2024).exists():
            continue
        pdf = Document.objects.create(
            title=f"Tập san Khoa học và Công nghệ Hòa An số {number}",
            file=ContentFile(MINIMAL_PDF, name=f"tap-san-{number}.pdf"),
        )
        issued = date(2024, quarter * 3, 25)
        index.add_child(
            instance=JournalIssuePage(
                title=f"Tập san Khoa học và Công nghệ Hòa An số {number}",
                slug=f"so-{number}-2024",
                number=number,
                quarter=quarter,
                year=2024,
                pdf=pdf,
                summary=f"Số {number} (quý {quarter}/2024), phối hợp với Sở Khoa học và Công nghệ tỉnh Hòa An.",
                cover=picture(f"Bìa tập san số {number}", (8, 59, 107)),
                first_published_at=datetime.combine(issued, time(9, 0), TZ),
            )
        )


def link_activities(index):
    """Each held activity that has its article points to it."""
    articles = {a.title: a for a in NewsArticlePage.objects.child_of(index)}
    for activity in Activity.objects.filter(
        state="held", start_date__year=2024, news_article__isnull=True
    ):
        article = articles.get(activity.title) or articles.get(
            f"Câu lạc bộ Trí thức: {activity.title}"
        )
        if article:
            activity.news_article = article
            activity.save(update_fields=["news_article"])


#: each category's picture, for the cards of articles without one of their own
CATEGORY_COLOURS = [
    (11, 83, 148),
    (56, 118, 29),
    (153, 0, 0),
    (120, 63, 4),
    (69, 40, 120),
    (0, 105, 112),
]


def seed_portal(index):
    """Category pictures, the featured article (the latest with a photo) and the footer links."""
    for number, category in enumerate(NewsCategory.objects.order_by("slug")):
        if not category.picture_id:
            colour = CATEGORY_COLOURS[number % len(CATEGORY_COLOURS)]
            category.picture = picture(category.name, colour)
            category.save(update_fields=["picture"])
    articles = NewsArticlePage.objects.child_of(index).live().order_by("-date", "-pk")
    featured = next((a for a in articles if a.first_image_id), None)
    settings = SiteSettings.for_site(index.get_site())
    settings.featured_article = settings.featured_article or featured
    settings.federation_name = (
        settings.federation_name or "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam"
    )
    settings.federation_url = settings.federation_url or "https://vusta.vn/"
    settings.province_name = settings.province_name or "Cổng thông tin điện tử tỉnh Hòa An"
    settings.province_url = settings.province_url or "https://hoaan.example.vn/"
    settings.save()


def seed(stdout=None):
    union = Organisation.objects.get(slug="hoa-an")
    _home, sections = ensure_site(union)
    seed_news(sections["news"])
    seed_journal(sections["journal"])
    link_activities(sections["news"])
    seed_portal(sections["news"])
