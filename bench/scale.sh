#!/usr/bin/env bash
# Scale benchmark: the whole pipeline on the sample company at several sizes, each step in its own
# process, with its wall time and peak RSS (/usr/bin/time -v), and how the figures grow from one size to the next.
#
#   bash bench/scale.sh                                  # 10,000 and 50,000 accounts x 24 months
#   bash bench/scale.sh --accounts 2000 --accounts 10000 # or --accounts 2000,10000
#
# Per size, in a folder of its own under the work folder:
#   1. generates the sample company (`churnwatch samples generate`, SQLite source);
#   2. ingest: `churnwatch ingest --full`, a process of its own;
#   3. train, score, signals, reports, forecast: each the scheduled job of that name, run alone. Every job is paused
#      (a paused job still runs when triggered, and a paused job holds a chain), the job is triggered with
#      `churnwatch jobs trigger NAME`, and `churnwatch run` (dashboard and /healthz off) is started, takes it, and is
#      stopped with SIGTERM once its log says the job succeeded or failed. So each figure is a whole `churnwatch run`
#      process: host start and stop (about 2 s) plus the job; "step s" is the job alone, from the store's run
#      history (whole seconds). The forecast job includes its backtest (Schedule:ForecastBacktestMonths, 24 by
#      default; 12 before 2026-12-07, in the figures of bench/README.md up to then), which trains the models again
#      for past months;
#   4. the weekly chain with the model of step 3: adds one week of usage to the source (the last 7 days of events
#      shifted by +7 days), resolves 50 open tickets, opens up to 100 and pays 50 invoices, then times an
#      incremental `churnwatch ingest`, then score, signals and reports as in step 3; "weekly chain" is their sum.
# Then it prints the machine, and per size a table (step, wall s, step s, peak RSS MiB, status), then per step the
# ratio of each figure from one size to the next.
#
# Memory guard: every process is watched (its RSS read from /proc twice a second) and killed when its RSS passes
# --max-rss-gb; the step is then reported as "over N GB" and the later steps of that size are skipped. (ulimit -v or
# prlimit --as would limit address space, which .NET reserves far beyond what it uses, and fail as an out-of-memory
# exception rather than a clear verdict.)
#
# Options (defaults in brackets):
#   --accounts N    accounts; repeatable, or a list "N,N" [10000 50000]
#   --months M      months of history [24]            --seed S      random seed [42]
#   --end DATE      exclusive end of the history, yyyy-MM-dd [the first day of the month 8 days ago, so the added
#                   week is not in the future]
#   --max-rss-gb G  stop a step whose RSS passes G GiB [20]
#   --work DIR      work folder [${TMPDIR:-/tmp}/churnwatch-scale-bench]; emptied first
#   --keep          keep the work folder (stores, logs, /usr/bin/time output) instead of deleting it on exit
#   -h, --help      this text
# Needs: bash, the .NET 10 SDK, GNU time and sqlite3 (installed with apt-get when missing; root or sudo). A
# 50,000-account company is ~67 M usage events: several GB of disk per size, up to 2.6 GB of memory per step (the
# forecast), and the training rows' temporary file (~0.1 GB) in TMPDIR.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo '?')
if [ -n "$(git status --porcelain -- src 2>/dev/null)" ]; then commit="$commit+changes"; fi

sizes=()
months=24
seed=42
end=$(date -u -d '8 days ago' +%Y-%m-01)
max_rss_gb=20
work="${TMPDIR:-/tmp}/churnwatch-scale-bench"
keep=0
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --accounts) IFS=', ' read -r -a more <<<"$2"; sizes+=("${more[@]}"); shift 2 ;;
    --months) months=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --end) end=$2; shift 2 ;;
    --max-rss-gb) max_rss_gb=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option '$1'; see --help." >&2; exit 2 ;;
  esac
