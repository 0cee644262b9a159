#!/usr/bin/python3
"""Reference for `mailwright-cli experiment report`, computed from the raw CSV with
NumPy, SciPy and statsmodels (Debian's /usr/bin/python3), independently of Mailwright.

  reference_report.py report --csv F --name N --arm-column C --control A --metrics m1,m2
                             [--covariate X] [--id-column I] [--weights A=W,...] [--cuped]
      prints the report JSON (same shape as CONTRACT.md's) on stdout.
  reference_report.py generate --kind KIND --out F
      writes one of the synthetic test datasets and prints the import arguments as JSON.

Where each number comes from:
  mean, variance, sum     numpy (mean, var(ddof=1), sum) over the arm's non-missing values
  abs_diff, ci95_abs      statsmodels CompareMeans(...).zconfint_diff(usevar="unequal")
  p_value                 statsmodels CompareMeans(...).ztest_ind(usevar="unequal")
  se                      statsmodels CompareMeans(...).std_meandiff_separatevar
  chance_to_beat          scipy.stats.norm.cdf(abs_diff / se)
  rel_lift, ci95_rel      the delta-method formula of CONTRACT.md, z = scipy.stats.norm.ppf
  p_adjusted              statsmodels multipletests(method="holm") over every comparison
                          with a defined p-value (CUPED comparisons: a family of their own)
  srm                     scipy.stats.chisquare(observed, expected counts)
  cuped theta             numpy.cov(x, y)[0, 1] / numpy.var(x, ddof=1) over all units
Edge cases (where the libraries would divide by zero) follow CONTRACT.md's formulas taken
literally, written out here: n < 2 -> variance and everything built on se is null;
se == 0 -> the interval is the point, p = 0 and chance_to_beat 0/1 when abs_diff != 0,
both null when abs_diff == 0; control mean 0 -> rel_lift, se_rel, ci95_rel null.
"""
import argparse
import csv
import json
import math
import random
import sys
import warnings

import numpy as np
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW

Z = stats.norm.ppf(0.975)


def num(v):
    return None if v is None or (isinstance(v, float) and not math.isfinite(v)) else float(v)


def summary(values):
    a = np.asarray(values, dtype=float)
    n = len(a)
    return {"n": n,
            "mean": float(np.mean(a)) if n else None,
            "variance": float(np.var(a, ddof=1)) if n >= 2 else None,
            "sum": float(np.sum(a)) if n else 0.0}


def compare(t, c):
    """t and c: arrays of the treatment's and the control's values."""
    t = np.asarray(t, dtype=float)
    c = np.asarray(c, dtype=float)
    out = dict.fromkeys(["abs_diff", "se", "ci95_abs", "rel_lift", "se_rel", "ci95_rel",
                         "p_value", "p_adjusted", "chance_to_beat", "incremental"])
    if len(t) == 0 or len(c) == 0:
        out["ci95_abs"] = out["ci95_rel"] = [None, None]
        return out
    mt, mc = float(np.mean(t)), float(np.mean(c))
    d = mt - mc
    out["abs_diff"] = d
    out["incremental"] = d * len(t)
    if len(t) >= 2 and len(c) >= 2:
        vt, vc = float(np.var(t, ddof=1)), float(np.var(c, ddof=1))
        if vt == 0 and vc == 0:
            out["se"] = 0.0
            out["ci95_abs"] = [d, d]
            if d != 0:
                out["p_value"] = 0.0
                out["chance_to_beat"] = 1.0 if d > 0 else 0.0
        else:
            cm = CompareMeans(DescrStatsW(t), DescrStatsW(c))
            se = float(cm.std_meandiff_separatevar)
            low, high = cm.zconfint_diff(alpha=0.05, usevar="unequal")
            _, p = cm.ztest_ind(usevar="unequal")
            out["se"] = se
            out["ci95_abs"] = [float(low), float(high)]
            out["p_value"] = float(p)
            out["chance_to_beat"] = float(stats.norm.cdf(d / se))
    else:
        vt = vc = None
        out["ci95_abs"] = [None, None]
    if mc != 0:
        out["rel_lift"] = d / mc
        if vt is not None:
            se_rel = math.sqrt(vt / (len(t) * mc**2) + mt**2 * vc / (len(c) * mc**4))
            out["se_rel"] = se_rel
            out["ci95_rel"] = [d / mc - Z * se_rel, d / mc + Z * se_rel]
        else:
            out["ci95_rel"] = [None, None]
    else:
        out["ci95_rel"] = [None, None]
    return out


