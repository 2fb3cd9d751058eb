"""Drive an HTTP server: wrk (Debian's) when installed, else a small threaded Python client."""

import http.client
import re
import shutil
import statistics
import threading
import time
from urllib.parse import urlsplit

WRK = shutil.which("wrk")
UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def run_wrk(url, seconds, connections, headers=()):
    """Requests, errors (non-2xx/3xx and socket errors), timeouts, p50 and p99 in ms."""
    import subprocess

    command = [WRK, "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    for header in headers:
        command += ["-H", header]
    out = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0
    timeouts = 0
    if m := re.search(r"connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        errors += int(m.group(1)) + int(m.group(2)) + int(m.group(3))
        timeouts = int(m.group(4))
    p50 = _ms(re.search(r"50%\s+(\S+)", out).group(1))
    p99 = _ms(re.search(r"99%\s+(\S+)", out).group(1))
    return {"requests": requests, "errors": errors, "timeouts": timeouts, "p50": p50, "p99": p99}


def run_python(url, seconds, connections, headers=()):
    """The same measures with keep-alive connections from Python threads (slower client)."""
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    extra = dict(header.split(": ", 1) for header in headers)
    latencies, errors, stop = [], [0], time.monotonic() + seconds
    lock = threading.Lock()

    def worker():
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
        while time.monotonic() < stop:
            start = time.perf_counter()
            try:
                conn.request("GET", target, headers=extra)
                response = conn.getresponse()
                response.read()
                ok = response.status < 400
            except OSError:
                ok = False
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
            with lock:
                latencies.append((time.perf_counter() - start) * 1000)
                errors[0] += not ok

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0] * 99
    return {
        "requests": len(latencies),
        "errors": errors[0],
        "timeouts": 0,
        "p50": cuts[49],
        "p99": cuts[98],
    }


def drive(url, seconds, connections, headers=()):
    """Load `url` for `seconds` with `connections` open connections."""
    runner = run_wrk if WRK else run_python
    return runner(url, seconds, connections, headers)
