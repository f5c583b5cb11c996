"""Run one command and print its wall seconds and peak RSS as JSON.

Linux carries a process's peak RSS across fork and exec: a command started
straight from the benchmark process reports at least the benchmark's own peak
(which holds a spaCy model and the state builder's tables, 1.5 GB at 100k
articles). Started from this small process instead, its peak is its own.
Usage: python -m benchmarks.measure COMMAND [ARG...]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def main(argv: list[str]) -> int:
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    print(json.dumps({"seconds": time.perf_counter() - start,
                      "peak_rss_mb": usage.ru_maxrss / 1024,
                      "returncode": os.waitstatus_to_exitcode(status)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
