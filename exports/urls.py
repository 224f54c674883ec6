from django.urls import path

from exports import views

app_name = "exports"

urlpatterns = [
    path("<slug:school>/<int:year>/", views.year_exports, name="year"),
    path("<slug:school>/<int:year>/start/", views.start_export, name="start"),
    path("<slug:school>/<int:year>/jobs/<uuid:job_id>/", views.job_detail, name="job"),
    path("<slug:school>/<int:year>/jobs/<uuid:job_id>/status/", views.job_status, name="status"),
    path("<slug:school>/<int:year>/jobs/<uuid:job_id>/download/", views.download, name="download"),
]
