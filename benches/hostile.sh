#!/usr/bin/env bash
# Whole-process runs of the hostile inputs: `status` over N obligations with N completions,
# a ledger of 100,000 records, and every command with a title of a million characters.
# Prints one line per run: wall seconds, CPU seconds (user + system), peak RSS in MiB.
# Usage: benches/hostile.sh [DUE] (default: target/release/due, built if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
due=${1:-target/release/due}
[ -x "$due" ] || cargo build --release --locked
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

python3 - "$dir" <<'EOF'
import sys
d = sys.argv[1]
def registry(n, title="Report"):
    out = ['schema = 1\ntimezone = "UTC"\ntracking_since = 2026-01-01\n']
    for i in range(n):
        t = title if i == 0 else "Report"
        out.append(f'\n[[obligation]]\nid = "o{i}"\ntitle = "{t} {i}"\nevery = "year"\n'
                   f'due = "{1 + i % 12:02d}-{1 + i % 28:02d}"\n')
    return "".join(out)
def ledger(n):
    return "".join(
        f'\n[[record]]\nid = "o{i}"\nperiod = "2026"\naction = "done"\n'
        f'on = 2026-{1 + i % 12:02d}-{1 + i % 28:02d}\nrecorded_at = 2026-12-01T10:00:00Z\nby = "ana"\n'
        for i in range(n))
for n in (20000, 100000):
    open(f"{d}/registry-{n}.toml", "w").write(registry(n))
    open(f"{d}/ledger-{n}.toml", "w").write(ledger(n))
open(f"{d}/huge.toml", "w").write(registry(3, "word " * 200000))
open(f"{d}/tiny.toml", "w").write("schema = 1\n")
open(f"{d}/empty.toml", "w").write("")
EOF

run() {
    local label=$1
    shift
    /usr/bin/time -f "%e %U %S %M" -o "$dir/time" "$due" --today 2027-03-01 "$@" >/dev/null || true
    read -r wall user sys kib <"$dir/time"
    printf '%-52s %6.2f s wall %6.2f s cpu %7.1f MiB\n' "$label" "$wall" \
        "$(echo "$user + $sys" | bc)" "$(echo "scale=1; $kib / 1024" | bc)"
}

for n in 20000 100000; do
    run "status, $n obligations, $n completions" \
        --registry "$dir/registry-$n.toml" --ledger "$dir/ledger-$n.toml" status
    run "status, $n obligations, no completion" \
        --registry "$dir/registry-$n.toml" --ledger "$dir/empty.toml" status
done
run "ledger of 100000 records read (overdue, empty registry)" \
    --registry "$dir/tiny.toml" --ledger "$dir/ledger-100000.toml" overdue
run "validate, 100000 obligations and records" \
    --registry "$dir/registry-100000.toml" --ledger "$dir/ledger-100000.toml" validate
for args in "--next 30d" "list" "show o0" "status" "ics" "remind" "history" \
    "--format json" "--format md" "--format csv"; do
    # shellcheck disable=SC2086 # the arguments are split on purpose
    COLUMNS=100 run "1 MB title: due $args" --registry "$dir/huge.toml" --ledger "$dir/empty.toml" $args
done
