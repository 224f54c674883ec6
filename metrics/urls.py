from django.urls import include, path

from metrics import views

app_name = "metrics"

urlpatterns = [
    path("", include("metrics.workbooks.urls")),
    path("<slug:school>/<int:year>/", views.overview, name="overview"),
    path("<slug:school>/<int:year>/findings/", views.findings, name="findings"),
    path("<slug:school>/<int:year>/findings/explain/", views.explain, name="explain"),
    path("<slug:school>/<int:year>/d/<slug:department>/", views.figures_form, name="figures"),
    path(
        "<slug:school>/<int:year>/d/<slug:department>/data/<slug:key>/",
        views.dataset_form,
        name="dataset",
    ),
    path(
        "<slug:school>/<int:year>/d/<slug:department>/reported/",
        views.reported_values,
        name="reported",
    ),
    path(
        "<slug:school>/<int:year>/d/<slug:department>/reported/<int:pk>/delete/",
        views.reported_remove,
        name="reported_delete",
    ),
]
