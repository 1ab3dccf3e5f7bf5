#!/usr/bin/env bash
# Side-by-side benchmark of `due` and remind(1) on synthetic registries of both profiles.
#
#   benches/compare.sh                      # writes BENCHMARKS.md
#   SIZES="1000 10000" PROFILES=plain benches/compare.sh
#   BASE=main benches/compare.sh            # also compares outputs with another revision
#   DUE=/path/to/due benches/compare.sh     # measures that binary instead of this tree's
#   (with SYNTH=/path/to/synth too, nothing is built)
#
# For each profile (`meeting`, the generator's default, and `plain`, `synth --plain`) and
# each N, `examples/synth.rs` writes a registry and the same deadlines as a remind file into
# a temporary directory. hyperfine then times, over the same 90 days from TODAY,
#
#   due --registry DIR/registry.toml --today TODAY --next 90d --format json
#   remind -n DIR/reminders.rem TODAY | awk '$1 <= LAST' | sort
#
# due's first run follows a change to the registry (hyperfine --prepare rewrites it before
# every run); its repeated run reads the same file again. due keeps nothing between runs, so
# the two are the same work, measured twice. due and remind take turns, ROUNDS times, so that
# a drift in the machine's speed falls on both alike. /usr/bin/time -v measures peak memory,
# and valgrind's callgrind (when installed) the instructions of one run of each.
# It also times `cat obligations.toml` against `due --next 90d` on the built-in registry.
#
# With BASE set to a git revision, that revision is built in a temporary worktree and its
# output compared byte for byte with this tree's, for the built-in registry, the fixtures and
# every synthetic registry measured; a difference fails the script.
#
# Hyperfine JSON goes to $OUT (default target/bench); the report goes to BENCHMARKS.md (or
# $REPORT). Installs nothing. Needs hyperfine, remind, awk, sort and GNU time
# (/usr/bin/time; Debian: apt-get install time).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SIZES=${SIZES:-"1000 10000 100000"}
PROFILES=${PROFILES:-"meeting plain"}
TODAY=${TODAY:-2026-11-28}
OUT=${OUT:-$ROOT/target/bench}
REPORT=${REPORT:-$ROOT/BENCHMARKS.md}
SEED=${SEED:-1}
ROUNDS=${ROUNDS:-5}
BASE=${BASE:-}

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
if [ -z "${DUE:-}" ] || [ -z "${SYNTH:-}" ]; then
    echo "== building due and the generator (release)" >&2
    cargo build --release --quiet --bin due --example synth
fi
DUE=${DUE:-$ROOT/target/release/due}
SYNTH=${SYNTH:-$ROOT/target/release/examples/synth}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/due-bench.XXXXXX")
cleanup() {
    [ -z "$BASE" ] || git -C "$ROOT" worktree remove --force "$WORK/base" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$OUT"
# No user registry, ledger or cache may leak into the runs; cargo and rustup, which building
# BASE needs, keep finding their own homes.
export RUSTUP_HOME=${RUSTUP_HOME:-$HOME/.rustup} CARGO_HOME=${CARGO_HOME:-$HOME/.cargo}
export HOME=$WORK/home XDG_CONFIG_HOME=$WORK/home/.config XDG_CACHE_HOME=$WORK/home/.cache
export XDG_DATA_HOME=$WORK/home/.local/share
mkdir -p "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME"
unset DUE_REGISTRY DUE_LEDGER DUE_TODAY

if [ -n "$BASE" ]; then
    echo "== building $BASE (release) for the output comparison" >&2
    git -C "$ROOT" worktree add --detach --quiet "$WORK/base" "$BASE"
    CARGO_TARGET_DIR=$ROOT/target/base cargo build --release --quiet \
        --manifest-path "$WORK/base/Cargo.toml" --bin due
    BASE_DUE=$ROOT/target/base/release/due
fi

# same_output REGISTRY-ARGS...: this tree's due and BASE's print the same bytes and exit
# alike for a few questions about a registry.
compared=0
same_output() {
    [ -n "$BASE" ] || return 0
    local args
    for args in "--next 90d --format json" "--until 2028-12-31 --format json" \
        "list" "status" "meetings" "--next 400d --format csv" "validate"; do
        # shellcheck disable=SC2086 # the questions are words
        local a b
        a=$("$DUE" "$@" --today "$TODAY" $args 2>&1; echo "exit $?")
        # shellcheck disable=SC2086
        b=$("$BASE_DUE" "$@" --today "$TODAY" $args 2>&1; echo "exit $?")
        if [ "$a" != "$b" ]; then
            echo "compare.sh: output differs from $BASE: due $* --today $TODAY $args" >&2
            exit 1
        fi
        compared=$((compared + 1))
    done
}

# median_ms JSON...: the median of every run timed in the given hyperfine JSON exports (one
# command each), in ms.
median_ms() {
    awk '/"times": *\[/ { on = 1; next } on && /\]/ { on = 0 } on { gsub(/[ ,]/, ""); print }' "$@" |
        sort -g | awk '{ t[NR] = $1 } END {
            if (NR == 0) { print "n/a"; exit }
            m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
            printf "%.1f", m * 1000 }'
}

