FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1

WORKDIR /app

COPY requirements.lock .
RUN pip install --require-hashes -r requirements.lock

COPY . .
RUN DJANGO_SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput \
    && useradd --system --uid 1000 --home /app bedoeling \
    && chown -R bedoeling /app

USER bedoeling
EXPOSE 8000
CMD ["gunicorn", "bedoeling.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
