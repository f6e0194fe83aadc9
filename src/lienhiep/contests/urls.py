from django.urls import path

from .views import public

urlpatterns = [
    path("", public.index_view, name="contest_index"),
    path("<slug:slug>/", public.round_view, name="contest_round"),
    path("<slug:slug>/da-nhan/", public.receipt_view, name="contest_receipt"),
    path(
        "<slug:slug>/giay-chung-nhan/<str:code>.pdf",
        public.certificate_view,
        name="contest_certificate",
    ),
]
