#!/usr/bin/env python3
"""A plain-profile registry and the same deadlines as a remind file, written with choices
examples/synth.rs does not make, so that the speed of `due` is also measured on data its own
generator did not shape. Usage: plain_other.py N DIR [SEED]; see BENCHMARKS.md."""
import random, sys, os
n = int(sys.argv[1]); out = sys.argv[2]; rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
os.makedirs(out, exist_ok=True)
words = "budget audit staffing gender cyber spectrum satellite standards outreach training accessibility climate emergency youth statistics".split()
owners = ["BDT", "TSB", "BR", "SPM", "Finance", "HR Department", "Legal"]
tos = ["Council", "CWG-FHR", "ECOSOC", "UNGA", "Member States", "PP"]
mon = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
reg = ['title = "Independent plain registry"', 'timezone = "UTC"', 'tracking_since = 2026-06-01', 'schema = 1', '']
rem = []
for i in range(n):
    w = rnd.sample(words, 2)
    oid = f"{w[0]}-{w[1]}-{i:06d}"
    title = f"Report on {w[0]} and {w[1]} #{i}"
    lead = rnd.randint(7, 60)
    k = rnd.random()
    lines = ['[[obligation]]', f'id = "{oid}"']
    if rnd.random() < 0.5:
        lines.append(f'title = "{title}"')
    else:
        lines.append(f'title = {{ en = "{title}", fr = "Rapport sur {w[0]} et {w[1]} nº {i}" }}')
    lines.append(f'owner = "{rnd.choice(owners)}"')
    lines.append(f'to = "{rnd.choice(tos)}"')
    lines.append(f'mandate = "Decision {rnd.randint(500, 700)}"')
    if k < 0.35:
        y = rnd.randint(2024, 2028); m = rnd.randint(1, 12); d = rnd.randint(1, 28)
        lines.append(f'due = "{y}-{m:02d}-{d:02d}"'); rem.append(f"REM {y}-{m:02d}-{d:02d} MSG {oid}")
    elif k < 0.7:
        if rnd.random() < 0.05: m, d = 2, 29
        else: m = rnd.randint(1, 12); d = rnd.randint(1, 28)
        lines.append('every = "year"'); lines.append(f'due = "{m:02d}-{d:02d}"'); rem.append(f"REM {mon[m-1]} {d} MSG {oid}")
    else:
        d = rnd.randint(1, 31)
        lines.append('every = "month"'); lines.append(f'due = "{d}"'); rem.append(f"REM {d} MSG {oid}")
    lines.append(f'lead = "{lead}d"')
    reg += lines + ['']
open(f"{out}/registry.toml", "w").write("\n".join(reg))
open(f"{out}/reminders.rem", "w").write("\n".join(rem) + "\n")