# cpu_ms JSON...: the mean processor time (user + system, the children of a pipeline
# included) of the runs timed in the given hyperfine JSON exports, in ms. On a machine shared
# with other work the wall-clock times grow with the load; processor time much less.
cpu_ms() {
    awk '/"user":/ { gsub(/[ ,]/, ""); split($0, a, ":"); u += a[2] }
        /"system":/ { gsub(/[ ,]/, ""); split($0, a, ":"); s += a[2]; n++ }
        END { if (n == 0) print "n/a"; else printf "%.1f", (u + s) / n * 1000 }' "$@"
}

# peak_mib CMD...: peak resident set size of one run, in MiB (of the largest process, for a
# pipeline).
peak_mib() {
    /usr/bin/time -v "$@" >/dev/null 2>"$WORK/time.txt" || true
    awk -F': *' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$WORK/time.txt"
}

# minstr CMD...: millions of instructions one run executes, every process of a pipeline
# added up (valgrind's callgrind counts them the same on a loaded machine as on a quiet one);
# n/a without valgrind.
minstr() {
    command -v valgrind >/dev/null || { echo n/a; return; }
    rm -f "$WORK"/callgrind.*
    valgrind --tool=callgrind --trace-children=yes --callgrind-out-file="$WORK/callgrind.%p" \
        "$@" >/dev/null 2>&1 || true
    cat "$WORK"/callgrind.* 2>/dev/null |
        awk '/^summary:/ { s += $2 } END { if (s) printf "%.1f", s / 1e6; else print "n/a" }'
}