def holm(comparisons):
    family = [c for c in comparisons if c["p_value"] is not None]
    if family:
        _, adjusted, _, _ = multipletests([c["p_value"] for c in family], method="holm")
        for c, p in zip(family, adjusted):
            c["p_adjusted"] = float(p)


def report(args):
    with open(args.csv, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = [h.strip() for h in rows[0]]
    col = {h.lower(): i for i, h in enumerate(header)}
    arm_col = col[args.arm_column.lower()]
    metrics = [header[col[m.strip().lower()]] for m in args.metrics.split(",")]
    mcols = [col[m.lower()] for m in metrics]
    xcol = col[args.covariate.lower()] if args.covariate else None
    arms, units = [], []
    for r in rows[1:]:
        if not any(r):
            continue
        arm = r[arm_col].strip()
        if arm not in arms:
            arms.append(arm)
        units.append((arm, [float(r[i]) if r[i].strip() else None for i in mcols],
                      float(r[xcol]) if xcol is not None else None))
    control = args.control
    arms.remove(control)
    arms.insert(0, control)
    weights = {a: 1.0 for a in arms}
    if args.weights:
        for item in args.weights.split(","):
            a, w = item.rsplit("=", 1)
            weights[a.strip()] = float(w)
    observed = [sum(1 for u in units if u[0] == a) for a in arms]
    total_w = sum(weights[a] for a in arms)
    shares = [weights[a] / total_w for a in arms]
    chi2, p = stats.chisquare(observed, [sum(observed) * s for s in shares])
    out = {"experiment": args.name, "control": control, "confidence": 0.95,
           "covariate": args.covariate or None,
           "srm": {"chi2": float(chi2), "df": len(arms) - 1, "p_value": float(p),
                   "flag": bool(p < 0.001),
                   "observed": dict(zip(arms, observed)),
                   "expected_share": dict(zip(arms, shares))},
           "arms": []}
    per_arm = {a: {"name": a, "n": observed[i], "is_control": a == control,
                   "is_holdout": False, "metrics": {}} for i, a in enumerate(arms)}
    plain, adjusted = [], []
    for m, metric in enumerate(metrics):
        values = {a: [u[1][m] for u in units if u[0] == a and u[1][m] is not None] for a in arms}
        cuped_values = None
        if args.cuped and xcol is not None:
            pairs = [(u[0], u[2], u[1][m]) for u in units if u[1][m] is not None]
            x = np.array([p[1] for p in pairs])
            y = np.array([p[2] for p in pairs])
            if len(x) >= 2 and np.var(x, ddof=1) > 0:
                theta = float(np.cov(x, y, ddof=1)[0, 1] / np.var(x, ddof=1))
                yp = y - theta * (x - np.mean(x))
                vy = float(np.var(y, ddof=1))
                reduction = 1 - float(np.var(yp, ddof=1)) / vy if vy > 0 else None
            else:
                theta = reduction = None
                yp = np.full(len(y), np.nan)
            cuped_values = {a: [v for p, v in zip(pairs, yp) if p[0] == a] for a in arms}
        for a in arms:
            entry = summary(values[a])
            entry["vs_control"] = None
            if a != control:
                entry["vs_control"] = compare(values[a], values[control])
                plain.append(entry["vs_control"])
            if cuped_values is not None:
                cs = summary(cuped_values[a]) if theta is not None else {
                    "n": len(cuped_values[a]), "mean": None, "variance": None, "sum": None}
                cs.update({"theta": theta, "variance_reduction": reduction, "vs_control": None})
                if a != control and theta is not None:
                    cs["vs_control"] = compare(cuped_values[a], cuped_values[control])
                    adjusted.append(cs["vs_control"])
                entry["cuped"] = cs
            per_arm[a]["metrics"][metric] = entry
    holm(plain)
    holm(adjusted)
    out["arms"] = [per_arm[a] for a in arms]
    json.dump(out, sys.stdout, indent=1)


def generate(args):
    rng = random.Random(args.kind)
    rows, extra = [], {}
    header = ["unit", "arm", "pre", "converted", "revenue", "score"]

    def unit(i, arm, p, mu, sd):
        pre = round(rng.lognormvariate(3, 1), 2)
        conv = 1 if rng.random() < p else 0
        rev = round(max(0.0, rng.gauss(mu, sd) + 0.05 * pre), 2) if conv or rng.random() < 0.3 else 0
        return [f"u{i:06d}", arm, pre, conv, rev, round(rng.gauss(10 + 0.02 * pre, 3), 4)]

    metrics = "converted,revenue,score"
    if args.kind == "unequal":  # three arms, unequal sizes, planned 1:2:1
        plan = [("control", 500, 0.10, 20, 5), ("big", 1200, 0.12, 22, 5),
                ("small", 800, 0.09, 20, 6)]
        extra["weights"] = "control=1,big=2,small=1"
    elif args.kind == "four_arms":  # four arms, some missing values, 45/45/5/5
        plan = [("A", 900, 0.2, 30, 8), ("B", 870, 0.22, 31, 8), ("C", 110, 0.25, 29, 9),
                ("D", 95, 0.18, 35, 10)]
        extra["weights"] = "A=45,B=45,C=5,D=5"
    elif args.kind == "tiny":  # arms of one and two units
        plan = [("ctl", 40, 0.3, 10, 2), ("one", 1, 0.5, 10, 2), ("two", 2, 0.5, 10, 2),
                ("mid", 30, 0.4, 12, 3)]
    elif args.kind == "degenerate":  # constant metrics, a control mean of 0
        plan = [("base", 60, 0.0, 0, 0), ("t1", 50, 0.0, 0, 0), ("t2", 55, 0.3, 5, 1)]
    else:
        raise SystemExit(f"unknown kind {args.kind}")
    i = 0
    for arm, n, p, mu, sd in plan:
        for _ in range(n):
            i += 1
            rows.append(unit(i, arm, p, mu, sd))
    rng.shuffle(rows)
    if args.kind == "four_arms":
        for r in rows[::7]:
            r[4] = ""  # revenue not recorded for every 7th unit
        for r in rows[::11]:
            r[5] = ""
    if args.kind == "degenerate":
        for r in rows:
            r[5] = 7 if r[1] == "base" else (7 if r[1] == "t1" else 9)  # se = 0 everywhere
    with open(args.out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(header)
        w.writerows(rows)
    control = plan[0][0]
    json.dump(dict({"arm_column": "arm", "control": control, "metrics": metrics,
                    "covariate": "pre", "id_column": "unit"}, **extra), sys.stdout)


def main():
    warnings.simplefilter("ignore")
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("report")
    for o in ["csv", "name", "arm-column", "control", "metrics"]:
        r.add_argument("--" + o, required=True)
    for o in ["covariate", "id-column", "weights"]:
        r.add_argument("--" + o)
    r.add_argument("--cuped", action="store_true")
    g = sub.add_parser("generate")
    g.add_argument("--kind", required=True)
    g.add_argument("--out", required=True)
    args = p.parse_args()
    report(args) if args.cmd == "report" else generate(args)


if __name__ == "__main__":
    main()
