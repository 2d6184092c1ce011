from django.contrib.auth import views as auth_views
from django.urls import path

from . import accounts, follows, my_work

urlpatterns = [
    path("konts/uzaicinat/", accounts.invite, name="invite"),
    path("konts/uzaicinajums/<str:token>/", accounts.accept_invitation, name="accept_invitation"),
    path("mans-darbs/", my_work.my_work, name="my_work"),
    path("sekot/", follows.follow, name="follow"),
    path("sekot/apstiprinat/<str:token>/", follows.confirm, name="confirm_follow"),
    path("sekot/<int:pk>/atcelt/", follows.unfollow, name="unfollow"),
    path("sekojumi/<str:token>/", follows.manage, name="manage_follows"),
    path("atrakstities/<str:token>/", follows.unsubscribe, name="unsubscribe"),
    path("konts/mediatora-profils/", accounts.create_profile, name="create_profile"),
    path("konts/pieslegties/", accounts.SignInView.as_view(), name="login"),
    path("konts/pieslegties/kods/", accounts.sign_in_code, name="sign_in_code"),
    path("konts/iziet/", accounts.SignOutView.as_view(), name="logout"),
    path("konts/parole/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path(
        "konts/parole/nosutita/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="portal/accounts/password_reset_done.html"
        ),
        name="password_reset_done",
    ),
    path(
        "konts/parole/jauna/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "konts/parole/nomainita/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="portal/accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
