#!/usr/bin/env bash
# Ingest benchmark: how fast `churnwatch ingest` reads a PostgreSQL source, against psql streaming the same query.
#
#   bash bench/ingest.sh                      # 50,000 accounts x 24 months (tens of millions of usage events)
#   bash bench/ingest.sh --accounts 2000      # a quick run
#
# In one run it:
#   1. builds ChurnWatch (Release);
#   2. starts a throwaway PostgreSQL cluster on 127.0.0.1 (installs the 'postgresql' package with apt-get when it is
#      missing, as scripts/test.sh does; fsync off: nothing here needs to survive), stops it and deletes it on exit;
#   3. generates the sample company into it (`churnwatch samples generate --format postgresql`, binary COPY);
#   4. times psql streaming the default usage_daily and usage_weekly queries (the SQL of
#      PostgreSqlSourceDialect.DefaultQuery, @since = the beginning) to /dev/null with COPY (...) TO STDOUT, twice
#      each, keeping the second (warm) run;
#   5. times `churnwatch ingest --full` (source on that server, the default SQLite store in a temp folder): overall,
#      per entity (from the command's own table) and its peak RSS (/usr/bin/time -v). It runs right after the warm
#      psql runs, so the source's pages are just as warm for it;
#   6. adds one week of usage (the last 7 days of events shifted by +7 days) and a few ticket and invoice changes,
#      then times an incremental `churnwatch ingest`;
#   7. prints the machine, the row counts and a table of the figures, with
#      ratio = churnwatch (usage_daily + usage_weekly seconds) / psql (the same two queries' seconds); target <= 1.5.
#
# Options (defaults in brackets):
#   --accounts N   accounts [50000]        --months M   months of history [24]
#   --seed S       random seed [42]        --end DATE   exclusive end of the history, yyyy-MM-dd [2026-11-01]
#   --keep DIR     keep the server's data, the store and the logs in DIR instead of deleting them
#   -h, --help     this text
# Needs: bash, the .NET 10 SDK, root or sudo when PostgreSQL must be installed, GNU time (/usr/bin/time; installed
# with apt-get when missing). A 50,000-account run needs ~20 GB of disk and takes tens of minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo '?')
if [ -n "$(git status --porcelain -- src 2>/dev/null)" ]; then commit="$commit+changes"; fi

accounts=50000
months=24
seed=42
end=2026-11-01
keep=""
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --accounts) accounts=$2; shift 2 ;;
    --months) months=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --end) end=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option '$1'; see --help." >&2; exit 2 ;;
  esac
done
for n in "$accounts" "$months" "$seed"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "--accounts, --months and --seed take whole numbers." >&2; exit 2; }
done
[[ "$end" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || { echo "--end takes a date, yyyy-MM-dd." >&2; exit 2; }

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The benchmark needs the .NET 10 SDK ('dotnet' on PATH)." >&2
  exit 1
fi

work=$(mktemp -d)
chmod 755 "$work"
pg_dir="$work/pg"
pg_ctl=""
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi
}
cleanup() {
  if [ -n "$pg_ctl" ]; then as_pg "$pg_ctl -D $pg_dir/data -m immediate stop" >/dev/null 2>&1 || true; fi
  if [ -n "$keep" ]; then
    mkdir -p "$keep" && cp -r "$work"/. "$keep"/ 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# shellcheck source=bench/apt_install.sh
source "$repo/bench/apt_install.sh"

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# 1. Build.
echo "== Building (Release)" >&2
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build "$repo/src/Worker/ChurnWatch.Worker.csproj" -c Release -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
churnwatch="$repo/src/Worker/bin/Release/net10.0/churnwatch"

# 2. PostgreSQL.
if [ ! -x /usr/bin/time ]; then apt_install time; fi
initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$initdb" ]; then
  echo "Installing PostgreSQL (apt-get)..." >&2
  apt_install postgresql
  initdb=$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)
fi
bin=$(dirname "$initdb")
port=55632
while (echo >"/dev/tcp/127.0.0.1/$port") >/dev/null 2>&1; do
  port=$((port + 1))
  if [ "$port" -gt 55732 ]; then echo "No free port for PostgreSQL between 55632 and 55732." >&2; exit 1; fi
done
mkdir -p "$pg_dir"
if [ "$(id -u)" -eq 0 ]; then chown postgres "$pg_dir"; fi
as_pg "$bin/initdb -D $pg_dir/data -U postgres --auth=trust --no-sync --encoding=UTF8 --locale=C" >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; exit 1; }
pg_ctl="$bin/pg_ctl"
# Throwaway and local: no durability; memory settings a small dedicated server would have. psql and ChurnWatch
# query the same server with the same settings.
pg_settings="-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=1GB -c work_mem=64MB -c maintenance_work_mem=1GB -c max_wal_size=8GB"
as_pg "$pg_ctl -D $pg_dir/data -l $pg_dir/server.log -w -t 120 -o '-c listen_addresses=127.0.0.1 -p $port -k $pg_dir $pg_settings' start" >/dev/null \
  || { cat "$pg_dir/server.log" >&2; exit 1; }
