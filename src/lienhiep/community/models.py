"""Community-support projects of the union's centres; their beneficiaries are reported values."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from lienhiep.core.formatting import fold
from lienhiep.directory.models import Organisation

#: Reported indicators whose code starts with this are the beneficiary figures of projects.
BENEFICIARY_PREFIX = "community."


class Project(models.Model):
    title = models.CharField(_("title"), max_length=300)
    centre = models.ForeignKey(
        Organisation, models.PROTECT, related_name="projects", verbose_name=_("centre")
    )
    funders = models.ManyToManyField(
        Organisation, related_name="funded_projects", blank=True, verbose_name=_("funders")
    )
    amount = models.DecimalField(_("amount (VND)"), max_digits=16, decimal_places=0)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    places = models.CharField(_("places (communes)"), max_length=400, blank=True)
    description = models.TextField(_("description"), blank=True)
    search_text = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["-start_date", "title"]
        verbose_name = _("community project")
        verbose_name_plural = _("community projects")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.title} {self.places}")
        super().save(*args, **kwargs)