done
if [ ${#sizes[@]} -eq 0 ]; then sizes=(10000 50000); fi
for n in "${sizes[@]}" "$months" "$seed" "$max_rss_gb"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "--accounts, --months, --seed and --max-rss-gb take whole numbers." >&2; exit 2; }
done
[[ "$end" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || { echo "--end takes a date, yyyy-MM-dd." >&2; exit 2; }
if ! command -v dotnet >/dev/null 2>&1; then
  echo "The benchmark needs the .NET 10 SDK ('dotnet' on PATH)." >&2
  exit 1
fi

# shellcheck source=bench/apt_install.sh
source "$repo/bench/apt_install.sh"
missing=()
if [ ! -x /usr/bin/time ]; then missing+=(time); fi
if ! command -v sqlite3 >/dev/null 2>&1; then missing+=(sqlite3); fi
if [ ${#missing[@]} -gt 0 ]; then echo "Installing ${missing[*]} (apt-get)..." >&2; apt_install "${missing[@]}"; fi

rm -rf "$work"
mkdir -p "$work"
watched=""
cleanup() {
  if [ -n "$watched" ]; then kill -KILL "$watched" 2>/dev/null || true; fi
  if [ "$keep" -eq 0 ]; then rm -rf "$work"; else echo "Kept $work" >&2; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "== Building (Release)" >&2
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build "$repo/src/Worker/ChurnWatch.Worker.csproj" -c Release -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
churnwatch="$repo/src/Worker/bin/Release/net10.0/churnwatch"
max_rss_kb=$((max_rss_gb * 1024 * 1024))
load_before=$(load)

# measure NAME DONE-PATTERN LOG COMMAND...: runs COMMAND under /usr/bin/time -v (standard output and error to LOG),
# watching its RSS. With a DONE-PATTERN (for `churnwatch run`), sends it SIGTERM once LOG matches the pattern.
# Sets m_wall (s), m_rss (MiB) and m_status (exit code, or "over N GB").
measure() {
  local name=$1 done_pattern=$2 log=$3; shift 3
  local t0 tpid child="" rss over=0 stopping=0 rc
  t0=$(now)
  /usr/bin/time -v -o "$dir/$name.time" "$@" >"$log" 2>&1 &
  tpid=$!
  watched=$tpid
  while kill -0 "$tpid" 2>/dev/null; do
    [ -n "$child" ] || child=$(pgrep -P "$tpid" | head -n 1 || true)
    if [ -n "$child" ]; then
      rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$child/status" 2>/dev/null || true)
      if [ -n "$rss" ] && [ "$rss" -gt "$max_rss_kb" ]; then
        kill -KILL "$child" 2>/dev/null || true; over=1; break
      fi
      if [ -n "$done_pattern" ] && [ "$stopping" -eq 0 ] && grep -qE "$done_pattern" "$log"; then
        kill -TERM "$child" 2>/dev/null || true; stopping=1
      fi
    fi
    sleep 0.5
  done
  rc=0; wait "$tpid" || rc=$?
  watched=""
  m_wall=$(seconds "$t0" "$(now)")
  m_rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$dir/$name.time" 2>/dev/null || true)
  if [ "$over" -eq 1 ]; then m_status="over $max_rss_gb GB"; m_rss=">$((max_rss_gb * 1024))"; else m_status="exit $rc"; fi
}

# A job of `churnwatch run`, alone: trigger it, run a node until the job ends, stop the node.
run_job() {
  local name=$1 job=$2 status
  "$churnwatch" jobs trigger "$job" >>"$dir/jobs.log" 2>&1
  measure "$name" "Job $job (succeeded|failed)" "$dir/$name.log" "$churnwatch" run
  status=$(sqlite3 "$dir/data/churnwatch.db" "SELECT status || '|' || (strftime('%s', finished_at) - strftime('%s', started_at)) FROM job_runs WHERE job = '$job' ORDER BY run_id DESC LIMIT 1" 2>/dev/null || true)
  m_step=${status#*|}
  if [[ "$m_status" == exit* ]]; then m_status="${status%%|*}${status:+, }$m_status"; fi
}

declare -A wall step rss state
steps=(generate ingest train score signals reports forecast week-ingest week-score week-signals week-reports)
record() { wall[$1,$2]=$m_wall; step[$1,$2]=${m_step:-}; rss[$1,$2]=$m_rss; state[$1,$2]=$m_status; }
ok() { [[ "$m_status" == "exit 0" || "$m_status" == "succeeded, exit 0" ]]; }

for n in "${sizes[@]}"; do
  dir="$work/$n"
  mkdir -p "$dir/data" "$dir/out" "$dir/run"
  # churnwatch runs in its own folder: no appsettings.json of the repository applies.
  cd "$dir/run"
  export CHURNWATCH__Store__DataFolder="$dir/data" CHURNWATCH__Source__ConnectionString="Data Source=$dir/data/source.db" \
    CHURNWATCH__Output__Folder="$dir/out" CHURNWATCH__Dashboard__Enabled=false CHURNWATCH__Health__Enabled=false
  for s in "${steps[@]}"; do wall[$n,$s]=""; step[$n,$s]=""; rss[$n,$s]=""; state[$n,$s]="not run"; done

  echo "== $n accounts x $months months (seed $seed, end $end): generate" >&2
  m_step=""
  measure generate "" "$dir/generate.log" "$churnwatch" samples generate --accounts "$n" --months "$months" --seed "$seed" --end "$end" --out "$dir/data/source.db"
  record "$n" generate; ok || continue
  echo "== $n: ingest --full" >&2
  measure ingest "" "$dir/ingest.log" "$churnwatch" ingest --full --tsv
  record "$n" ingest; ok || continue
  for job in ingest train score signals reports forecast; do "$churnwatch" jobs pause "$job" >>"$dir/jobs.log" 2>&1; done
  failed=0
  for job in train score signals reports forecast; do
    echo "== $n: $job (load $(load))" >&2
    run_job "$job" "$job"; record "$n" "$job"
    if ! ok; then failed=1; break; fi
  done
  [ "$failed" -eq 0 ] || continue

  echo "== $n: one more week in the source; the weekly chain" >&2
  sqlite3 "$dir/data/source.db" >/dev/null <<SQL
INSERT INTO usage_events (account_id, user_id, feature, occurred_at, quantity)
  SELECT account_id, user_id, feature, strftime('%Y-%m-%dT%H:%M:%SZ', occurred_at, '+7 days'), quantity FROM usage_events
  WHERE occurred_at >= strftime('%Y-%m-%dT%H:%M:%SZ', '$end', '-7 days');
UPDATE tickets SET resolved_at = strftime('%Y-%m-%dT%H:%M:%SZ', '$end', '+2 days')
  WHERE ticket_id IN (SELECT ticket_id FROM tickets WHERE resolved_at IS NULL ORDER BY ticket_id LIMIT 50);
INSERT INTO tickets (ticket_id, account_id, opened_at, resolved_at, priority, tier, sla_breached, csat)
  SELECT ticket_id || '-bench', account_id, strftime('%Y-%m-%dT%H:%M:%SZ', opened_at, '+7 days'), NULL, priority, tier, 0, NULL
  FROM tickets WHERE opened_at >= strftime('%Y-%m-%dT%H:%M:%SZ', '$end', '-7 days') ORDER BY ticket_id LIMIT 100;
UPDATE invoices SET paid_at = strftime('%Y-%m-%dT%H:%M:%SZ', '$end', '+3 days'), status = 'paid'
  WHERE invoice_id IN (SELECT invoice_id FROM invoices WHERE paid_at IS NULL ORDER BY invoice_id LIMIT 50);
SQL
  m_step=""
  measure week-ingest "" "$dir/week-ingest.log" "$churnwatch" ingest --tsv
  record "$n" week-ingest; ok || continue
  for job in score signals reports; do
    echo "== $n: weekly $job (load $(load))" >&2
    run_job "week-$job" "$job"; record "$n" "week-$job"
    ok || break
  done
done
load_after=$(load)

# Report.
label() {
  case "$1" in
    generate) echo "(generate sample)" ;;
    ingest) echo "ingest --full" ;;
    week-ingest) echo "weekly: ingest" ;;
    week-*) echo "weekly: ${1#week-}" ;;
    *) echo "$1" ;;
  esac
}
sum() { # size steps...: the sum of their wall times, or empty when one is missing
  local n=$1 total=0 v s; shift
  for s in "$@"; do
    v=${wall[$n,$s]}; [ -n "$v" ] || { echo ""; return; }
    total=$(awk -v a="$total" -v b="$v" 'BEGIN { print a + b }')
  done
  printf '%.1f' "$total"
}
maxof() { # size steps...: the largest peak RSS
  local n=$1 best=0 s v; shift
  for s in "$@"; do v=${rss[$n,$s]}; [[ "$v" =~ ^[0-9]+$ ]] || { echo "${v:-}"; return; }; [ "$v" -gt "$best" ] && best=$v; done
  echo "$best"
}
chain=(week-ingest week-score week-signals week-reports)
pipeline=(ingest train score signals reports forecast)
for n in "${sizes[@]}"; do
  wall[$n,pipeline]=$(sum "$n" "${pipeline[@]}"); step[$n,pipeline]=""; rss[$n,pipeline]=$(maxof "$n" "${pipeline[@]}"); state[$n,pipeline]=""
  wall[$n,chain]=$(sum "$n" "${chain[@]}"); step[$n,chain]=""; rss[$n,chain]=$(maxof "$n" "${chain[@]}"); state[$n,chain]=""
done
rows=("${steps[@]}" pipeline chain)
label_row() { case "$1" in pipeline) echo "whole pipeline (sum, max)" ;; chain) echo "weekly chain (sum, max)" ;; *) label "$1" ;; esac; }

