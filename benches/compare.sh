#!/usr/bin/env bash
# Side-by-side benchmark of `due` and remind(1) on synthetic registries.
#
#   benches/compare.sh                 # N = 1000 10000 100000, writes BENCHMARKS.md
#   SIZES="1000 10000" benches/compare.sh
#
# For each N, `examples/synth.rs` writes a registry and the same deadlines as a remind file
# into a temporary directory; hyperfine then times
#
#   due --registry DIR/registry.toml --today 2026-11-28 --next 90d --format json
#       first run: the registry has just changed (hyperfine --prepare rewrites it)
#       second run: the same registry again
#   remind -n DIR/reminders.rem 2026-11-28       next occurrence of every reminder
#   remind -s+13 DIR/reminders.rem 2026-11-28    the 13 weeks (91 days) from that week
#
# and /usr/bin/time -v measures peak memory. It also times `cat obligations.toml` against
# `due --next 90d` on the embedded registry. Hyperfine JSON goes to $OUT (default
# target/bench); the summary table goes to BENCHMARKS.md (or $REPORT).
#
# Installs nothing. Needs hyperfine, remind and GNU time (/usr/bin/time).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SIZES=${SIZES:-"1000 10000 100000"}
TODAY=${TODAY:-2026-11-28}
OUT=${OUT:-$ROOT/target/bench}
REPORT=${REPORT:-$ROOT/BENCHMARKS.md}
SEED=${SEED:-1}
ROUNDS=${ROUNDS:-5}

missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v remind >/dev/null || missing+=(remind)
[ -x /usr/bin/time ] || missing+=(time)
command -v cargo >/dev/null || { echo "compare.sh: cargo is not on PATH" >&2; exit 2; }
if [ ${#missing[@]} -gt 0 ]; then
    echo "compare.sh: missing ${missing[*]}; on Debian or Ubuntu:" >&2
    echo "    sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 2
fi

cd "$ROOT"
echo "== building due and the generator (release)" >&2
cargo build --release --quiet --bin due --example synth
DUE=$ROOT/target/release/due
SYNTH=$ROOT/target/release/examples/synth

WORK=$(mktemp -d "${TMPDIR:-/tmp}/due-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"
# No user registry or ledger may leak into the runs.
export HOME=$WORK/home XDG_CONFIG_HOME=$WORK/home/.config XDG_CACHE_HOME=$WORK/home/.cache
mkdir -p "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
unset DUE_REGISTRY DUE_LEDGER DUE_TODAY

# median_ms JSON...: the median of every run timed in the given hyperfine JSON exports (one
# command each), in ms.
median_ms() {
    awk '/"times": *\[/ { on = 1; next } on && /\]/ { on = 0 } on { gsub(/[ ,]/, ""); print }' "$@" |
        sort -g | awk '{ t[NR] = $1 } END {
            if (NR == 0) { print "n/a"; exit }
            m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
            printf "%.1f", m * 1000 }'
}

# peak_mib CMD...: peak resident set size of one run, in MiB.
peak_mib() {
    /usr/bin/time -v "$@" >/dev/null 2>"$WORK/time.txt" || true
    awk -F': *' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$WORK/time.txt"
}

# bench NAME RUNS CMD [hyperfine options...]: hyperfine one command, export JSON.
bench() {
    local name=$1 runs=$2 cmd=$3
    shift 3
    hyperfine --style basic -N --runs "$runs" "$@" \
        --export-json "$OUT/$name.json" "$cmd" >&2
}

rows=()
for n in $SIZES; do
    dir=$WORK/n$n
    echo "== N = $n" >&2
    "$SYNTH" --obligations "$n" --seed "$SEED" --out "$dir"
    cp "$dir/registry.toml" "$dir/registry.base"
    reg=$dir/registry.toml rem=$dir/reminders.rem
    due_cmd="$DUE --registry $reg --today $TODAY --next 90d --format json"
    # A changed registry: restore it and append a unique comment, so both its time stamp
    # and its content change before every run.
    touch_reg="sh -c 'cp $dir/registry.base $reg && date +%s%N | sed s/^/#/ >> $reg'"
    # The machine's speed drifts (other tenants, clock changes) over the minutes a size
    # takes, so due and remind take turns, ROUNDS times, and each median is over all the
    # runs of its command. Short runs vary more: more of them.
    if [ "$n" -ge 100000 ]; then fast=2 slow=3; elif [ "$n" -ge 10000 ]; then fast=6 slow=5; else fast=20 slow=5; fi
    rm -f "$OUT"/*-"$n"-r*.json
    for round in $(seq "$ROUNDS"); do
        bench "due-first-$n-r$round" "$fast" "$due_cmd" --prepare "$touch_reg"
        sh -c "cp $dir/registry.base $reg"
        bench "due-second-$n-r$round" "$fast" "$due_cmd" --warmup 2
        bench "remind-n-$n-r$round" "$fast" "remind -n $rem $TODAY" --warmup 1
    done
    bench "remind-s13-$n" "$slow" "remind -s+13 $rem $TODAY"

    sh -c "cp $dir/registry.base $reg && date +%s%N | sed s/^/#/ >> $reg"
    rss_first=$(peak_mib $due_cmd)
    rss_second=$(peak_mib $due_cmd)
    rss_rn=$(peak_mib remind -n "$rem" "$TODAY")
    rss_rs=$(peak_mib remind -s+13 "$rem" "$TODAY")

    m_first=$(median_ms "$OUT"/due-first-"$n"-r*.json)
    m_second=$(median_ms "$OUT"/due-second-"$n"-r*.json)
    m_rn=$(median_ms "$OUT"/remind-n-"$n"-r*.json)
    m_rs=$(median_ms "$OUT/remind-s13-$n.json")
    ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3g", a / b; else print "n/a" }'; }
    reg_kib=$(( $(stat -c %s "$dir/registry.base") / 1024 ))
    rem_kib=$(( $(stat -c %s "$rem") / 1024 ))
    rem_lines=$(grep -c '^REM' "$rem")
    rows+=("| $n | $reg_kib KiB / $rem_kib KiB ($rem_lines REM) | $m_first | $m_second | $m_rn | $m_rs | $(ratio "$m_first" "$m_rn") | $(ratio "$m_second" "$m_rn") | $(ratio "$m_second" "$m_rs") | $rss_first / $rss_second | $rss_rn / $rss_rs |")
done

echo "== embedded registry" >&2
cat_cmd="cat $ROOT/obligations.toml"
emb_cmd="$DUE --today $TODAY --next 90d"
bench "embedded-cat" 50 "$cat_cmd" --warmup 3
bench "embedded-due" 50 "$emb_cmd" --warmup 3
m_cat=$(median_ms "$OUT/embedded-cat.json")
m_emb=$(median_ms "$OUT/embedded-due.json")
rss_emb=$(peak_mib $emb_cmd)

model=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)
# Before the report is opened, which would make the tree look changed.
version=$(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown)
{
    echo "# Benchmarks"
    echo
    echo "\`due\` against remind(1) on synthetic registries written by \`examples/synth.rs\`"
    echo "(seed $SEED, roll \`none\`): the same deadlines in \`registry.toml\` and \`reminders.rem\`."
    echo "Written by \`benches/compare.sh\` on $(date -u +%Y-%m-%d)."
    echo
    echo "Machine: ${model:-unknown CPU}, $(nproc) CPUs, $(uname -sr)."
    echo "Versions: due $version," \
        "$(remind -h 2>&1 | sed -n 's/^\(REMIND [0-9.]*\).*/\1/p' | head -1)," \
        "$(hyperfine --version)."
    echo
    echo "Command: \`SIZES=\"$SIZES\" benches/compare.sh\`. Timed commands (\`--today $TODAY\`):"
    echo
    echo "- due: \`due --registry DIR/registry.toml --today $TODAY --next 90d --format json\`;"
    echo "  first run: \`--prepare\` rewrites the registry (new content and time stamp) before"
    echo "  every run; second run: the registry unchanged, after two warm-up runs;"
    echo "- due's first and second runs and \`remind -n\` take turns, $ROUNDS rounds of each, so"
    echo "  that a drift in the machine's speed falls on all three alike; each median is over"
    echo "  all the runs of its command;"
    echo "- remind -n: \`remind -n DIR/reminders.rem $TODAY\` (the next occurrence of every"
    echo "  reminder: no window, so it answers a wider question than due's 90 days; and remind"
    echo "  04.02 ignores \`UNTIL\` there and misses \`REM 1 --11 OMIT Sat Sun AFTER\`, so it is"
    echo "  shown for speed only: \`tests/differential_remind.rs\` uses remind's calendar);"
    echo "- remind -s+13: \`remind -s+13 DIR/reminders.rem $TODAY\` (simple calendar of the 13"
    echo "  weeks from that week: the nearest remind has to a 90-day window)."
    echo
    echo "Medians in milliseconds (hyperfine, \`-N\`, no shell); peak RSS in MiB"
    echo "(\`/usr/bin/time -v\`, one run). Ratios are due's time over remind's."
    echo
    echo "| N | registry / reminders | due 1st (ms) | due 2nd (ms) | remind -n (ms) | remind -s+13 (ms) | 1st / remind -n | 2nd / remind -n | 2nd / remind -s+13 | due RSS 1st / 2nd | remind RSS -n / -s+13 |"
    echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "Embedded registry (\`obligations.toml\`, built into the binary):"
    echo
    echo "| command | median (ms) | peak RSS (MiB) |"
    echo "|---|---:|---:|"
    echo "| \`cat obligations.toml\` | $m_cat | $(peak_mib cat "$ROOT/obligations.toml") |"
    echo "| \`due --today $TODAY --next 90d\` | $m_emb | $rss_emb |"
    echo
    echo "Hyperfine JSON exports: \`${OUT#"$ROOT"/}/*.json\`."
} >"$REPORT"
echo "== wrote $REPORT" >&2
