#!/usr/bin/env bash
# Runs every ChurnWatch test, from a fresh clone on a fresh Debian machine.
# It installs what the tests need when it is missing, runs the whole suite, prints one closing line
# "N passed, N failed, N skipped", cleans up after itself, and exits non-zero when anything failed.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "ChurnWatch needs the .NET 10 SDK ('dotnet' on PATH): https://dotnet.microsoft.com/download" >&2
  exit 1
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# PostgreSQL: the tests of PostgreSQL sources and stores run against a real server, installed when missing and
# started for this run only, on 127.0.0.1, in a throwaway folder.
initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$initdb" ]; then
  echo "Installing PostgreSQL (Debian package) for the tests..."
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  initdb=$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)
fi
pgbin=$(dirname "$initdb")
pgdir=$(mktemp -d)
results=$(mktemp -d)
pgport=55432
while (exec 3<>"/dev/tcp/127.0.0.1/$pgport") 2>/dev/null; do pgport=$((pgport + 1)); done
cleanup() {
  as_root su postgres -c "$pgbin/pg_ctl -D $pgdir/data -m fast stop" >/dev/null 2>&1 || true
  as_root rm -rf "$pgdir" "$results"
}
trap cleanup EXIT
as_root chown postgres "$pgdir"
as_root su postgres -c "$pgbin/initdb -D $pgdir/data -U postgres --auth=trust" >/dev/null
as_root su postgres -c "$pgbin/pg_ctl -D $pgdir/data -o '-c listen_addresses=127.0.0.1 -p $pgport -k $pgdir' -l $pgdir/log -w start" >/dev/null
export CHURNWATCH_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
status=0
dotnet test ChurnWatch.sln -c Release --logger "trx" --results-directory "$results" "$@" || status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed)))
  skipped=$((skipped + $(get notExecuted)))
done
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
