#!/usr/bin/env python3
"""How long the host takes the cores away from this machine, as the load test sees it.

Spins on every listed core at once for a few seconds, reading the clock in a tight loop, and counts
the gaps between two readings longer than 1 ms: time the core was given to someone else (another
virtual machine, the host). No process of this machine can cause such a gap on a pinned, spinning
core other than by running there, which the load test checks separately. Prints one JSON object.

    python3 benches/stalls.py --seconds 5 --cores 0,1
"""
import argparse
import json
import multiprocessing
import os
import time

GAP = 0.001  # seconds: a longer pause between two clock readings counts as a stall


def spin(core, seconds, results):
    os.sched_setaffinity(0, {core})
    gaps = []
    last = time.perf_counter()
    end = last + seconds
    while last < end:
        now = time.perf_counter()
        if now - last > GAP:
            gaps.append(now - last)
        last = now
    results.put((core, gaps))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--cores", default="0,1")
    args = parser.parse_args()
    cores = [int(c) for c in args.cores.split(",")]
    results = multiprocessing.Queue()
    workers = [multiprocessing.Process(target=spin, args=(c, args.seconds, results)) for c in cores]
    for worker in workers:
        worker.start()
    gaps = dict(results.get(timeout=args.seconds + 30) for _ in workers)
    for worker in workers:
        worker.join()
    every = [g for core in cores for g in gaps[core]]
    print(json.dumps({
        "seconds": args.seconds,
        "cores": cores,
        "stalls": len(every),
        "stalled_ms": round(sum(every) * 1000, 1),
        "longest_ms": round(max(every, default=0) * 1000, 2),
        "per_core_ms": {str(c): round(sum(gaps[c]) * 1000, 1) for c in cores},
    }))


if __name__ == "__main__":
    main()
