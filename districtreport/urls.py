from django.urls import path

from districtreport import views

app_name = "districtreport"

urlpatterns = [
    path("<slug:school>/<int:year>/", views.report, name="report"),
    path("<slug:school>/<int:year>/aggregate/", views.aggregate, name="aggregate"),
]
