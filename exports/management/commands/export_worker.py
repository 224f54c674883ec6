"""The background worker (django-tasks' `db_worker`, every queue) at a lower CPU priority.

A PDF render keeps a core busy for seconds; on the machine that also runs the web processes
it would take CPU from every page a user is waiting for. A render waits a little longer
instead: the worker raises its own niceness (WORKER_NICE, default 10) before it starts, so the
kernel gives the web processes the CPU first. One worker renders one export at a time.
"""

import os

from django.conf import settings
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand


class Command(DatabaseWorkerCommand):
    help = "后台处理进程（导出）：以较低的 CPU 优先级处理所有队列的任务。"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(queue_name="*")
        parser.add_argument(
            "--nice",
            type=int,
            default=settings.WORKER_NICE,
            help="niceness added to this process (0–19; default WORKER_NICE = %(default)s)",
        )

    def handle(self, *args, nice: int, **options):
        if nice:
            os.nice(nice)
        return super().handle(*args, **options)
