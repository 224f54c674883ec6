from django.urls import path

from setup import people_views as people
from setup import views
from setup.bureau import views as bureau

app_name = "setup"
DEPARTMENT = "<slug:school>/departments/<int:pk>/"
BUREAU = "bureau/<slug:code>/schools/"

urlpatterns = [
    path("schools/new/", views.create_school, name="create_school"),
    path(BUREAU, bureau.schools, name="bureau_schools"),
    path(f"{BUREAU}template.xlsx", bureau.template_xlsx, name="bureau_template"),
    path(f"{BUREAU}upload/", bureau.upload, name="bureau_upload"),
    path(f"{BUREAU}confirm/", bureau.confirm, name="bureau_confirm"),
    path(f"{BUREAU}created/", bureau.created, name="bureau_created"),
    path(f"{BUREAU}accounts.xlsx", bureau.accounts_xlsx, name="bureau_accounts"),
    path("<slug:school>/", views.home, name="home"),
    path("<slug:school>/school/", views.school_record, name="school"),
    path("<slug:school>/year/", views.year_dates, name="year"),
    path("<slug:school>/assignments/", views.who_fills_what, name="assignments"),
    path("<slug:school>/departments/", people.departments, name="departments"),
    path(DEPARTMENT, people.department_edit, name="department"),
    path(f"{DEPARTMENT}merge/", people.department_merge, name="department_merge"),
    path(f"{DEPARTMENT}remove/", people.department_remove, name="department_remove"),
    path("<slug:school>/people/", people.people, name="people"),
    path("<slug:school>/people/import/", people.people_import, name="people_import"),
    path("<slug:school>/people/<int:pk>/link/", people.person_link, name="person_link"),
]  # fmt: skip
