#!/usr/bin/env bash
# Builds of due against remind on registries benches/plain_other.py writes (data examples/synth.rs
# did not shape), taking turns so that a drift in the machine's speed falls on all alike.
#
#   benches/other.sh N DIR DUE [DUE...]
#
# Writes the variants into DIR (once) and prints a Markdown table: wall-clock medians in ms,
# each build's ratio to remind's pipeline, the rows due lists and due's peak RSS (of the last
# build). ROUNDS (default 3) rounds of RUNS (default 5) runs each; VARIANTS picks some of
# `asis recent dotted bare bare6`.
set -euo pipefail
N=$1; DIR=$2; shift 2
ROUNDS=${ROUNDS:-3}; RUNS=${RUNS:-5}; VARIANTS=${VARIANTS:-"asis recent dotted bare bare6"}
HERE=$(cd "$(dirname "$0")" && pwd)
TODAY=2026-12-02; LAST=2027/03/02
mkdir -p "$DIR"
if [ ! -f "$DIR/asis.toml" ]; then
  python3 "$HERE/plain_other.py" "$N" "$DIR" >/dev/null
  mv "$DIR/registry.toml" "$DIR/asis.toml"
  # recent: `tracking_since` a month back; dotted: titles as `title.en`/`title.fr` lines;
  # bare: without owner, recipient and mandate; bare6: bare, six months back (as written).
  sed -e 's/^tracking_since = .*/tracking_since = 2026-11-05/' "$DIR/asis.toml" > "$DIR/recent.toml"
  python3 - "$DIR" <<'PY'
import re, sys
d = sys.argv[1]
src = open(d + '/recent.toml').read()
dotted = re.sub(r'^title = \{ en = (".*?"), fr = (".*?") \}$', r'title.en = \1\ntitle.fr = \2', src, flags=re.M)
open(d + '/dotted.toml', 'w').write(dotted)
bare = '\n'.join(l for l in dotted.split('\n') if not l.startswith(('owner =', 'to =', 'mandate =')))
open(d + '/bare.toml', 'w').write(bare)
open(d + '/bare6.toml', 'w').write(bare.replace('tracking_since = 2026-11-05', 'tracking_since = 2026-06-01'))
PY
  printf '#!/bin/sh\nremind -n %s %s | awk %s | sort\n' "$DIR/reminders.rem" "$TODAY" "'\$1 <= \"$LAST\"'" > "$DIR/remind.sh"
  chmod +x "$DIR/remind.sh"
fi
builds=("$@")
printf '| registry |'; for b in "${builds[@]}"; do printf ' %s (ms) |' "$b"; done
printf ' remind (ms) |'; for b in "${builds[@]}"; do printf ' %s / remind |' "$b"; done; printf ' rows | peak RSS (MiB) |\n'
printf '|---|'; for _ in "${builds[@]}" "${builds[@]}"; do printf -- '---:|'; done; printf -- '---:|---:|---:|\n'
for v in $VARIANTS; do
  for r in $(seq "$ROUNDS"); do
    k=0
    for b in "${builds[@]}"; do
      hyperfine --style none -N -w 1 -r "$RUNS" --export-json "$DIR/$v.$k.$r.json" \
        "$b --registry $DIR/$v.toml --today $TODAY --next 90d --format json" >/dev/null 2>&1
      k=$((k + 1))
    done
    hyperfine --style none -N -w 1 -r "$RUNS" --export-json "$DIR/$v.rem.$r.json" "$DIR/remind.sh" >/dev/null 2>&1
  done
  last=${builds[-1]}
  rows=$("$last" --registry "$DIR/$v.toml" --today $TODAY --next 90d --format json | grep -c '^{' || true)
  rss=$( { /usr/bin/time -f %M "$last" --registry "$DIR/$v.toml" --today $TODAY --next 90d --format json >/dev/null; } 2>&1 )
  python3 - "$DIR" "$v" "$ROUNDS" "${#builds[@]}" "$rows" "$rss" <<'PY'
import json, statistics, sys
d, v, rounds, builds, rows, rss = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], int(sys.argv[6])
def median(k):
    return statistics.median(t for r in range(1, rounds + 1) for t in json.load(open(f"{d}/{v}.{k}.{r}.json"))['results'][0]['times']) * 1000
due = [median(k) for k in range(builds)]
rem = median('rem')
cells = [f"{t:.1f}" for t in due] + [f"{rem:.1f}"] + [f"{t / rem:.2f}" for t in due] + [rows, f"{rss / 1024:.1f}"]
print(f"| {v} | " + " | ".join(cells) + " |")
PY
done
