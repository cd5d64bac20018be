#!/usr/bin/env python3
"""Turns the raw measurements of benches/load into its table and JSON file.

    report.py RAW_TSV OUT_JSON --mode full --runs 3 ...

RAW_TSV holds one `key<TAB>value` a line; a key measured in several runs appears once per run and
the median is reported. Missed targets are marked, never fatal.
"""

import argparse
import json
import math
import platform
import os
import statistics
import sys
import time

ISOLATION = ("cores held out of idle states (cpu_dma_latency 0) and the server and oha at "
             "SCHED_FIFO 10, as cyclictest runs")


def read_raw(path):
    values = {}
    with open(path, encoding="utf-8") as raw:
        for line in raw:
            key, _, value = line.rstrip("\n").partition("\t")
            values.setdefault(key, []).append(value)
    return values


def machine():
    model = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        with open("/proc/meminfo", encoding="utf-8") as meminfo:
            mem_kib = int(meminfo.readline().split()[1])
    except (OSError, ValueError, IndexError):
        mem_kib = 0
    return {
        "nproc": os.cpu_count(),
        "model_name": model,
        "kernel": platform.release(),
        "memory_gib": round(mem_kib / 1024 / 1024, 1),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("raw")
    parser.add_argument("out")
    for name in ("mode", "commit", "tools"):
        parser.add_argument(f"--{name}", default="")
    for name in ("runs", "duration", "latency-duration", "connections", "gzip-level", "small",
                 "large"):
        parser.add_argument(f"--{name}", type=int, default=0)
    args = parser.parse_args()
    raw = read_raw(args.raw)

    def numbers(key):
        out = []
        for value in raw.get(key, []):
            try:
                number = float(value)
            except ValueError:
                continue
            if not math.isnan(number):
                out.append(number)
        return out

    def med(key):
        values = numbers(key)
        return statistics.median_low(values) if values else float("nan")

    def text(key):
        return raw.get(key, [""])[-1]

    def ratio(a, b):
        return a / b if b and not math.isnan(a) and not math.isnan(b) else float("nan")

    rows = []

    def row(name, value, unit, target_text, passed, detail, runs=None):
        rows.append({
            "row": name,
            "value": None if isinstance(value, float) and math.isnan(value) else value,
            "unit": unit,
            "target": target_text,
            "pass": bool(passed),
            "detail": detail,
            **({"runs": runs} if runs is not None else {}),
        })

    def at_least(value, target):
        return not math.isnan(value) and value >= target

    def below(value, target):
        return not math.isnan(value) and value < target

    def others(*keys):
        """The most that other processes took of each core during the kept runs of these rows."""
        pairs = [value.split() for key in keys for value in raw.get(f"{key}_other", [])]
        pairs = [(float(a), float(b)) for a, b in (p for p in pairs if len(p) == 2)]
        if not pairs:
            return ""
        return (f"; other processes took up to {max(a for a, _ in pairs):.2f} of core 0 and "
                f"{max(b for _, b in pairs):.2f} of core 1")

    def per_cpu(key):
        """Requests per second of server CPU, median over runs: steadier than the rate when the
        load tool, not the server, sets the pace, or when other processes share the cores."""
        values = [rate / cpu for rate, cpu in zip(numbers(key), numbers(key.rsplit("_", 1)[0] + "_cpu"))
                  if cpu > 0]
        return statistics.median_low(values) if values else float("nan")

    guide_l, guide_n = med("guide_ladder_rps"), med("guide_nginx_rps")
    guide_pre = med("guide_nginxpre_rps")
    r = ratio(guide_l, guide_n)
    row("guide page vs nginx static, same bytes", round(r, 3), "ratio", ">= 0.9", at_least(r, 0.9),
        f"Ladder {guide_l:,.0f} req/s (server CPU {med('guide_ladder_cpu'):.2f}), "
        f"nginx gzip level {args.gzip_level} {guide_n:,.0f} req/s (worker CPU "
        f"{med('guide_nginx_cpu'):.2f}); nginx gzip_static with Ladder's .gz {guide_pre:,.0f} "
        f"req/s (ratio {ratio(guide_l, guide_pre):.3f}); {med('guide_bytes'):,.0f} bytes, gzip "
        f"{med('guide_gzip_ladder'):,.0f} (Ladder) / {med('guide_gzip_nginx'):,.0f} (nginx); "
        f"per CPU-second: Ladder {per_cpu('guide_ladder_rps'):,.0f}, nginx "
        f"{per_cpu('guide_nginx_rps'):,.0f} (ratio "
        f"{ratio(per_cpu('guide_ladder_rps'), per_cpu('guide_nginx_rps')):.3f}), nginx gzip_static "
        f"{per_cpu('guide_nginxpre_rps'):,.0f}"
        + others("guide_ladder", "guide_nginx", "guide_nginxpre"),
        {"ladder_rps": numbers("guide_ladder_rps"), "nginx_rps": numbers("guide_nginx_rps"),
         "nginx_gzip_static_rps": numbers("guide_nginxpre_rps"),
         "ratio_to_gzip_static": round(ratio(guide_l, guide_pre), 3)})

    plan_s, plan_l = med("plan_small_rps"), med("plan_large_rps")
    r = ratio(plan_s, guide_n)
    row("plan page vs nginx static", round(r, 3), "ratio", ">= 0.5", at_least(r, 0.5),
        f"Ladder {plan_s:,.0f} req/s with {args.small:,} plans (server CPU "
        f"{med('plan_small_cpu'):.2f}), nginx {guide_n:,.0f} req/s; per CPU-second "
        f"{per_cpu('plan_small_rps'):,.0f} vs nginx {per_cpu('guide_nginx_rps'):,.0f} (ratio "
        f"{ratio(per_cpu('plan_small_rps'), per_cpu('guide_nginx_rps')):.3f}); vs nginx gzip_static "
        f"{ratio(plan_s, guide_pre):.3f} (per CPU-second "
        f"{ratio(per_cpu('plan_small_rps'), per_cpu('guide_nginxpre_rps')):.3f})"
        + others("plan_small"),
        {"ladder_rps": numbers("plan_small_rps")})

    # Each large run is paired with the run of the small copy right after it; the median of the
    # pairs' ratios is kept, so drift of the host between the pairs cancels out.
    pair_s = med("plan_pair_rps")
    pairs = [ratio(large, small)
             for large, small in zip(numbers("plan_large_rps"), numbers("plan_pair_rps"))]
    r = statistics.median_low(pairs) if pairs else float("nan")
    row(f"plan page, {args.large:,} vs {args.small:,} plans", round(r, 3), "ratio", ">= 0.9",
        at_least(r, 0.9),
        f"{plan_l:,.0f} req/s with {med('seeded_large'):,.0f} plans vs {pair_s:,.0f} from a "
        f"second Ladder serving a copy of the {med('seeded_small'):,.0f}-plan database, measured "
        f"in turns (ratios {', '.join(f'{p:.3f}' for p in pairs)}); per CPU-second ratio "
        f"{ratio(per_cpu('plan_large_rps'), per_cpu('plan_pair_rps')):.3f}; against the "
        f"{med('seeded_small'):,.0f}-plan row measured minutes earlier {ratio(plan_l, plan_s):.3f}; "
        f"database {med('db_bytes') / 2**20:,.0f} MiB"
        + others("plan_large", "plan_pair"),
        {"large_rps": numbers("plan_large_rps"), "small_copy_rps": numbers("plan_pair_rps"),
         "ratios": [round(p, 3) for p in pairs]})

    create = med("create_rate")
    row("plan creation, durable", round(create, 1), "plans/s", ">= 5,000 plans/s",
        at_least(create, 5000),
        f"303 answers only, {args.connections} connections (server CPU {med('create_cpu'):.2f})"
        + others("create"),
        {"rate": numbers("create_rate")})

    steps = med("steps_rate")
    row("step updates, durable", round(steps, 1), "updates/s", ">= 10,000/s", at_least(steps, 10000),
        f"303 answers only, {args.connections} connections (server CPU {med('steps_cpu'):.2f})"
        + others("steps"),
        {"rate": numbers("steps_rate")})

    for name, label, limit in (("guide", "guide page", 2), ("plan", "plan page", 5),
                               ("create", "creation", 25)):
        p50, p99, p999 = med(f"lat_{name}_p50"), med(f"lat_{name}_p99"), med(f"lat_{name}_p999")
        bad = int(sum(numbers(f"lat_{name}_bad")))
        control = ""
        if numbers(f"lat_{name}_nginx_p99"):
            control = (f"; nginx gzip_static, same bytes and rate: p50 "
                       f"{med(f'lat_{name}_nginx_p50'):.3f} ms, p99 "
                       f"{med(f'lat_{name}_nginx_p99'):.3f} ms, p99.9 "
                       f"{med(f'lat_{name}_nginx_p999'):.3f} ms")
        if numbers(f"lat_{name}_plain_p99"):
            control += (f"; Ladder without the isolation, one run: p50 "
                        f"{med(f'lat_{name}_plain_p50'):.3f} ms, p99 "
                        f"{med(f'lat_{name}_plain_p99'):.3f} ms, p99.9 "
                        f"{med(f'lat_{name}_plain_p999'):.3f} ms")
        row(f"p99 at half of max rate: {label}", round(p99, 3), "ms", f"< {limit} ms",
            below(p99, limit) and bad == 0,
            f"at {med(f'lat_{name}_rate'):,.0f}/s (achieved {med(f'lat_{name}_achieved'):,.0f}/s): "
            f"p50 {p50:.3f} ms, p99 {p99:.3f} ms, p99.9 {p999:.3f} ms"
            + (f"; {bad} unexpected answers or errors" if bad else "") + control
            + others(f"lat_{name}"),
            {"p50_ms": numbers(f"lat_{name}_p50"), "p99_ms": numbers(f"lat_{name}_p99"),
             "p999_ms": numbers(f"lat_{name}_p999")})

    peak = med("rss_peak_kib") / 1024
    row("server peak RSS during the whole run", round(peak, 1), "MiB", "< 64 MiB",
        below(peak, 64),
        f"idle {med('rss_idle_start_kib') / 1024:.1f} MiB at start, "
        f"{med('rss_idle_end_kib') / 1024:.1f} MiB after the load")

    guide_wire = med("wire_guide_body") + med("wire_guide_headers")
    css_wire = med("wire_css_body") + med("wire_css_headers")
    total = guide_wire + css_wire
    row("guide page + CSS, compressed", int(total) if not math.isnan(total) else total, "bytes",
        "< 20 KB (20,000 bytes)", below(total, 20000),
        f"guide {med('wire_guide_body'):,.0f} body ({text('wire_guide_encoding') or 'identity'}) + "
        f"{med('wire_guide_headers'):,.0f} headers; CSS {med('wire_css_body'):,.0f} body "
        f"({text('wire_css_encoding') or 'identity'}) + {med('wire_css_headers'):,.0f} headers")

    report = {
        "benchmark": "benches/load",
        "mode": args.mode,
        "finished": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "commit": args.commit,
        "machine": machine(),
        "host_stalls": [json.loads(line) for line in raw.get("host_stalls", [])],
        "setup": {
            "runs_per_row": args.runs,
            "run_seconds": args.duration,
            "latency_seconds": args.latency_duration,
            "connections": args.connections,
            "server_cpu": 0,
            "load_cpu": 1,
            "quiet": "a full run waits up to 15 s for both cores to be quiet before each run, "
                     "and measures once more while other processes take more than "
                     "0.10 of either core",
            "latency_isolation": ISOLATION if med("lat_isolated") == 1 else "none (not root)",
            "nginx_gzip_level": args.gzip_level,
            "plans_seeded": [args.small, args.large],
            "tools": args.tools,
            "seconds": int(med("seconds")) if numbers("seconds") else None,
        },
        "rows": rows,
        "warnings": raw.get("warning", []),
    }
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump(report, out, indent=2)
        out.write("\n")

    m = report["machine"]
    print(f"\nLadder load test ({args.mode}: {args.runs} run(s) per row, median; "
          f"{args.duration} s each, latency {args.latency_duration} s; commit {args.commit})")
    print(f"machine: {m['nproc']} cores, {m['model_name']}, Linux {m['kernel']}, "
          f"{m['memory_gib']} GiB; server on core 0, load on core 1")
    for when, stall in zip(("before the rows", "after them"), report["host_stalls"]):
        print(f"host stalls {when}: with both cores busy for {stall['seconds']:g} s, the cores "
              f"stood still {stall['stalls']} times (over 1 ms each), {stall['stalled_ms']:,.1f} "
              f"ms in all, the longest {stall['longest_ms']:,.2f} ms")
    print(f"latency rows: {report['setup']['latency_isolation']}")
    print()
    width = max(len(r["row"]) for r in rows)
    header = f"{'row':<{width}}  {'measured':>16}  {'target':<24}  result"
    print(header)
    print("-" * len(header))
    for r in rows:
        value = "n/a" if r["value"] is None else (
            f"{r['value']:,.3f}" if r["unit"] in ("ratio", "ms") else f"{r['value']:,.1f}"
            if r["unit"] == "MiB" else f"{r['value']:,.0f}")
        measured = f"{value} {r['unit']}"
        print(f"{r['row']:<{width}}  {measured:>16}  {r['target']:<24}  "
              f"{'pass' if r['pass'] else 'MISS'}")
        print(f"{'':<{width}}    {r['detail']}")
    missed = [r["row"] for r in rows if not r["pass"]]
    print(f"\ntargets: {len(rows) - len(missed)} met, {len(missed)} missed"
          + (": " + "; ".join(missed) if missed else ""))
    for warning in report["warnings"]:
        print(f"warning: {warning}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
