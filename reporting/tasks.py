"""The "我的任务" list on the home page.

Each feature registers a provider: a function (user) -> iterable of Task. The home page shows
whatever the providers return, so a feature adds its work items without touching the home view.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reporting.models import User


@dataclass(frozen=True)
class Task:
    title: str
    url: str
    category: str = ""
    status: str = ""
    detail: str = ""
    # Lower first: what someone must act on (a returned item) comes before routine work.
    priority: int = 50
    urgent: bool = False  # shown highlighted (overdue)


TaskProvider = Callable[[User], Iterable[Task]]
_providers: list[TaskProvider] = []


def register(provider: TaskProvider) -> TaskProvider:
    if provider not in _providers:
        _providers.append(provider)
    return provider


def tasks_for(user: User) -> list[Task]:
    tasks: list[Task] = []
    for provider in _providers:
        tasks.extend(provider(user))
    return sorted(tasks, key=lambda task: task.priority)
