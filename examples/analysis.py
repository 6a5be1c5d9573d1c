#!/usr/bin/env python3
"""Load a yrdsim comparison and a sweep, stack them, and plot the IotF share of the delta's
revenue over time with 95% intervals over seeds.

    python3 examples/analysis.py COMPARISON_DIR SWEEP_DIR [--out DIR]

COMPARISON_DIR is what `yrdsim compare` wrote; SWEEP_DIR what `yrdsim sweep --keep series`
wrote (without series, a sweep's final shares are read from its runs' summary.json instead).
Writes DIR/iotf-share.csv (one row per source, group and quarter: mean, sd, n, ci95_low,
ci95_high) and, when matplotlib is installed, DIR/iotf-share.png; DIR defaults to the current
directory. Needs pandas; runs without a display. Every table's columns are in docs/DATA.md.
"""
import argparse
import json
import math
import os
import sys
from pathlib import Path

import pandas as pd

# t quantiles t(0.975, df) for df = 1..30; above that the normal 1.96 is within 0.01.
T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145,
        2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045,
        2.042]
RUN_COLUMNS = ["run_id", "scenario", "seed"]


def t975(n):
    """The 97.5% quantile of Student's t with n - 1 degrees of freedom (NaN for n < 2)."""
    if n < 2:
        return math.nan
    return T975[n - 2] if n - 1 <= len(T975) else 1.96


def provinces(directory):
    """Every run's provinces.csv of a comparison or sweep directory, stacked: timeseries/ if it is
    there, else each run's own file."""
    directory = Path(directory)
    combined = directory / "timeseries" / "provinces.csv"
    if combined.exists():
        return pd.read_csv(combined)
    files = sorted(directory.glob("runs/**/provinces.csv"))
    if not files:
        return None
    return pd.concat([pd.read_csv(f) for f in files], ignore_index=True)


def delta_share(table):
    """The IotF share of the whole delta's revenue per run and step: sum of share x revenue over
    provinces, divided by the sum of revenue. Keeps the run's own columns (a sweep's parameters too)."""
    keys = list(table.columns[: table.columns.get_loc("period") + 1])  # run_id ... step, period
    table = table.assign(iotf_revenue=table["iotf_revenue_share"] * table["revenue"])
    out = table.groupby(keys, as_index=False, sort=False)[["iotf_revenue", "revenue"]].sum()
    out["iotf_share"] = out["iotf_revenue"] / out["revenue"]
    return out.drop(columns=["iotf_revenue", "revenue"])


def groups(share, source):
    """Labels each row with its source and group: a comparison's scenario, or a sweep's design point
    (its parameters' values)."""
    parameters = [c for c in share.columns if c not in RUN_COLUMNS + ["step", "period", "iotf_share"]]
    if parameters:
        group = share[parameters].astype(str).apply(
            lambda row: ", ".join(f"{p}={v}" for p, v in zip(parameters, row)), axis=1)
    else:
        group = share["scenario"]
    return share.assign(source=source, group=group)[["source", "group", "run_id", "seed", "step", "period",
                                                     "iotf_share"]]


def final_shares(directory, source):
    """A sweep without series: the final IotF share of each run from runs/RUN_ID/summary.json,
    as step and period of the last quarter, with the design's parameters as its group."""
    directory = Path(directory)
    design = pd.read_csv(directory / "design.csv")
    parameters = [c for c in design.columns if c != "run_id"]
    rows = []
    for record in design.itertuples(index=False):
        summary = json.loads((directory / "runs" / record.run_id / "summary.json").read_text())
        rows.append({"source": source,
                     "group": ", ".join(f"{p}={v}" for p, v in zip(parameters, record[1:])),
                     "run_id": record.run_id, "seed": summary["seed"], "step": summary["steps"] - 1,
                     "period": summary["last_period"], "iotf_share": summary["iotf_revenue_share"]["YRD"]})
    return pd.DataFrame(rows)


def summarise(stacked):
    """Mean, sd, n and the 95% interval of the mean over seeds, per source, group and quarter."""
    out = (stacked.groupby(["source", "group", "step", "period"], sort=False)["iotf_share"]
           .agg(["mean", "std", "count"]).reset_index().rename(columns={"std": "sd", "count": "n"}))
    half = out.apply(lambda r: t975(int(r["n"])) * r["sd"] / math.sqrt(r["n"]), axis=1)
    out["ci95_low"] = out["mean"] - half
    out["ci95_high"] = out["mean"] + half
    return out


def plot(summary, target):
    """One panel per source: the mean IotF share (in percent, as the charts show shares) and its
    95% band, one line per group. Returns False when matplotlib is not installed."""
    try:
        import matplotlib
        matplotlib.use("Agg")  # no display needed
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    plt.rcParams["font.family"] = "serif"  # a capital I with serifs: "IotF", not "lotF"
    sources = list(summary["source"].unique())
    fig, axes = plt.subplots(1, len(sources), figsize=(6 * len(sources), 4), squeeze=False)
    for ax, source in zip(axes[0], sources):
        part = summary[summary["source"] == source]
        for group, g in part.groupby("group", sort=False):
            ax.plot(g["step"], 100 * g["mean"], label=group, marker="o" if len(g) == 1 else None)
            ax.fill_between(g["step"], 100 * g["ci95_low"].fillna(g["mean"]),
                            100 * g["ci95_high"].fillna(g["mean"]), alpha=0.2)
        ticks = part.drop_duplicates("step")
        every = max(1, len(ticks) // 6)
        ax.set_xticks(ticks["step"][::every])
        ax.set_xticklabels(ticks["period"][::every])
        ax.set_ylim(bottom=0)
        ax.set_title(f"{source}: IotF share of the delta's revenue")
        ax.set_xlabel("quarter")
        ax.set_ylabel("IotF share (%), mean and 95% interval over seeds")
        ax.legend(fontsize="small")
    fig.tight_layout()
    fig.savefig(target, dpi=100)
    return True


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("comparison", help="a directory written by yrdsim compare")
    parser.add_argument("sweep", help="a directory written by yrdsim sweep (with --keep series for time series)")
    parser.add_argument("--out", default=".", help="where to write iotf-share.csv and iotf-share.png")
    args = parser.parse_args(argv)

    parts = []
    comparison = provinces(args.comparison)
    if comparison is None:
        sys.exit(f"{args.comparison}: no timeseries/provinces.csv and no runs/*/provinces.csv")
    parts.append(groups(delta_share(comparison), "comparison"))
    sweep = provinces(args.sweep)
    parts.append(groups(delta_share(sweep), "sweep") if sweep is not None else final_shares(args.sweep, "sweep"))
    stacked = pd.concat(parts, ignore_index=True)

    summary = summarise(stacked)
    os.makedirs(args.out, exist_ok=True)
    summary.to_csv(Path(args.out) / "iotf-share.csv", index=False)
    last = summary.sort_values("step").groupby(["source", "group"], sort=False).tail(1)
    for r in last.itertuples(index=False):
        print(f"{r.source:10} {r.group:50} {r.period}: {100 * r.mean:6.3f}% "
              f"[{100 * r.ci95_low:6.3f}, {100 * r.ci95_high:6.3f}] over {r.n} seeds")
    if plot(summary, Path(args.out) / "iotf-share.png"):
        print(f"wrote {Path(args.out) / 'iotf-share.csv'} and {Path(args.out) / 'iotf-share.png'}")
    else:
        print(f"wrote {Path(args.out) / 'iotf-share.csv'} (install matplotlib for the chart)")


if __name__ == "__main__":
    main(sys.argv[1:])
