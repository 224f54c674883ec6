"""The catalog pages of a school and of a region. Thin: access helper, one service, render."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from metrics.labels import group_label
from metrics.local_catalog import services
from metrics.local_catalog.access import can_write, get_owner_for_user
from metrics.local_catalog.forms import FORMS, MODELS
from metrics.models import Indicator, Rule
from reporting.access import bureau_admin_writes
from reporting.versions import refresh_version


@require_GET
def catalog(request, scope, key):
    owner = get_owner_for_user(request, scope, key)
    context = {
        "owner": owner,
        "can_write": can_write(request.user, owner),
        "indicators": _with_versions(owner.own(Indicator).order_by("order", "pk")),
        "rules": _with_versions(owner.own(Rule).order_by("order", "code")),
        # Rows of the regions above: read-only here (for a school, all its regions' rows).
        "inherited_indicators": _above(owner, Indicator),
        "inherited_rules": _above(owner, Rule),
        "national_indicators": [
            (group_label(i), i)
            for i in Indicator.objects.national().select_related("table").order_by("order", "pk")
        ],
        "national_rules": Rule.objects.national().order_by("order", "code"),
    }
    return render(request, "local_catalog/catalog.html", context)


def _with_versions(rows) -> list:
    """Each row with the version its deactivate/delete buttons send."""
    rows = list(rows)
    for row in rows:
        row.version = services.version_of(row)
    return rows


def _above(owner, model):
    rows = owner.visible(model).filter(region__isnull=False).exclude(region=owner.region)
    return rows.select_related("region").order_by("order", "pk")


@bureau_admin_writes
@require_http_methods(["GET", "POST"])
def item_edit(request, scope, key, kind, pk=None):
    owner = get_owner_for_user(request, scope, key, write=True)
    if not can_write(request.user, owner):
        raise PermissionDenied
    if kind not in FORMS:
        raise Http404
    model, form_class = MODELS[kind], FORMS[kind]
    instance = owner.own(model).filter(pk=pk).first() if pk else None
    if pk and instance is None:
        raise Http404
    form = form_class(request.POST or None, owner=owner, instance=instance)
    if request.method == "POST" and form.is_valid():
        version = form.cleaned_data["version"] if pk else None
        try:
            services.save_item(owner=owner, model=model, pk=pk, data=form.values, version=version)
        except services.CatalogError as error:
            if error.version:
                refresh_version(form, "version", error.version)
            form.add_error(error.field if error.field in form.fields else None, str(error))
        else:
            messages.success(request, _("已保存。"))
            return redirect(owner.url())
    context = {"owner": owner, "form": form, "kind": kind, "instance": instance}
    return render(request, "local_catalog/edit.html", context)


ACTIONS = {"deactivate", "activate", "delete"}


@bureau_admin_writes
@require_POST
def item_state(request, scope, key, kind, pk):
    owner = get_owner_for_user(request, scope, key, write=True)
    if not can_write(request.user, owner):
        raise PermissionDenied
    if kind not in MODELS:
        raise Http404
    action = request.POST.get("action", "")
    version = request.POST.get("version", "")
    try:
        if action == "delete":
            services.delete_item(owner=owner, model=MODELS[kind], pk=pk, version=version)
            messages.success(request, _("已删除。"))
        elif action in ACTIONS:
            active = action == "activate"
            services.set_active(
                owner=owner, model=MODELS[kind], pk=pk, active=active, version=version
            )
            messages.success(request, _("已启用。") if active else _("已停用。"))
        else:
            messages.error(request, _("未知的操作。"))
    except services.CatalogError as error:
        messages.error(request, str(error))
    return redirect(owner.url())
