#!/usr/bin/env bash
# Training on a weighted sample of the observation rows against training on all of them, on the demo's company.
#
#   bash bench/sampling.sh                        # all rows, then 30,000 and 15,000 training rows
#   bash bench/sampling.sh --rows 40000,20000
#
# Generates the sample company once (2,000 accounts x 24 months, seed 42, end --end), then per setting, in a folder of
# its own with a copy of it, runs `churnwatch demo` with Modeling:MaxTrainingRows set (the first setting, "all", uses
# a limit above the company's rows, so nothing is sampled). From the churn and renewal model files the demo stores,
# it prints per setting: the rows trained on and the negative sampling rate, the backtest's AUC, log loss (raw and
# after calibration) and Brier of every candidate learner on the same unsampled test rows, and calibration in the large
# from each one's calibration table of raw probabilities (predicted minus observed events, with the standard deviation
# of that sum under the predictions): the evidence that the weights keep each learner's probabilities where they were.
# Then the training seconds (from the run history).
#
# Options (defaults in brackets):
#   --rows LIST    Modeling:MaxTrainingRows settings to compare with all rows, "N,N" [30000,15000]; the demo's
#                  company has about 60,000 rows before its test period, so 60,000 and above sample nothing
#   --accounts N   accounts [2000]     --months M   months [24]     --seed S   seed [42]
#   --end DATE     exclusive end of the history, yyyy-MM-dd [2026-11-01]
#   --work DIR     work folder [${TMPDIR:-/tmp}/churnwatch-sampling-bench]; emptied first
#   -h, --help     this text
# Needs: bash, the .NET 10 SDK, python3 and sqlite3 (installed with apt-get when missing; root or sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
rows_list="30000,15000" accounts=2000 months=24 seed=42 end=2026-11-01 work="${TMPDIR:-/tmp}/churnwatch-sampling-bench"
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows_list=$2; shift 2 ;;
    --accounts) accounts=$2; shift 2 ;;
    --months) months=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --end) end=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option '$1'; see --help." >&2; exit 2 ;;
  esac
done
IFS=', ' read -r -a limits <<<"$rows_list"
for n in "${limits[@]}" "$accounts" "$months" "$seed"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "--rows, --accounts, --months and --seed take whole numbers." >&2; exit 2; }
done
command -v dotnet >/dev/null 2>&1 || { echo "The benchmark needs the .NET 10 SDK ('dotnet' on PATH)." >&2; exit 1; }
# shellcheck source=bench/apt_install.sh
source "$repo/bench/apt_install.sh"
missing=()
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
if [ ${#missing[@]} -gt 0 ]; then echo "Installing ${missing[*]} (apt-get)..." >&2; apt_install "${missing[@]}"; fi

rm -rf "$work"; mkdir -p "$work"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
echo "== Building (Release)" >&2
dotnet build "$repo/src/Worker/ChurnWatch.Worker.csproj" -c Release -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
churnwatch="$repo/src/Worker/bin/Release/net10.0/churnwatch"
echo "== Generating $accounts accounts x $months months (seed $seed, end $end)" >&2
"$churnwatch" samples generate --accounts "$accounts" --months "$months" --seed "$seed" --end "$end" --out "$work/sample.db" >"$work/generate.log" 2>&1

settings=(all "${limits[@]}")
for s in "${settings[@]}"; do
  dir="$work/$s"; mkdir -p "$dir/data" "$dir/run"; cp "$work/sample.db" "$dir/data/sample-company.db"
  limit=$s; [ "$s" = all ] && limit=100000000
  echo "== demo with Modeling:MaxTrainingRows = $limit" >&2
  (cd "$dir/run" && CHURNWATCH__Store__DataFolder="$dir/data" CHURNWATCH__Source__ConnectionString="Data Source=$dir/data/sample-company.db" \
    CHURNWATCH__Output__Folder="$dir/out" CHURNWATCH__Modeling__MaxTrainingRows="$limit" "$churnwatch" demo >"$dir/demo.log" 2>&1) \
    || { cat "$dir/demo.log" >&2; exit 1; }
done

python3 - "$work" "${settings[@]}" <<'PY'
import glob, json, math, os, sqlite3, sys
work, settings = sys.argv[1], sys.argv[2:]
def model(folder, target):
    # The newest model file of the target (churn-<id>.json, nonrenewal-<id>.json).
    files = sorted(glob.glob(os.path.join(folder, "data", "models", f"{target}-*.json")), key=os.path.getmtime)
    return json.load(open(files[-1])) if files else None
def snake(name):
    return "".join("_" + c.lower() if c.isupper() else c for c in name).lstrip("_")
def get(d, name):
    # The model file's names are snake_case (ModelFileJson).
    return d.get(snake(name))
print(f"\nTraining on a weighted sample against all rows: {os.path.basename(work)}")
for target in ("churn", "nonrenewal"):
    print(f"\n{target} model, every candidate learner (* chosen), backtest on the same unsampled test rows:")
    print(f"  {'rows limit':>10} {'trained on':>11} {'neg. rate':>9}  {'learner':<26} {'AUC':>7} {'log loss':>9} {'calibrated':>10} {'Brier':>7} {'pred-obs':>9} {'sd':>6}")
    for s in settings:
        m = model(os.path.join(work, s), target)
        if m is None: print(f"  {s:>10} (no model)"); continue
        for c in get(m, "Candidates") or [get(m, "Backtest")]:
            bins = get(c, "Calibration") or []
            gap = sum(get(x, "Count") * (get(x, "MeanPredicted") - get(x, "ObservedRate")) for x in bins)
            sd = math.sqrt(sum(get(x, "Count") * get(x, "MeanPredicted") * (1 - get(x, "MeanPredicted")) for x in bins))
            cal = get(c, "CalibratedLogLoss")
            chosen = "*" if get(c, "Learner") == get(m, "Learner") else " "
            print(f"  {s:>10} {get(m, 'TrainRows'):>11,} {get(m, 'NegativeSampleRate'):>9.3f} {chosen}{get(c, 'Learner'):<26} {get(c, 'Auc'):>7.4f} {get(c, 'LogLoss'):>9.4f} "
                  f"{(cal if cal is not None else float('nan')):>10.4f} {get(c, 'Brier'):>7.4f} {gap:>+9.1f} {sd:>6.1f}")
print("\nTraining seconds (run history of the demo's train step):")
for s in settings:
    db = sqlite3.connect(os.path.join(work, s, "data", "churnwatch.db"))
    row = db.execute("SELECT (julianday(finished_at) - julianday(started_at)) * 86400 FROM job_runs WHERE job = 'train' ORDER BY run_id DESC LIMIT 1").fetchone()
    print(f"  {s:>10} {row[0]:.0f} s" if row else f"  {s:>10} -")
PY
