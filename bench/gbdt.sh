#!/usr/bin/env bash
# Speed benchmark of ML.NET's LightGBM (ChurnWatch's tree learner) against XGBoost (tree_method=hist).
set -euo pipefail

usage() {
  cat <<'TXT'
Usage: bench/gbdt.sh [--rows N] [--cols N] [--trees N] [--depth N] [--threads N] [--work DIR] [--score-methods] [--help]

Generates one seeded matrix (default 1,000,000 rows x 50 numeric columns, nonlinear label, 10% missing in one
column) as float64 files both sides read, trains on the first 80% and holds out the rest, with the same
hyper-parameters on both sides: trees 200, max_depth 6, eta 0.1, lambda 1, min_child_weight 1, max_bin 255,
2 threads (ML.NET: LightGBM with 2^depth leaves and max depth = depth, deterministic mode). Prints training wall time
(ML.NET: building the IDataView + Fit; XGBoost: DMatrix + train), the ratio, scoring rows/s and CPU time per row of
each (3 passes, first and best; ML.NET: all rows through Transform over the matrix read in place, one cursor of
GetRowCursorSet per thread; XGBoost: predict on the hold-out), peak memory (/usr/bin/time -v) and hold-out AUC of each.
--score-methods: trains ML.NET only, then compares the ways of scoring a batch with it (5 rounds, in turn).
Installs python3-xgboost, python3-numpy and time with apt-get when missing (needs root).
TXT
}

rows=1000000 cols=50 trees=200 depth=6 threads=2 work="${TMPDIR:-/tmp}/churnwatch-gbdt-bench" score_methods=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --cols) cols="$2"; shift 2 ;;
    --trees) trees="$2"; shift 2 ;;
    --depth) depth="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --score-methods) score_methods=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
py=/usr/bin/python3
if ! "$py" -c 'import xgboost, numpy' 2>/dev/null || [[ ! -x /usr/bin/time ]]; then
  echo "Installing python3-xgboost python3-numpy time ..."
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-xgboost python3-numpy time
fi

mkdir -p "$work"
train_rows=$(( rows * 8 / 10 ))
if [[ ! -f "$work/predictors.f64" || ! -f "$work/shape" || "$(cat "$work/shape")" != "$rows x $cols" ]]; then
  "$py" "$here/gbdt_data.py" "$rows" "$cols" "$work"
  echo "$rows x $cols" > "$work/shape"
fi

dotnet build "$here/ChurnWatch.Bench/ChurnWatch.Bench.csproj" -c Release -o "$work/bin" -v q -nologo >/dev/null
bench_args=("$work/predictors.f64" "$work/labels.f64" "$rows" "$cols" "$train_rows" "$trees" "$depth" "$threads")

peak_kb() { grep 'Maximum resident set size' "$1" | awk '{print $NF}'; }
value() { grep "^$2=" "$1" | cut -d= -f2; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs (a shared machine makes wall times noisy; CPU times are steadier)"
if [[ $score_methods == 1 ]]; then
  echo "ML.NET LightGBM: training, then each way of scoring all $rows rows once per round, 5 rounds ..."
  dotnet "$work/bin/ChurnWatch.Bench.dll" "${bench_args[@]}" --score-methods > "$work/methods.out"
  printf '\n%-34s %14s %14s %14s %14s\n' method "rows/s best" "rows/s median" "CPU us/row best" "median"
  grep '^method=' "$work/methods.out" | sed 's/[a-z_]*=//g' | while read -r name best median cpu_best cpu_median; do
    printf '%-34s %14s %14s %14s %14s\n' "$name" "$best" "$median" "$cpu_best" "$cpu_median"
  done
  echo "every method gives the same bits: $(value "$work/methods.out" methods_identical)"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi
echo "ML.NET LightGBM ..."
/usr/bin/time -v -o "$work/cw.time" dotnet "$work/bin/ChurnWatch.Bench.dll" "${bench_args[@]}" > "$work/cw.out"
echo "XGBoost ..."
/usr/bin/time -v -o "$work/xgb.time" "$py" "$here/gbdt_xgboost.py" "${bench_args[@]}" > "$work/xgb.out"

cw_train=$(value "$work/cw.out" train_seconds); xgb_train=$(value "$work/xgb.out" train_seconds)
cw_mem=$(peak_kb "$work/cw.time"); xgb_mem=$(peak_kb "$work/xgb.time")
printf '\n%s rows x %s columns, %s training rows, %s trees, depth %s, %s threads, XGBoost %s\n' \
  "$rows" "$cols" "$train_rows" "$trees" "$depth" "$threads" "$(value "$work/xgb.out" xgboost_version)"
printf '%-28s %12s %12s %10s\n' "" "ML.NET LGBM" XGBoost ratio
printf '%-28s %12s %12s %10s\n' "training wall time (s)" "$cw_train" "$xgb_train" "$(awk "BEGIN{printf \"%.2f\", $cw_train/$xgb_train}")"
cw_cpu=$(value "$work/cw.out" train_cpu_seconds); xgb_cpu=$(value "$work/xgb.out" train_cpu_seconds)
printf '%-28s %12s %12s %10s\n' "training CPU time (s)" "$cw_cpu" "$xgb_cpu" "$(awk "BEGIN{printf \"%.2f\", $cw_cpu/$xgb_cpu}")"
printf '%-28s %12s %12s %10s\n' "peak memory (MiB)" "$((cw_mem / 1024))" "$((xgb_mem / 1024))" "$(awk "BEGIN{printf \"%.2f\", $cw_mem/$xgb_mem}")"
cw_score=$(value "$work/cw.out" score_rows_per_second); cw_first=$(value "$work/cw.out" score_rows_per_second_first)
xgb_score=$(value "$work/xgb.out" score_rows_per_second); xgb_first=$(value "$work/xgb.out" score_rows_per_second_first)
printf '%-28s %12s %12s %10s\n' "scoring rows/s, best of 3" "$cw_score" "$xgb_score" "$(awk "BEGIN{printf \"%.2f\", $cw_score/$xgb_score}")"
printf '%-28s %12s %12s %10s\n' "scoring rows/s, first pass" "$cw_first" "$xgb_first" "$(awk "BEGIN{printf \"%.2f\", $cw_first/$xgb_first}")"
printf '%-28s %12s %12s %10s\n' "scoring CPU us/row, best" "$(awk "BEGIN{printf \"%.2f\", $(value "$work/cw.out" score_cpu_seconds) * 1e6 / $rows}")" \
  "$(value "$work/xgb.out" score_cpu_us_per_row)" ""
printf '%-28s %12s\n' "scoring passes identical" "$(value "$work/cw.out" score_passes_identical)"
printf '%-28s %12s %12s\n' "hold-out AUC" "$(value "$work/cw.out" test_auc)" "$(value "$work/xgb.out" test_auc)"
echo "scoring: ML.NET scores all $rows rows (train and hold-out) with Transform over the matrix read in place, one cursor of"
echo "GetRowCursorSet per thread, in each of 3 passes; XGBoost's predict the hold-out rows; the first pass is cold (JIT)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "targets: training ratio <= 1.00, memory ratio <= 1.00, hold-out AUC >= XGBoost's - 0.005; scoring rows/s reported beside XGBoost's"
