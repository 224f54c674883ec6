from django.urls import path

from publication import views

app_name = "publication"

Y = "<slug:school>/<int:year>/"

urlpatterns = [
    path(Y, views.year_publication, name="year"),
    path(Y + "lock/", views.lock, name="lock"),
    path(Y + "unlock/", views.unlock, name="unlock"),
    path(Y + "editions/<int:number>/<slug:format>/", views.download, name="download"),
]
