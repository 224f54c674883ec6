"""Background task (django-tasks, database backend; worker: `manage.py export_worker`)."""

from django_tasks import task

from exports.services import run_export


@task()
def run_export_job(job_id: str) -> str:

    return run_export(job_id=job_id).status
