"""Fault drills against the real services CI provides: Redis, a Celery worker in its own
process (group), PostgreSQL. They skip without DATABASE_URL and CELERY_BROKER_URL (CI turns a
skip into a failure).

- Redis unreachable while people work: every page answers with its success message, every
  side effect waits in the outbox; when Redis is back a worker sends every mail exactly once.
- A worker killed outright (SIGKILL to its process group) in the middle of a digest build: the
  next worker builds it, exactly once, within the (here short) visibility timeout.
- PostgreSQL stopped and started under a few concurrent clients: styled 503s only while it is
  down, and the same server answers normally again once it is back.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib import error, request

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.urls import reverse

from bedoeling.celery import app

pytestmark = pytest.mark.services

ROOT = Path(__file__).resolve().parents[2]
CLOSED_PORT = "redis://127.0.0.1:1/0"
PG_BIN = Path("/usr/lib/postgresql/15/bin")


def _need_services():
    if not os.environ.get("DATABASE_URL") or not os.environ.get("CELERY_BROKER_URL"):
        pytest.skip("DATABASE_URL and CELERY_BROKER_URL not set: no PostgreSQL and Redis")


def _environment(**extra: str) -> dict[str, str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "CELERY_", "PYTEST_", "BEDOELING_"))
    }
    environment |= {
        "DJANGO_SECRET_KEY": "fault-drill-" + "k" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECURE_COOKIES": "false",
        "DATABASE_CONN_MAX_AGE": "60",
    }
    return environment | extra


def _test_database_url() -> str:
    settings = connection.settings_dict
    return (
        f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:"
        f"{settings['PORT'] or 5432}/{settings['NAME']}"
    )


class Worker:
    """`celery worker` in its own session, so the whole process group can be killed."""

    def __init__(self, broker: str, mail_dir: Path, **extra: str) -> None:
        self.log = mail_dir.parent / f"worker-{uuid.uuid4().hex[:6]}.log"
        environment = _environment(
            DATABASE_URL=_test_database_url(),
            CELERY_BROKER_URL=broker,
            DJANGO_EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
            EMAIL_FILE_PATH=str(mail_dir),
            **extra,
        )
        command = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "bedoeling",
            "worker",
            "--pool",
            "prefork",
            "--concurrency",
            "1",
            "--loglevel",
            "INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-n",
            f"drill-{uuid.uuid4().hex[:8]}@%h",
        ]
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=environment,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def kill(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


def _wait_for(condition, timeout: float, step: float = 0.3):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    return condition()


def _mails(mail_dir: Path) -> list[str]:
    """Every message the file backend wrote (one file per connection, messages separated)."""
    messages = []
    for path in sorted(mail_dir.glob("*.log")):
        messages += re.findall(r"^To: (.+)$", path.read_text(), flags=re.MULTILINE)
    return messages


def _point_app_at(broker: str | None) -> None:
    """Where this process publishes. (Celery prefers the CELERY_BROKER_URL environment variable
    to app.conf.broker_url, but not to broker_write_url.)"""
    app.conf.broker_write_url = broker
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def real_broker():
    """A Redis database for the drills alone, emptied; tasks really go to it."""
    _need_services()
    from django.conf import settings
    from kombu import Connection

    # Two below the process's own database (conftest gives xdist worker gwK the base minus K):
    # nothing else uses it, so emptying it disturbs no other test.
    base, _, number = settings.CELERY_BROKER_URL.rpartition("/")
    broker = f"{base}/{(int(number) - 2) % 16}" if number.isdigit() else settings.CELERY_BROKER_URL
    app.conf.task_always_eager = False
    _point_app_at(broker)
    with Connection(broker) as conn:
        conn.default_channel.client.flushdb()
    yield broker
    _point_app_at(None)
    app.conf.task_always_eager = True


def test_redis_down_loses_nothing_and_every_mail_goes_out_once(
    transactional_db, real_broker, tmp_path, rule
):
    from deliberations import services
    from deliberations.models import Meeting
    from digests.models import BuildRequest, Digest
    from organisations.models import Role
    from organisations.outbox import OutboxMessage
    from tests.factories import CaseFactory, MembershipFactory, TeamFactory

    team = TeamFactory(name="Inkomen Noord")
    pro = MembershipFactory(team=team, role=Role.PROFESSIONAL, user__email="pro@example.org").user
    lead = MembershipFactory(team=team, role=Role.LEAD, user__email="lead@example.org").user
    director = MembershipFactory(team=team, role=Role.DIRECTOR, user__email="dir@example.org").user
    case = CaseFactory(team=team, author=pro, rule=rule, status="draft", submitted_at=None)
    planned = CaseFactory(team=team, author=pro, rule=rule)
    meeting = services.plan_meeting(
        team=team,
        lead=lead,
        starts_at=services.clock.now(),
        participants=[lead, pro],
        cases=[planned],
    )
    services.start_meeting(meeting=meeting, actor=lead)
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    OutboxMessage.objects.all().delete()

    _point_app_at(CLOSED_PORT)  # Redis is down from here
    from django.test import Client

    answers = []
    client = Client()
    client.force_login(pro)
    response = client.post(reverse("cases:submit", args=[case.pk]))
    answers.append(response)
    client.force_login(lead)
    response = client.post(
        reverse("deliberations:close", args=[meeting.pk]), {"open_items": "postpone"}
    )
    answers.append(response)
    client.force_login(director)
    response = client.post(
        reverse("digests:build"),
        {"scope": "organisation", "start": "2026-11-16", "end": "2026-11-22"},
    )
    answers.append(response)
    client.logout()
    response = client.post(reverse("password_reset"), {"email": pro.email})
    answers.append(response)

    assert [r.status_code for r in answers] == [302, 302, 302, 302]
    # Each of the first three says it worked (the reset page says so on the next page).
    for response in answers[:3]:
        # (Not yet shown messages pile up: nothing rendered a page in between.)
        levels = {m.level_tag for m in get_messages(response.wsgi_request)}
        assert levels == {"success"}, response.wsgi_request.path
    case.refresh_from_db()
    assert case.status == "submitted"
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.CLOSED
    request_row = BuildRequest.objects.get()
    assert request_row.state == BuildRequest.State.QUEUED
    waiting = OutboxMessage.objects.filter(relayed_at__isnull=True)
    # case notice, the similarity index's update, minutes, digest build, reset mail
    assert waiting.count() == 5
    assert _mails(mail_dir) == []

    # Redis is back; a worker starts and relays what waited.
    _point_app_at(real_broker)
    worker = Worker(real_broker, mail_dir)
    try:
        # 1 lead (case), 2 participants (minutes), 1 director (digest), 1 reset = 5 mails.
        assert _wait_for(lambda: len(_mails(mail_dir)) >= 5, timeout=90), worker.log.read_text()
        # Another relay run (beat) hands nothing on twice.
        from organisations.tasks import relay_outbox

        relay_outbox.delay()
        time.sleep(4)
    finally:
        worker.stop()
    assert sorted(_mails(mail_dir)) == sorted(
        ["lead@example.org", "pro@example.org", "lead@example.org", "dir@example.org"]
        + ["pro@example.org"]
    )
    assert OutboxMessage.objects.filter(done_at__isnull=True).count() == 0
    request_row.refresh_from_db()
    assert request_row.state == BuildRequest.State.DONE
    assert Digest.objects.count() == 1


def test_a_worker_killed_mid_digest_is_rebuilt_once_by_the_next_worker(
    transactional_db, real_broker, tmp_path
):
    from digests import builds
    from digests.models import BuildRequest, Digest
    from tests.factories import TeamFactory

    team = TeamFactory(name="Inkomen Noord")
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    drill = {
        "BEDOELING_DIGEST_BUILD_DRILL_SECONDS": "8",
        "CELERY_TASK_TIME_LIMIT": "15",
        "CELERY_VISIBILITY_TIMEOUT": "20",
        "CELERY_RESTORE_INTERVAL": "1",
    }
    first = Worker(real_broker, mail_dir, **drill)
    try:
        import datetime as dt

        request_row = builds.request_build(
            team_id=team.pk, start=dt.date(2026, 11, 16), end=dt.date(2026, 11, 22)
        )
        running = _wait_for(
            lambda: BuildRequest.objects.get(pk=request_row.pk).state == "running", timeout=60
        )
        assert running, first.log.read_text()
        first.kill()  # SIGKILL to the whole process group, mid-build
        killed_at = time.monotonic()
    finally:
        first.kill()
    assert BuildRequest.objects.get(pk=request_row.pk).state == "running"
    assert Digest.objects.count() == 0

    second = Worker(real_broker, mail_dir, **drill)
    try:
        done = _wait_for(
            lambda: BuildRequest.objects.get(pk=request_row.pk).state == "done", timeout=120
        )
        assert done, second.log.read_text()
        took = time.monotonic() - killed_at
        time.sleep(3)  # nothing delivers it a third time
    finally:
        second.stop()
    assert took < 180
    assert Digest.objects.count() == 1
    assert Digest.objects.get().task_id == request_row.task_id
    assert BuildRequest.objects.get(pk=request_row.pk).attempts == 2


# PostgreSQL restart ---------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_postgres(command: list[str]) -> list[str]:
    """initdb and pg_ctl refuse to run as root."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