mem_gib=$(awk '/MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
cat <<EOF

ChurnWatch scale benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit
Machine: $(nproc) CPUs (${cpu:-unknown}), ${mem_gib} GiB RAM; load average before $load_before, after $load_after
Company: ${sizes[*]} accounts x $months months, seed $seed, end $end; SQLite source and store; RSS guard $max_rss_gb GiB
EOF
for n in "${sizes[@]}"; do
  events=$(sqlite3 "$work/$n/data/source.db" "SELECT COUNT(*) FROM usage_events" 2>/dev/null || echo '?')
  printf '\n%s accounts (%s usage events in the source at the end):\n' "$n" "$events"
  printf '  %-26s %9s %8s %15s  %s\n' step "wall s" "step s" "peak RSS MiB" status
  for s in "${rows[@]}"; do
    printf '  %-26s %9s %8s %15s  %s\n' "$(label_row "$s")" "${wall[$n,$s]:--}" "${step[$n,$s]:--}" "${rss[$n,$s]:--}" "${state[$n,$s]}"
  done
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && a > 0) printf "%.2f", b / a; else printf "-" }'; }
for ((i = 1; i < ${#sizes[@]}; i++)); do
  a=${sizes[i-1]} b=${sizes[i]}
  printf '\nGrowth from %s to %s accounts (x%s accounts): larger / smaller\n' "$a" "$b" "$(ratio "$a" "$b")"
  printf '  %-26s %9s %15s\n' step "wall" "peak RSS"
  for s in "${rows[@]}"; do
    printf '  %-26s %9s %15s\n' "$(label_row "$s")" "$(ratio "${wall[$a,$s]}" "${wall[$b,$s]}")" "$(ratio "${rss[$a,$s]}" "${rss[$b,$s]}")"
  done
done
