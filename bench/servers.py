"""gunicorn servers for the page benchmark: started on a free port, warmed, their CPU read."""

import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.request import Request, urlopen

TICKS = __import__("os").sysconf("SC_CLK_TCK")
WORKERS = 2


def free_port():
    """A free loopback port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with 2 sync workers on a free port; reads its workers' CPU time."""

    def __init__(self, app, env, cwd):
        """Start gunicorn and wait until both workers run and the port answers."""
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "gunicorn", app, "-w", str(WORKERS)]
        # A generous worker timeout: on a loaded machine a first request can take seconds, and
        # a worker killed for it would take its CPU time with it.
        command += ["-b", f"127.0.0.1:{self.port}", "--timeout", "300", "--log-level", "warning"]
        self.process = subprocess.Popen(command, cwd=cwd, env=env)
        deadline = time.monotonic() + 120
        try:
            while len(self.workers()) < WORKERS or not self.answers():
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError(f"gunicorn {app} did not start")
                time.sleep(0.2)
        except BaseException:
            self.stop()
            raise
        self.started_workers = self.workers()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()

    def answers(self):
        """Whether the port accepts connections."""
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                return True
        except OSError:
            return False

    def workers(self):
        """Process ids of the workers (the master's children)."""
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return path.read_text().split() if path.exists() else []

    def cpu_seconds(self):
        """User plus system time of the workers so far. A worker that was replaced would lose
        its time, so that is an error, not a silent undercount."""
        workers = self.workers()
        if workers != self.started_workers:
            raise RuntimeError("a gunicorn worker was restarted during the benchmark")
        total = 0
        for pid in workers:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
        return total / TICKS

    def warm(self, path, headers, rounds=3):
        """Both workers serve the page a few times before it is measured: a worker's first
        request imports modules, builds the URL resolvers of seven languages and compiles
        templates, which takes seconds on a loaded machine (wrk would count timeouts)."""
        request = Request(self.url + path, headers=dict(h.split(": ", 1) for h in headers))
        failures = []

        def fetch():
            for _ in range(rounds):
                try:
                    with urlopen(request, timeout=300) as response:
                        response.read()
                except OSError as error:
                    failures.append(error)

        threads = [threading.Thread(target=fetch) for _ in range(WORKERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if failures:
            raise RuntimeError(f"{path} failed while warming: {failures[0]}")

    def stop(self):
        """Stop gunicorn (its workers with it)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
