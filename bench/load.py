"""Drive an HTTP server: wrk (Debian's) when installed, else a small threaded Python client."""

import http.client
import re
import shutil
import statistics
import subprocess
import threading
import time
from urllib.parse import urlsplit

WRK = shutil.which("wrk")
UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60000.0}
# A request slower than this counts as a timeout (wrk's --timeout; the Python client's too).
TIMEOUT_SECONDS = 10


def _ms(text):
    """wrk's "1.23ms" in milliseconds; None for what it prints when nothing was measured."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    return float(match.group(1)) * UNITS[match.group(2)] if match else None


def parse_wrk(out):
    """Requests, errors (non-2xx/3xx and socket errors), timeouts, p50 and p99 in ms from wrk's
    report; a run that completed no request gives zeros, never an exception."""
    found = re.search(r"(\d+) requests in", out)
    requests = int(found.group(1)) if found else 0
    errors = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0
    timeouts = 0
    if m := re.search(r"connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        errors += int(m.group(1)) + int(m.group(2)) + int(m.group(3))
        timeouts = int(m.group(4))
    p50 = _ms(m.group(1)) if (m := re.search(r"50%\s+(\S+)", out)) else None
    p99 = _ms(m.group(1)) if (m := re.search(r"99%\s+(\S+)", out)) else None
    return {"requests": requests, "errors": errors, "timeouts": timeouts, "p50": p50, "p99": p99}


def run_wrk(url, seconds, connections, headers=()):
    """One wrk run (two threads, or one for a single connection)."""
    threads = min(2, connections)
    command = [WRK, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    command += ["--timeout", f"{TIMEOUT_SECONDS}s"]
    for header in headers:
        command += ["-H", header]
    done = subprocess.run(command + [url], capture_output=True, text=True)
    result = parse_wrk(done.stdout)
    if done.returncode or not result["requests"]:
        result["report"] = done.stdout + done.stderr
    return result


def run_python(url, seconds, connections, headers=()):
    """The same measures with keep-alive connections from Python threads (slower client)."""
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    extra = dict(header.split(": ", 1) for header in headers)
    latencies, failures, stop = [], {"errors": 0, "timeouts": 0}, time.monotonic() + seconds
    lock = threading.Lock()

    def worker():
        def connect():
            return http.client.HTTPConnection(parts.hostname, parts.port, timeout=TIMEOUT_SECONDS)

        conn = connect()
        while time.monotonic() < stop:
            start = time.perf_counter()
            failure = None
            try:
                conn.request("GET", target, headers=extra)
                response = conn.getresponse()
                response.read()
                failure = "errors" if response.status >= 400 else None
            except TimeoutError:
                failure, conn = "timeouts", connect()
            except (OSError, http.client.HTTPException):
                failure, conn = "errors", connect()
            with lock:
                if failure:
                    failures[failure] += 1
                else:
                    latencies.append((time.perf_counter() - start) * 1000)

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [None] * 99
    requests = len(latencies) + failures["errors"]
    return {"requests": requests, **failures, "p50": cuts[49], "p99": cuts[98]}


def drive(url, seconds, connections, headers=()):
    """Load `url` for `seconds` with `connections` open connections."""
    runner = run_wrk if WRK else run_python
    return runner(url, seconds, connections, headers)
