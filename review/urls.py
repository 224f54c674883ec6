from django.urls import path

from review import views

app_name = "review"

Y = "<slug:school>/<int:year>/"
ITEM = Y + "items/<slug:kind>/<slug:key>/"

urlpatterns = [
    path(Y, views.workbench, name="workbench"),
    path(Y + "items/", views.item_list, name="items"),
    path(Y + "approve/", views.bulk_approve, name="bulk_approve"),
    path(Y + "activity/", views.activity, name="activity"),
    path(Y + "history/explanations/", views.explanations_history, name="explanations_history"),
    path(
        Y + "history/reported/<slug:department>/", views.reported_history, name="reported_history"
    ),
    path(ITEM, views.item_detail, name="item"),
    path(ITEM + "history/", views.item_history, name="item_history"),
    path(ITEM + "submit/", views.item_submit, name="submit"),
    path(ITEM + "approve/", views.item_approve, name="approve"),
    path(ITEM + "return/", views.item_return, name="return"),
    path(ITEM + "comment/", views.item_comment, name="comment"),
]
