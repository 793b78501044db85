"""gunicorn's threaded worker (gthread), with each new connection going to a process that has a thread free.

Every process of the server waits on the same listening socket, and a gthread process serves each keep-alive
connection it accepted for as long as the connection lasts. A burst of new connections (nginx opening its
upstream connections, a load generator starting) could land mostly in one process: that process then served
most of the traffic with one CPU (Python runs one thread of a process at a time) while the other processes
idled. Measured at 100× with 20 keep-alive clients on 2 processes: splits of 20/0 and 18/2, the two CPUs 44 %
idle, p95 twice what a balanced split gives (docs/performance.md, "Signed-in pages").

Here a process whose threads are all busy waits a moment before it accepts (1 ms for each request beyond its
threads, at most 10): the other processes are woken by the same connection, and one with a thread free takes it
first. Nothing is refused: when every process is busy, one of them accepts after its wait.
"""

import time

from gunicorn.workers.gthread import ThreadWorker

MAX_WAIT_MS = 10


class BalancedThreadWorker(ThreadWorker):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.busy = 0  # requests handed to the threads and not finished (counted on the main thread only)

    def accept_wait(self) -> float:
        """Seconds to let the other processes take a new connection first: none while a thread is free."""
        beyond = self.busy - self.cfg.threads + 1
        if self.cfg.workers < 2 or beyond <= 0:
            return 0.0
        return min(beyond, MAX_WAIT_MS) / 1000

    def accept(self, listener):
        wait = self.accept_wait()
        if wait:
            time.sleep(wait)
        super().accept(listener)  # another process took it meanwhile: gthread ignores the EAGAIN

    def enqueue_req(self, conn):
        self.busy += 1
        super().enqueue_req(conn)

    def finish_request(self, conn, fs):
        self.busy -= 1
        super().finish_request(conn, fs)
