#!/usr/bin/env python3
"""Seeds a running Ladder with plans through its own form (POST /plans), many requests in flight.

Standard library only. Every request is a real urlencoded planner form with varied answers and a
fresh one-time key, as a browser sends it; each 303 answer's Location names the new plan, and the
plan ids are appended to --out, one a line. Loopback only, bounded in count and time.

    seed.py --port 3000 --count 1000 --out ids.txt [--concurrency 64] [--timeout 600]
"""

import argparse
import asyncio
import base64
import os
import random
import sys
import time
import urllib.parse

JOBS = [
    "Cashier", "Ride-share driver", "Babysitter", "Warehouse picker", "Line cook",
    "Barista", "Security guard", "Home health aide", "Retail associate", "Delivery driver",
    "Call centre agent", "Dishwasher", "Janitor", "Receptionist", "Server",
]
TARGETS = [
    "Store manager", "Registered nurse", "Fire chief", "Software developer", "Electrician",
    "Teacher", "Accountant", "Logistics manager", "Head chef", "Paramedic",
    "HR manager", "Social worker", "Plumber", "Project manager", "Pharmacist",
]
RUNGS = [
    "Shift lead", "Assistant manager", "Supervisor", "Apprentice", "Team lead",
    "Coordinator", "Trainee", "Junior analyst", "Licensed practical nurse", "Crew chief",
]
INTERESTS = [
    "Helping people, organising things, working with my hands",
    "Numbers and puzzles; I like to know how things work",
    "Talking to customers and solving their problems",
    "Cooking, teaching my younger brother maths, fixing bikes",
    "",
]
STRENGTHS = [
    "Patient, reliable, good under pressure",
    "I learn fast and people trust me with keys",
    "Calm with angry customers; good at scheduling",
    "",
]
HORIZONS = [6, 12, 18, 24, 36, 60, 120]
BARRIERS = ["experience", "education", "goals", "transportation", "childcare", "money"]


def one_time_key(rng):
    """A form key as the planner form issues it: the time in milliseconds as 12 hex digits, then
    16 random bytes as 22 URL-safe base64 characters."""
    raw = bytes(rng.getrandbits(8) for _ in range(16))
    millis = time.time_ns() // 1_000_000
    return f"{millis & 0xFFFFFFFFFFFF:012x}" + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def plan_body(rng):
    """One urlencoded planner form with varied answers (0-5 rungs, any barriers)."""
    pairs = [
        ("key", one_time_key(rng)),
        ("current", rng.choice(JOBS)),
        ("target", rng.choice(TARGETS)),
    ]
    for rung in rng.sample(RUNGS, rng.randint(0, 5)):
        pairs.append(("rung", rung))
    pairs.append(("interests", rng.choice(INTERESTS)))
    pairs.append(("strengths", rng.choice(STRENGTHS)))
    pairs.append(("horizon", str(rng.choice(HORIZONS) if rng.random() < 0.8 else rng.randint(6, 120))))
    for barrier in BARRIERS:
        if rng.random() < 0.3:
            pairs.append(("barrier", barrier))
    return urllib.parse.urlencode(pairs).encode()


async def read_response(reader):
    """Reads one HTTP/1.1 response; returns (status, headers dict with lower-case names)."""
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("connection closed")
    status = int(status_line.split(b" ", 2)[1])
    headers = {}
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        while True:
            size = int((await reader.readline()).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status, headers


async def worker(port, todo, ids, failures, deadline, rng):
    reader = writer = None
    try:
        while todo[0] > 0 and time.monotonic() < deadline:
            todo[0] -= 1
            body = plan_body(rng)
            request = (
                b"POST /plans HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\n"
                b"Content-Length: %d\r\n\r\n" % (port, len(body))
            ) + body
            for attempt in range(3):
                try:
                    if writer is None:
                        reader, writer = await asyncio.open_connection("127.0.0.1", port)
                    writer.write(request)
                    await writer.drain()
                    status, headers = await asyncio.wait_for(read_response(reader), 30)
                    break
                except (ConnectionError, asyncio.IncompleteReadError, asyncio.TimeoutError):
                    if writer is not None:
                        writer.close()
                    reader = writer = None
                    if attempt == 2:
                        raise
            if status == 303 and headers.get("location", "").startswith("/plans/"):
                ids.append(headers["location"][len("/plans/"):])
            else:
                failures.append(status)
                if len(failures) > 100:
                    raise RuntimeError(f"too many failed creations, last status {status}")
            if headers.get("connection", "").lower() == "close":
                writer.close()
                reader = writer = None
    finally:
        if writer is not None:
            writer.close()


async def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--timeout", type=float, default=900, help="give up after this many seconds")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()

    seed = args.seed if args.seed is not None else int.from_bytes(os.urandom(8), "big")
    ids, failures, todo = [], [], [args.count]
    start = time.monotonic()
    deadline = start + args.timeout
    tasks = [
        worker(args.port, todo, ids, failures, deadline, random.Random(seed + n))
        for n in range(min(args.concurrency, max(args.count, 1)))
    ]
    await asyncio.gather(*tasks)
    elapsed = time.monotonic() - start
    with open(args.out, "a", encoding="ascii") as out:
        out.writelines(f"{plan_id}\n" for plan_id in ids)
    rate = len(ids) / elapsed if elapsed > 0 else 0.0
    print(f"seeded {len(ids)} plans in {elapsed:.1f} s ({rate:.0f}/s), {len(failures)} failed")
    if len(ids) < args.count:
        sys.exit(f"seed: only {len(ids)} of {args.count} plans were made")


if __name__ == "__main__":
    asyncio.run(main())
