"""Who owns a local row (a region or a school), what it sees and whose codes it could shadow."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse

from reporting.models import Region, School


@dataclass(frozen=True)
class Owner:
    school: School | None = None
    region: Region | None = None

    @property
    def scope(self) -> str:
        return "school" if self.school else "region"

    @property
    def key(self) -> str:
        return self.school.slug if self.school else self.region.code

    @property
    def name(self) -> str:
        return self.school.name if self.school else self.region.name

    @property
    def fields(self) -> dict:
        """The owner columns of a row it owns."""
        return {"school": self.school, "region": self.region}

    def own(self, model):
        if self.school:
            return model.objects.filter(school=self.school)
        return model.objects.filter(region=self.region)

    def visible(self, model):
        """What this owner's rows may build on: national, the regions above, its own."""
        if self.school:
            return model.objects.for_school(self.school)
        return model.objects.for_region(self.region)

    def code_taken(self, model, code: str, exclude_pk: int | None = None) -> bool:
        """A code is unique within what one school sees: not among the rows this owner sees,
        nor (for a region) among the rows of the regions and schools below it."""
        clash = self.visible(model).filter(code=code)
        if self.region:
            below = self.region.with_descendants()
            clash = clash | model.objects.filter(
                Q(region_id__in=below) | Q(school__region_id__in=below), code=code
            )
        if exclude_pk is not None:
            clash = clash.exclude(pk=exclude_pk)
        return clash.exists()

    def url(self) -> str:
        return reverse("local_catalog:catalog", args=[self.scope, self.key])