pg_version=$("$bin/postgres" --version | grep -o '[0-9][0-9.]*' | head -n 1)
psql_cmd=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres)
"${psql_cmd[@]}" -d postgres -c "CREATE DATABASE company" >/dev/null
source_cs="Host=127.0.0.1;Port=$port;Username=postgres;Database=company"
q() { "${psql_cmd[@]}" -d company -At -c "$1"; }

# 3. The company. churnwatch runs in its own folder: no appsettings.json of the repository applies.
mkdir -p "$work/run"
cd "$work/run"
echo "== Generating $accounts accounts x $months months (seed $seed, end $end) into PostgreSQL $pg_version on 127.0.0.1:$port" >&2
t0=$(now)
"$churnwatch" samples generate --accounts "$accounts" --months "$months" --seed "$seed" --end "$end" --format postgresql --out "$source_cs" \
  >"$work/generate.log" 2>&1 || { cat "$work/generate.log" >&2; exit 1; }
generate_s=$(seconds "$t0" "$(now)")
declare -A rows
for t in accounts subscriptions usage_events tickets invoices payment_attempts; do rows[$t]=$(q "SELECT COUNT(*) FROM $t"); done
source_size=$(q "SELECT pg_size_pretty(pg_database_size('company'))")

# 4. psql. The SQL of PostgreSqlSourceDialect.DefaultQuery (a test checks these strings against it), @since = SourceDialect.Beginning.
since="'1900-01-01 00:00:00+00'::timestamptz"
daily_sql="SELECT account_id AS AccountId, feature AS Feature, (occurred_at AT TIME ZONE 'UTC')::date AS Day, SUM(quantity)::bigint AS Events, COUNT(DISTINCT user_id) AS ActiveUsers FROM usage_events WHERE occurred_at >= @since GROUP BY account_id, feature, (occurred_at AT TIME ZONE 'UTC')::date"
weekly_sql="SELECT account_id AS AccountId, feature AS Feature, date_trunc('week', occurred_at AT TIME ZONE 'UTC')::date AS WeekStart, SUM(quantity)::bigint AS Events, COUNT(DISTINCT user_id) AS ActiveUsers FROM usage_events WHERE occurred_at >= @since GROUP BY account_id, feature, date_trunc('week', occurred_at AT TIME ZONE 'UTC')::date UNION ALL SELECT account_id, '*', date_trunc('week', occurred_at AT TIME ZONE 'UTC')::date, SUM(quantity)::bigint, COUNT(DISTINCT user_id) FROM usage_events WHERE occurred_at >= @since GROUP BY account_id, date_trunc('week', occurred_at AT TIME ZONE 'UTC')::date"
psql_time() {
  local sql=${1//@since/$since} t
  t=$(now)
  "${psql_cmd[@]}" -d company -c "COPY ($sql) TO STDOUT" >/dev/null
  seconds "$t" "$(now)"
}
echo "== psql: usage_daily, usage_weekly (twice each; the second run counts)" >&2
psql_daily_cold=$(psql_time "$daily_sql"); psql_daily=$(psql_time "$daily_sql")
psql_weekly_cold=$(psql_time "$weekly_sql"); psql_weekly=$(psql_time "$weekly_sql")
# Warm the source's pages once more for ChurnWatch, as the second psql run had them.
psql_time "$daily_sql" >/dev/null

# 5. Full ingest.
export CHURNWATCH__Source__Provider=PostgreSql CHURNWATCH__Source__ConnectionString="$source_cs" CHURNWATCH__Store__DataFolder="$work/store"
echo "== churnwatch ingest --full" >&2
t0=$(now)
/usr/bin/time -v -o "$work/full.time" "$churnwatch" ingest --full --tsv >"$work/full.log" 2>"$work/full.err" || { cat "$work/full.log" "$work/full.err" >&2; exit 1; }
full_s=$(seconds "$t0" "$(now)")
full_rss_mb=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/full.time")
# The command's summary (--tsv): entity, read, loaded, refused, rows_per_second, seconds, newest_data.
entity_field() { # log entity field-number (2 = read, 3 = loaded, 5 = rows/s, 6 = seconds)
  awk -F'\t' -v e="$2" -v f="$3" '$1 == e { print $f; exit }' "$1"
}
entities=(accounts subscriptions usage_daily usage_weekly tickets invoices payment_attempts)
total_loaded=0
for e in "${entities[@]}"; do
  l=$(entity_field "$work/full.log" "$e" 3); total_loaded=$((total_loaded + ${l:-0}))
done
cw_daily=$(entity_field "$work/full.log" usage_daily 6)
cw_weekly=$(entity_field "$work/full.log" usage_weekly 6)
if [ -z "$cw_daily" ] || [ -z "$cw_weekly" ]; then
  echo "Could not read the ingest table:" >&2; cat "$work/full.log" >&2; exit 1
fi
store_mb=$(du -sm "$work/store" | cut -f1)

# 6. One more week, then an incremental ingest.
echo "== One more week of usage, a few ticket and invoice changes; churnwatch ingest" >&2
new_events=$(q "WITH n AS (INSERT INTO usage_events (account_id, user_id, feature, occurred_at, quantity)
  SELECT account_id, user_id, feature, occurred_at + interval '7 days', quantity FROM usage_events
  WHERE occurred_at >= timestamptz '$end 00:00:00+00' - interval '7 days' RETURNING 1) SELECT COUNT(*) FROM n")
q "UPDATE tickets SET resolved_at = timestamptz '$end 00:00:00+00' + interval '2 days'
   WHERE ticket_id IN (SELECT ticket_id FROM tickets WHERE resolved_at IS NULL ORDER BY ticket_id LIMIT 50);
 INSERT INTO tickets (ticket_id, account_id, opened_at, resolved_at, priority, tier, sla_breached, csat)
   SELECT ticket_id || '-bench', account_id, opened_at + interval '7 days', NULL, priority, tier, false, NULL
   FROM tickets WHERE opened_at >= timestamptz '$end 00:00:00+00' - interval '7 days' ORDER BY ticket_id LIMIT 100;
 UPDATE invoices SET paid_at = timestamptz '$end 00:00:00+00' + interval '3 days', status = 'paid'
   WHERE invoice_id IN (SELECT invoice_id FROM invoices WHERE paid_at IS NULL ORDER BY invoice_id LIMIT 50);
 ANALYZE usage_events; ANALYZE tickets; ANALYZE invoices;" >/dev/null
t0=$(now)
/usr/bin/time -v -o "$work/incremental.time" "$churnwatch" ingest --tsv >"$work/incremental.log" 2>"$work/incremental.err" || { cat "$work/incremental.log" "$work/incremental.err" >&2; exit 1; }
incremental_s=$(seconds "$t0" "$(now)")
incremental_rss_mb=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/incremental.time")

# 7. Report.
ratio=$(awk -v a="$cw_daily" -v b="$cw_weekly" -v c="$psql_daily" -v d="$psql_weekly" 'BEGIN { printf "%.2f", (a + b) / (c + d) }')
full_rate=$(awk -v r="$total_loaded" -v s="$full_s" 'BEGIN { printf "%.0f", r / s }')
mem_gib=$(awk '/MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
cat <<EOF

ChurnWatch ingest benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit
Machine: $(nproc) CPUs (${cpu:-unknown}), ${mem_gib} GiB RAM; PostgreSQL $pg_version on 127.0.0.1 ($pg_settings)
Company: $accounts accounts x $months months, seed $seed, end $end; generated in ${generate_s} s; source database $source_size
Source rows: accounts ${rows[accounts]}, subscriptions ${rows[subscriptions]}, usage_events ${rows[usage_events]}, tickets ${rows[tickets]}, invoices ${rows[invoices]}, payment_attempts ${rows[payment_attempts]}

Full ingest (churnwatch ingest --full, SQLite store):
EOF
printf '  %-18s %14s %12s %10s\n' entity rows rows/s seconds
for e in "${entities[@]}"; do
  printf '  %-18s %14s %12s %10s\n' "$e" "$(entity_field "$work/full.log" "$e" 3)" "$(entity_field "$work/full.log" "$e" 5)" "$(entity_field "$work/full.log" "$e" 6)"
done
printf '  %-18s %14s %12s %10s\n' "whole command" "$total_loaded" "$full_rate" "$full_s"
cat <<EOF
  peak RSS ${full_rss_mb} MB; store ${store_mb} MB

Same queries streamed by psql (COPY (query) TO STDOUT > /dev/null; first run / second run, the second counts):
  usage_daily        ${psql_daily_cold} s / ${psql_daily} s
  usage_weekly       ${psql_weekly_cold} s / ${psql_weekly} s

Ratio churnwatch / psql (usage_daily + usage_weekly): ($cw_daily + $cw_weekly) / ($psql_daily + $psql_weekly) = $ratio (target <= 1.5)

Incremental ingest after one more week ($new_events new usage events, 50 tickets resolved, up to 100 opened, 50 invoices paid):
  wall ${incremental_s} s, peak RSS ${incremental_rss_mb} MB
EOF
printf '  %-18s %-18s %10s %10s\n' entity read rows seconds
for e in "${entities[@]}"; do
  printf '  %-18s %-18s %10s %10s\n' "$e" "$(entity_field "$work/incremental.log" "$e" 2)" "$(entity_field "$work/incremental.log" "$e" 3)" "$(entity_field "$work/incremental.log" "$e" 6)"
done
