import os

from celery import Celery, Task
from celery.signals import worker_ready

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bedoeling.settings")


class OnceTask(Task):
    """Every task of the project: acknowledged after it ran, requeued when its worker dies, and
    run at most once per outbox row (see organisations/outbox.py), so a second delivery of the
    same row - after a killed worker or a relay that handed it on twice - does nothing.

    A task that keeps its own record of progress (a digest build) sets `once_per_row = False`.
    """

    acks_late = True
    reject_on_worker_lost = True
    once_per_row = True

    def __call__(self, *args, **kwargs):
        if not self.once_per_row:
            return super().__call__(*args, **kwargs)
        from organisations import outbox

        with outbox.once(self.request.id) as first:
            if not first:
                return None
            return super().__call__(*args, **kwargs)


app = Celery("bedoeling", task_cls=OnceTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_ready.connect
def relay_on_start(sender=None, **kwargs) -> None:
    """A worker that starts hands on what waited in the outbox while none was running."""
    sender.app.send_task("organisations.tasks.relay_outbox")
