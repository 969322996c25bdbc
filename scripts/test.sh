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

results=$(mktemp -d)
cleanup() { rm -rf "$results"; }
trap cleanup EXIT

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
