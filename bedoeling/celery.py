import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bedoeling.settings")

app = Celery("bedoeling")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
