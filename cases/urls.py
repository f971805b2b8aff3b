from django.urls import path

from . import views

app_name = "cases"

urlpatterns = [
    path("", views.my_cases, name="mine"),
    path("new/", views.case_create, name="create"),
    path("assist/", views.intake_assist, name="assist"),
    path("team/<int:team_pk>/", views.team_cases, name="team"),
    path("<int:pk>/", views.case_detail, name="detail"),
    path("<int:pk>/edit/", views.case_edit, name="edit"),
    path("<int:pk>/submit/", views.case_submit, name="submit"),
    path("<int:pk>/withdraw/", views.case_withdraw, name="withdraw"),
    path("<int:pk>/adopt-rule/", views.adopt_rule, name="adopt_rule"),
    path("<int:pk>/comments/", views.comment_add, name="comment"),
]
