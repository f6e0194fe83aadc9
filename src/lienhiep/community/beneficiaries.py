"""The beneficiary figures of community projects: an editable list of reported indicators."""

BENEFICIARY_INDICATORS = [
    (
        "community.households_supported",
        "Hộ nghèo được hỗ trợ vốn, kỹ thuật",
        "Poor households supported",
        "hộ",
    ),
    ("community.stable_jobs", "Việc làm ổn định được tạo ra", "Stable jobs created", "việc làm"),
    (
        "community.children_taught",
        "Trẻ em có hoàn cảnh khó khăn được dạy học",
        "Children with difficulties taught",
        "em",
    ),
    ("community.training_classes", "Lớp tập huấn cho người dân", "Training classes", "lớp"),
    (
        "community.training_participants",
        "Lượt người tham gia lớp tập huấn",
        "Training participants",
        "lượt người",
    ),
    (
        "community.students_monthly",
        "Học sinh, sinh viên được hỗ trợ hằng tháng",
        "Students supported monthly",
        "em",
    ),
    ("community.scholarships", "Suất học bổng", "Scholarships", "suất"),
    ("community.charity_houses", "Nhà tình thương được xây dựng", "Charity houses built", "căn"),
    ("community.health_classes", "Lớp giáo dục sức khỏe", "Health classes", "lớp"),
    (
        "community.health_learners",
        "Học viên lớp giáo dục sức khỏe",
        "Health class learners",
        "học viên",
    ),
]


def ensure_beneficiary_indicators(Indicator):
    """Create the beneficiary indicators (``Indicator`` is the model a migration gives)."""
    for order, (code, name, name_en, unit) in enumerate(BENEFICIARY_INDICATORS, start=80):
        Indicator.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "name_en": name_en,
                "unit": unit,
                "method": "reported",
                "rollup": "sum",
                "order": order,
            },
        )
