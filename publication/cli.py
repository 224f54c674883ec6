"""Shared arguments of the publication commands (year_status, lock_year, unlock_year, published)."""

from __future__ import annotations

from django.core.management.base import CommandError
from django.utils import timezone

from publication.models import Edition, LockEvent
from reporting.models import ReportYear, User


def add_year_arguments(parser) -> None:
    parser.add_argument("--school", required=True, help="学校标识，例如 lianzhou")
    parser.add_argument("--year", required=True, type=int, help="报告年度，例如 2025")


def get_year(school: str, year: int) -> ReportYear:
    found = ReportYear.objects.select_related("school", "locked_by").filter(
        school__slug=school, year=year
    )
    if not found:
        raise CommandError(f"找不到学校 {school} 的 {year} 年度。")
    return found.get()


def get_user(username: str, year: ReportYear) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"找不到用户 {username}。")
    if not (user.is_editor and user.school_id == year.school_id):
        raise CommandError(f"{user} 不是 {year.school} 的编委会成员，不能锁定或解锁。")
    return user


def local(moment) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}"


def lock_history_lines(year: ReportYear) -> list[str]:
    events = LockEvent.objects.filter(year=year).select_related("user", "edition")
    lines = []
    for event in events:
        edition = f" {event.edition.label}" if event.edition else ""
        text = f"：{event.text}" if event.text else ""
        when = local(event.at)
        lines.append(f"  {when} {event.user} {event.get_action_display()}{edition}{text}")
    return lines


def editions_of(year: ReportYear):
    return (
        Edition.objects.filter(year=year)
        .select_related("locked_by", "unlocked_by")
        .prefetch_related("files")
        .order_by("number")
    )