class Cluster:
    """A throwaway PostgreSQL cluster in a temporary folder, on a free port."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.data = folder / "data"
        self.port = _free_port()
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres")
        subprocess.run(
            _as_postgres(
                [str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres"]
            ),
            check=True,
            capture_output=True,
        )

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        # The server's output goes to a file: a pipe it inherited would never close.
        log = str(self.folder / "server.log")
        subprocess.run(
            _as_postgres(
                [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", log]
                + ["-w", "start"]
            ),
            check=True,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=60,
        )

    def stop(self) -> None:
        subprocess.run(
            _as_postgres(
                [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"]
            ),
            check=False,
            capture_output=True,
        )


def _manage(environment: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


SESSION = """
from django.contrib.auth import get_user_model, BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
user = get_user_model().objects.create_user("drill", password="drill-password-4711")
store = SessionStore()
store[SESSION_KEY] = str(user.pk)
store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
store[HASH_SESSION_KEY] = user.get_session_auth_hash()
store.save()
print(store.session_key)
"""


def _get(port: int, path: str, session: str | None) -> tuple[int, str]:
    headers = {"Cookie": f"sessionid={session}"} if session else {}
    call = request.Request(f"http://127.0.0.1:{port}{path}", headers=headers)
    try:
        with request.urlopen(call, timeout=15) as answer:  # noqa: S310 - our own test server
            return answer.status, answer.read().decode()
    except error.HTTPError as answer:
        return answer.code, answer.read().decode()


def test_a_postgresql_restart_shows_styled_503s_and_recovers_by_itself(tmp_path):
    _need_services()
    if not (PG_BIN / "initdb").exists():
        pytest.skip("PostgreSQL 15 server binaries not installed")
    folder = Path(tempfile.mkdtemp(prefix="bedoeling-drill-"))  # postgres must reach it
    folder.chmod(0o755)
    cluster = Cluster(folder)
    cluster.start()
    port = _free_port()
    environment = _environment(DATABASE_URL=cluster.url, CELERY_BROKER_URL="")
    server = None
    try:
        _manage(environment, "migrate", "--noinput")
        _manage(environment, "collectstatic", "--noinput")
        session = _manage(environment, "shell", "--no-imports", "-c", SESSION).strip()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "bedoeling.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--threads",
                "2",
                "--timeout",
                "60",
            ],
            cwd=ROOT,
            env=environment,
            stdout=(tmp_path / "gunicorn.log").open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        assert _wait_for(lambda: _up(port, session), timeout=60)

        phase = {"name": "up"}
        seen: dict[str, list[tuple[int, bool]]] = {
            name: [] for name in ("up", "stopping", "down", "starting", "back")
        }
        stop = threading.Event()

        def client(path: str, with_session: bool) -> None:
            while not stop.is_set():
                try:
                    status, body = _get(port, path, session if with_session else None)
                except (OSError, error.URLError):
                    status, body = 0, ""
                styled = "Even niet bereikbaar" in body and "Traceback" not in body
                # A request still under way when the phase changed counts in the later phase:
                # one that started while the database was up may end after it was stopped.
                seen[phase["name"]].append((status, styled))
                time.sleep(0.1)

        threads = [
            threading.Thread(target=client, args=("/", True)),
            threading.Thread(target=client, args=("/cases/", True)),
            threading.Thread(target=client, args=("/accounts/login/", False)),
            threading.Thread(target=client, args=("/help/", True)),
        ]
        for thread in threads:
            thread.start()
        time.sleep(2)
        phase["name"] = "stopping"
        cluster.stop()
        phase["name"] = "down"
        time.sleep(4)
        phase["name"] = "starting"
        cluster.start()
        phase["name"] = "back"
        recovered = _wait_for(
            lambda: sum(1 for status, _ in seen["back"][-8:] if status == 200) == 8, timeout=60
        )
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)

    from collections import Counter

    # For the record (pytest -s): answers per phase, (status, styled) -> count.
    print({phase_name: dict(Counter(answers)) for phase_name, answers in seen.items()})
    assert seen["up"] and all(status == 200 for status, _ in seen["up"])
    down = seen["down"]
    assert down, "no request while the database was down"
    # While it is down: the login page works without the database, or a styled 503; never a
    # 500, never a dropped connection.
    assert all(status in (200, 503) for status, _ in down), sorted({s for s, _ in down})
    assert all(styled for status, styled in down if status == 503)
    assert any(status == 503 for status, _ in down)
    assert recovered, seen["back"][-8:]
    # Stopping and starting: a request may still finish or already fail; never a 500.
    assert all(status in (200, 503) for status, _ in seen["stopping"] + seen["starting"])


def _up(port: int, session: str) -> bool:
    try:
        return _get(port, "/", session)[0] == 200
    except OSError:
        return False
