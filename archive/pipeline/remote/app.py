"""The Celery application the home and its workers share: one queue, JSON messages, late acknowledgement.

A worker acknowledges a page only once its answer is stored (`acks_late`), and takes one page at a time
(prefetch 1). If its pool process dies, the page goes back to the queue at once
(`reject_on_worker_lost`); if the whole worker or its machine dies, Redis gives the page to another worker
once the visibility timeout has passed. A page may then be read twice; the home takes the first answer and
writes each record once.
"""

from __future__ import annotations

from celery import Celery

from archive.pipeline.remote import tasks
from indexer import PAGE_TIMEOUT

QUEUE = "archive"
PAGE_TASK = "archive.ocr_page"
EXTRACT_TASK = "archive.extract"
RESULT_SECONDS = 3600  # an answer nobody collected (the home was stopped) leaves Redis after this


def celery_app(broker: str, visibility: float) -> Celery:
    """The application for `broker` (redis://[:password@]host:port/db, or rediss:// for TLS)."""
    app = Celery("archive", broker=broker, backend=broker, set_as_current=False)
    transport = {"visibility_timeout": max(1.0, visibility)}
    app.conf.update(
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],  # never pickle: whoever reaches the broker must not run code on either side
        result_accept_content=["json"],
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_track_started=True,  # who holds a page shows in its result key meanwhile
        task_default_queue=QUEUE,
        task_time_limit=PAGE_TIMEOUT + 60,  # Tesseract's own timeout stops it first
        result_expires=RESULT_SECONDS,
        broker_transport_options=transport,
        result_backend_transport_options=transport,
        broker_connection_retry_on_startup=True,
        worker_cancel_long_running_tasks_on_connection_loss=True,  # the page is redelivered anyway
        worker_hijack_root_logger=False,
        worker_redirect_stdouts=False,
        worker_send_task_events=False,
    )
    app.task(name=PAGE_TASK, acks_late=True, reject_on_worker_lost=True)(tasks.ocr_page)
    # A file whose parser kills its pool process is reported, not handed on to crash the next worker too.
    app.task(name=EXTRACT_TASK, acks_late=True, reject_on_worker_lost=False)(tasks.extract)
    return app
