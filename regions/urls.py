from django.urls import path

from regions import views

app_name = "regions"

urlpatterns = [
    path("<slug:code>/", views.region_home, name="home"),
    path("<slug:code>/<str:year>/", views.region_dashboard, name="dashboard"),
    path("<slug:code>/<str:year>/compare/", views.region_compare, name="compare"),
    path("<slug:code>/<str:year>/compare.xlsx", views.region_compare_xlsx, name="compare_xlsx"),
]