# bench NAME RUNS CMD [hyperfine options...]: hyperfine one command, export JSON.
bench() {
    local name=$1 runs=$2 cmd=$3
    shift 3
    hyperfine --style basic -N --runs "$runs" "$@" \
        --export-json "$OUT/$name.json" "$cmd" >&2
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

echo "== fixtures and the built-in registry" >&2
same_output
for fixture in "$ROOT"/tests/fixtures/*.toml; do
    same_output --registry "$fixture"
done

# remind prints dates as YYYY/MM/DD: the last day of the window, in that form.
LAST=$(date -u -d "$TODAY + 90 days" +%Y/%m/%d)
rows=()
for profile in $PROFILES; do
    flag=
    [ "$profile" = plain ] && flag=--plain
    for n in $SIZES; do
        dir=$WORK/$profile-$n
        echo "== $profile profile, N = $n" >&2
        "$SYNTH" --obligations "$n" --seed "$SEED" --out "$dir" $flag
        cp "$dir/registry.toml" "$dir/registry.base"
        reg=$dir/registry.toml rem=$dir/reminders.rem
        same_output --registry "$reg"
        due_cmd="$DUE --registry $reg --today $TODAY --next 90d --format json"
        # The same question put to remind: every reminder's next date, cut at the window's
        # end and sorted by date.
        printf '#!/bin/sh\nremind -n %s %s | awk %s | sort\n' "$rem" "$TODAY" \
            "'\$1 <= \"$LAST\"'" >"$dir/remind.sh"
        rem_cmd="sh $dir/remind.sh"
        # A changed registry: restore it and append a unique comment, so both its time stamp
        # and its content change before every run.
        touch_reg="sh -c 'cp $dir/registry.base $reg && date +%s%N | sed s/^/#/ >> $reg'"
        # Short runs vary more: more of them.
        if [ "$n" -ge 100000 ]; then runs=2; elif [ "$n" -ge 10000 ]; then runs=6; else runs=20; fi
        key=$profile-$n
        rm -f "$OUT"/*-"$key"-r*.json
        for round in $(seq "$ROUNDS"); do
            bench "due-first-$key-r$round" "$runs" "$due_cmd" --prepare "$touch_reg"
            sh -c "cp $dir/registry.base $reg"
            bench "due-again-$key-r$round" "$runs" "$due_cmd" --warmup 1
            bench "remind-$key-r$round" "$runs" "$rem_cmd" --warmup 1
        done

        rss_due=$(peak_mib $due_cmd)
        rss_rem=$(peak_mib sh "$dir/remind.sh")
        i_due=$(minstr $due_cmd)
        i_rem=$(minstr sh "$dir/remind.sh")
        m_first=$(median_ms "$OUT"/due-first-"$key"-r*.json)
        m_again=$(median_ms "$OUT"/due-again-"$key"-r*.json)
        m_rem=$(median_ms "$OUT"/remind-"$key"-r*.json)
        c_due=$(cpu_ms "$OUT"/due-first-"$key"-r*.json "$OUT"/due-again-"$key"-r*.json)
        c_rem=$(cpu_ms "$OUT"/remind-"$key"-r*.json)
        reg_kib=$(($(stat -c %s "$dir/registry.base") / 1024))
        rem_lines=$(grep -c '^REM' "$rem")
        rows+=("| $profile | $n | $reg_kib KiB | $rem_lines | $m_first | $m_again | $m_rem | $(ratio "$m_first" "$m_rem") | $(ratio "$m_again" "$m_rem") | $c_due | $c_rem | $(ratio "$c_due" "$c_rem") | $i_due | $i_rem | $(ratio "$i_due" "$i_rem") | $rss_due | $rss_rem |")
    done
done

echo "== built-in registry" >&2
cat_cmd="cat $ROOT/obligations.toml"
emb_cmd="$DUE --today $TODAY --next 90d"
for round in $(seq "$ROUNDS"); do
    bench "embedded-cat-r$round" 20 "$cat_cmd" --warmup 3
    bench "embedded-due-r$round" 20 "$emb_cmd" --warmup 3
done
m_cat=$(median_ms "$OUT"/embedded-cat-r*.json)
m_emb=$(median_ms "$OUT"/embedded-due-r*.json)
c_cat=$(cpu_ms "$OUT"/embedded-cat-r*.json)
c_emb=$(cpu_ms "$OUT"/embedded-due-r*.json)
i_cat=$(minstr $cat_cmd)
i_emb=$(minstr $emb_cmd)

# What follows this line in an existing report (measurements written by hand) is kept.
MARK='<!-- Written by benches/compare.sh down to here; what follows is kept when it runs again. -->'
if [ -f "$REPORT" ] && grep -qxF "$MARK" "$REPORT"; then
    awk -v mark="$MARK" 'kept || $0 == mark { kept = 1; print }' "$REPORT" >"$WORK/kept.md"
else
    printf '%s\n' "$MARK" >"$WORK/kept.md"
fi

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
    echo "Machine: ${model:-unknown CPU}, $(nproc) CPUs (shared with other work), $(uname -sr)."
    echo "Versions: due $version," \
        "$(remind -h 2>&1 | sed -n 's/^\(REMIND [0-9.]*\).*/\1/p' | head -1)," \
        "$(hyperfine --version)."
    echo
    echo "Command: \`SIZES=\"$SIZES\" PROFILES=\"$PROFILES\" ROUNDS=$ROUNDS benches/compare.sh\`."
    echo "Timed commands, over the same 90 days (\`TODAY\` = $TODAY, \`LAST\` = $LAST):"
    echo
    echo "- due: \`due --registry DIR/registry.toml --today $TODAY --next 90d --format json\`;"
    echo "  first run: \`--prepare\` rewrites the registry (new content and time stamp) before"
    echo "  every run; repeated run: the same registry again. due keeps nothing between runs"
    echo "  (no cache), so both columns measure the same work;"
    echo "- remind: \`sh DIR/remind.sh\`, which runs"
    echo "  \`remind -n DIR/reminders.rem $TODAY | awk '\$1 <= \"$LAST\"' | sort\`: the next"
    echo "  date of every reminder, cut at the window's end and sorted (remind has no"
    echo "  window of its own, and \`-n\` gives one date per reminder where due lists every"
    echo "  occurrence, so remind answers a slightly smaller question);"
    echo "- profiles: \`meeting\` (synth's default: meetings, quarterly and period-edge rules,"
    echo "  several REM lines per obligation) and \`plain\` (\`synth --plain\`: one-offs,"
    echo "  yearly and monthly days, one REM line per obligation, a few more for days 29-30);"
    echo "- due and remind take turns, $ROUNDS rounds of each, so that a drift in the"
    echo "  machine's speed falls on both alike; each median is over all the runs of its"
    echo "  command."
    echo
    echo "Wall-clock medians in milliseconds (hyperfine, \`-N\`); processor time (user + system,"
    echo "mean over all runs, for remind its pipeline's three processes together) in"
    echo "milliseconds; instructions in millions (valgrind's callgrind, one run, for remind its"
    echo "pipeline's processes together); peak RSS in MiB (\`/usr/bin/time -v\`, one run; for"
    echo "remind, its largest process). Ratios are due's over remind's. When the machine is shared, wall-clock"
    echo "times grow with the load, and a pipeline of three processes gets a larger share of"
    echo "it than one process: compare the processor times then."
    echo
    echo "| profile | N | registry | REM lines | due 1st (ms) | due again (ms) | remind (ms) | 1st / remind | again / remind | due CPU (ms) | remind CPU (ms) | CPU ratio | due Minstr | remind Minstr | instr ratio | due RSS (MiB) | remind RSS (MiB) |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "Built-in registry (\`obligations.toml\`, compiled into the binary):"
    echo
    echo "| command | median (ms) | ratio to cat | CPU (ms) | CPU ratio to cat | Minstr | instr ratio to cat | peak RSS (MiB) |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    echo "| \`cat obligations.toml\` | $m_cat | 1 | $c_cat | 1 | $i_cat | 1 | $(peak_mib cat "$ROOT/obligations.toml") |"
    echo "| \`due --today $TODAY --next 90d\` | $m_emb | $(ratio "$m_emb" "$m_cat") | $c_emb | $(ratio "$c_emb" "$c_cat") | $i_emb | $(ratio "$i_emb" "$i_cat") | $(peak_mib $emb_cmd) |"
    echo
    if [ -n "$BASE" ]; then
        echo "Outputs compared byte for byte with \`$BASE\` ($(git -C "$ROOT" rev-parse --short "$BASE")):"
        echo "$compared runs (7 questions each on the built-in registry, the fixtures and every"
        echo "synthetic registry above), all identical."
        echo
    fi
    echo "Hyperfine JSON exports: \`${OUT#"$ROOT"/}/*.json\`."
    echo
    cat "$WORK/kept.md"
} >"$REPORT"
echo "== wrote $REPORT" >&2
