from django.urls import path

from metrics.workbooks import views

Y = "<slug:school>/<int:year>/"

urlpatterns = [
    path(Y + "workbook/", views.workbook_page, name="workbook"),
    path(Y + "workbook/all.xlsx", views.download_all, name="workbook_all"),
    path(Y + "workbook/apply/", views.apply, name="workbook_apply"),
    path(Y + "appendix-import/", views.appendix_import, name="appendix_import"),
    path(
        Y + "d/<slug:department>/workbook.xlsx", views.download_department, name="workbook_download"
    ),
]
