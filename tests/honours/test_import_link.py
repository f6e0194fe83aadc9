"""The recipients import is linked from the commendations list and the decision's screen."""

import pytest
from django.urls import reverse

from lienhiep.honours.models import CommendationDecision

pytestmark = pytest.mark.django_db


def test_the_commendations_list_and_screen_link_the_recipients_import(client, personas, demo):
    decision = CommendationDecision.objects.filter(union=demo).first()
    url = reverse("honours_import_recipients", args=[decision.pk])
    client.force_login(personas["union_staff"])
    assert f'href="{url}"' in client.get(reverse("honours_decision:index")).content.decode()
    edit = client.get(reverse("honours_decision:edit", args=[decision.pk])).content.decode()
    assert f'href="{url}"' in edit
