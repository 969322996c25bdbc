#!/usr/bin/env bash
# Runs every ChurnWatch test, from a fresh clone on a fresh Debian machine.
# It installs what the tests need when it is missing (PostgreSQL, and Debian's chromium for the browser tests of the
# HTML outputs, python3-aiosmtpd for the email tests, Node.js and the npm packages of tests/oidc-provider for the
# dashboard's sign-in with an identity provider), starts a throwaway PostgreSQL cluster on 127.0.0.1 for the store tests, runs the whole suite, prints one closing line "N passed, N failed, N skipped",
# stops the server and deletes its files whatever happens, and exits non-zero when anything failed
# (with CI=true, also when any test was skipped).
# CHURNWATCH_TEST_POSTGRES already set (a connection string to a server where the tests may create databases):
# that server is used and nothing is installed or started.
# CHURNWATCH_TEST_CHROMIUM already set (the path of a Chromium or Chrome binary): that browser is used.
# CHURNWATCH_TEST_OIDC already set (the path of a provider.mjs whose folder has node_modules): that provider is used.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "ChurnWatch needs the .NET 10 SDK ('dotnet' on PATH): https://dotnet.microsoft.com/download" >&2
  exit 1
fi

results=$(mktemp -d)
pg_dir=""
pg_ctl=""
cleanup() {
  if [ -n "$pg_ctl" ]; then
    as_pg "$pg_ctl -D $pg_dir/data -m immediate stop" >/dev/null 2>&1 || true
  fi
  if [ -n "$pg_dir" ]; then rm -rf "$pg_dir"; fi
  rm -rf "$results"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# PostgreSQL refuses to run as root: as root, the server runs as the 'postgres' user the package creates.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi
}

# apt-get as root, or through sudo; $1 names what is being installed, for the message when neither is possible.
apt_install() {
  local what="$1"; shift
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "$what is missing and this user cannot install it: run as root, or install the package(s) $*." >&2
      exit 1
    fi
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# The browser tests open every HTML output in headless Chromium (tests/.../TestSupport/HeadlessChromium.cs).
find_chromium() {
  if [ -n "${CHURNWATCH_TEST_CHROMIUM:-}" ]; then return; fi
  local browser
  browser=$(command -v chromium || command -v chromium-browser || true)
  if [ -z "$browser" ]; then
    echo "Installing Chromium for the browser tests (apt-get)..." >&2
    # fonts-dejavu-core: without any font the charts' text would have nothing to render with.
    apt_install "Chromium" chromium fonts-dejavu-core
    browser=$(command -v chromium)
  fi
  export CHURNWATCH_TEST_CHROMIUM="$browser"
  # Debian's wrapper prints a harmless "[: unexpected operator" line on stderr; the version is the first number.
  echo "Chromium $("$browser" --version 2>/dev/null | grep -o "[0-9][0-9.]*" | head -n 1) for the browser tests: $browser" >&2
}

# The email tests send through a real SMTP server on loopback: Debian's aiosmtpd, run by /usr/bin/python3.
find_smtp_server() {
  if ! /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then
    echo "Installing aiosmtpd for the email tests (apt-get)..." >&2
    apt_install "The SMTP test server (aiosmtpd)" python3-aiosmtpd
  fi
}

# The dashboard's sign-in tests run a real OpenID Connect provider: tests/oidc-provider/provider.mjs, the npm package
# oidc-provider at the version its package-lock.json pins, run by node (TestSupport/OidcProvider.cs).
find_oidc_provider() {
  if [ -n "${CHURNWATCH_TEST_OIDC:-}" ]; then return; fi
  local folder="$PWD/tests/oidc-provider"
  if ! command -v node >/dev/null 2>&1; then
    echo "Installing Node.js for the identity-provider sign-in tests (apt-get)..." >&2
    apt_install "Node.js (for the test identity provider)" nodejs npm
  fi
  if [ ! -d "$folder/node_modules/oidc-provider" ]; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "Installing npm for the identity-provider sign-in tests (apt-get)..." >&2
      apt_install "npm (for the test identity provider)" npm
    fi
    echo "Installing the test identity provider's packages (npm ci in tests/oidc-provider)..." >&2
    (cd "$folder" && npm ci --no-audit --no-fund --loglevel=error) >&2
  fi
  export CHURNWATCH_TEST_OIDC="$folder/provider.mjs"
  echo "Node.js $(node --version) with oidc-provider $(cd "$folder" && node -p "require('./node_modules/oidc-provider/package.json').version") for the sign-in tests: $CHURNWATCH_TEST_OIDC" >&2
}

start_postgres() {
  local initdb
  initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$initdb" ]; then
    echo "Installing PostgreSQL for the store tests (apt-get)..." >&2
    apt_install "PostgreSQL (or set CHURNWATCH_TEST_POSTGRES)" postgresql
    initdb=$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)
  fi
  local bin
  bin=$(dirname "$initdb")

  local port=55432
  while (echo >"/dev/tcp/127.0.0.1/$port") >/dev/null 2>&1; do
    port=$((port + 1))
    if [ "$port" -gt 55532 ]; then echo "No free port for PostgreSQL between 55432 and 55532." >&2; exit 1; fi
  done

  pg_dir=$(mktemp -d)
  chmod 755 "$pg_dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$pg_dir"; fi
  as_pg "$bin/initdb -D $pg_dir/data -U postgres --auth=trust --no-sync --encoding=UTF8 --locale=C" >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log" >&2; exit 1; }
  # A throwaway cluster: durability is not needed, speed is.
  pg_ctl="$bin/pg_ctl"
  as_pg "$pg_ctl -D $pg_dir/data -l $pg_dir/server.log -w -t 60 -o '-c listen_addresses=127.0.0.1 -p $port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off' start" >/dev/null \
    || { cat "$pg_dir/server.log" >&2; exit 1; }
  export CHURNWATCH_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL $("$bin/postgres" --version | grep -o '[0-9][0-9.]*' | head -n 1) for the store tests on 127.0.0.1:$port" >&2
}

if [ -z "${CHURNWATCH_TEST_POSTGRES:-}" ]; then
  start_postgres
fi
find_chromium
find_smtp_server
find_oidc_provider

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
  # VSTest's TRX counts a skipped test in total but not in executed (its notExecuted stays 0).
  skipped=$((skipped + $(get total) - $(get executed)))
done
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
if [ "${CI:-}" = "true" ] && [ "$skipped" -ne 0 ]; then
  echo "CI=true: skipped tests count as failures (every store provider and the browser tests must be proven)." >&2
  exit 1
fi
