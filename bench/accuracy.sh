#!/usr/bin/env bash
# Accuracy benchmark of ChurnWatch's ML.NET learners against XGBoost and scikit-learn on the same folds (issues 4, 15).
set -euo pipefail

usage() {
  cat <<'TXT'
Usage: bench/accuracy.sh [--quick] [--strict] [--folds K] [--seed S] [--threads N] [--work DIR] [--fresh] [--help]

Builds the account tables, writes each table's fold assignment once to a file, and cross-validates on those very
folds ChurnWatch's ML.NET learners (`churnwatch model evaluate`, ML.NET's CrossValidate on the given folds:
lbfgs_logistic_regression, lightgbm, and the learner it chooses) and XGBoost and scikit-learn (bench/accuracy.py). Prints AUC, Brier, log loss and fit seconds per table
and learner, a PASS/FAIL line per table, then a summary table (Markdown, for the README).

Tables:
  sample-42    the sample company the demo uses (2,000 accounts x 24 months, seed 42, end 2026-11-01): generated with
               `churnwatch samples generate`, ingested with `churnwatch ingest`, and exported with the hidden
               `churnwatch model observations`: the churn training set ChurnWatch itself builds (one row per
               account x weekly observation date, the documented predictors, label = churned within 90 days)
  sample-7     another sample company: 1,000 accounts x 36 months, seed 7
  sample-2026  another sample company: 1,500 accounts x 18 months, seed 2026
  mixed        synthetic, one row per account: 20,000 accounts, 6 text columns (up to 60 levels), missing numbers
               and text, churn rate about 22%, nonlinear effects and interactions (bench/accuracy.py synthetic)
  rare         the same shape, 8,000 accounts, churn rate about 4%, more missing text
  --quick keeps sample-7 and mixed only.

Folds: K (default 5) folds from scikit-learn, written to <table>/folds.csv (header 'fold', one line per row) and read
by both sides. Sample-company tables hold one account on many dates, so their folds are StratifiedGroupKFold by
account_id (no account on both sides of a split; LightGBM's early-stopping hold-out is by account too); the
synthetic tables have one row per account and use StratifiedKFold.

Competitors (bench/accuracy.py compete), on the same encoded columns (text columns one-hot as ChurnWatch's ML.NET
models do: one 0/1 column per level among the 20 most frequent non-empty ones, a rarer, unseen or empty cell all
zeros, '(other)'; empty numbers are NaN):
  xgboost_hist                    XGBoost hist, max_depth 6, eta 0.1, min_child_weight 1, lambda 1, max_bin 256, up
                                  to 1,000 rounds, early stopping after 20 on a tenth of the training fold (by
                                  account when grouped), the best round's trees kept
  xgboost_hist_depth3             the same with ChurnWatch's LightGBM settings: max_depth 3, subsample and colsample 0.8
  sklearn_hist_gradient_boosting  HistGradientBoostingClassifier with scikit-learn's defaults (random_state = seed)
  sklearn_logistic_regression     SimpleImputer(median, add_indicator) -> StandardScaler -> LogisticRegression(C=1)
Metrics are computed the same way on both sides from pooled out-of-fold predictions (AUC with ties counting half,
Brier, log loss clipped at 1e-15); fit seconds are the folds' fits plus their predictions, threads as given.

Target per table: ChurnWatch's chosen model within 0.005 AUC of the best XGBoost/scikit-learn model, and its Brier
score (as printed, 4 decimals) no higher than the lowest Brier of any XGBoost/scikit-learn model. --strict exits 1
when a table fails; otherwise the script exits 0 after printing the figures.

Installs python3-xgboost, python3-sklearn and python3-numpy with apt-get when missing (needs root).
Generated tables are kept in the work folder (default $TMPDIR/churnwatch-accuracy-bench) and reused; --fresh
rebuilds them.
TXT
}

quick=0 strict=0 folds=5 seed=42 threads=2 fresh=0 work="${TMPDIR:-/tmp}/churnwatch-accuracy-bench"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=1; shift ;;
    --strict) strict=1; shift ;;
    --folds) folds="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --fresh) fresh=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
py=/usr/bin/python3
if ! "$py" -c 'import xgboost, sklearn, numpy, scipy' 2>/dev/null; then
  echo "Installing python3-xgboost python3-sklearn python3-numpy ..."
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-xgboost python3-sklearn python3-numpy
fi

mkdir -p "$work"
[[ $fresh == 1 ]] && rm -rf "${work:?}"/*
echo "Building ChurnWatch (Release) ..."
dotnet build "$root/src/Worker/ChurnWatch.Worker.csproj" -c Release -o "$work/bin" -v q -nologo >/dev/null
cw="$work/bin/churnwatch"

# A sample company's churn training set, through ChurnWatch's own generate -> ingest -> observations path.
sample_table() { # name accounts months seed
  local dir="$work/$1"
  [[ -f "$dir/table.csv" ]] && return 0
  rm -rf "$dir"; mkdir -p "$dir"
  echo "  generating the sample company ($2 accounts x $3 months, seed $4) ..."
  (cd "$dir" && "$cw" samples generate --accounts "$2" --months "$3" --seed "$4" --end 2026-11-01 --format sqlite \
     --out "$dir/sample.db" > "$dir/generate.log")
  echo "  ingesting it and exporting the training set ..."
  (cd "$dir" && env CHURNWATCH__Store__DataFolder="$dir" CHURNWATCH__Source__ConnectionString="Data Source=$dir/sample.db" \
     "$cw" ingest --full --tsv > "$dir/ingest.log" &&
   env CHURNWATCH__Store__DataFolder="$dir" CHURNWATCH__Source__ConnectionString="Data Source=$dir/sample.db" \
     "$cw" model observations --out "$dir/table.csv.part" > "$dir/observations.log")
  mv "$dir/table.csv.part" "$dir/table.csv"
  rm -f "$dir/sample.db" "$dir"/churnwatch.db*
  cat "$dir/observations.log"
}

synthetic_table() { # name kind rows seed
  local dir="$work/$1"
  [[ -f "$dir/table.csv" ]] && return 0
  mkdir -p "$dir"
  "$py" "$here/accuracy.py" synthetic "$2" "$3" "$4" "$dir/table.csv.part"
  mv "$dir/table.csv.part" "$dir/table.csv"
}

field() { sed -n "s/.*$2 \([0-9.]*\).*/\1/p" <<<"$1"; }
kv() { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" <<<" $1"; }

summary=()
failed=0
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
started_at="$(date -u '+%Y-%m-%d %H:%M')"
echo "load average before: $load_before on $(nproc) CPUs"

run_table() { # name description label positive group(-) ignore...
  local name="$1" description="$2" label="$3" positive="$4" group="$5"; shift 5
  local dir="$work/$name" ignore=("$@")
  local group_args=() ignore_args=()
  [[ "$group" != "-" ]] && group_args=(--group "$group")
  for c in "${ignore[@]}"; do ignore_args+=(--ignore "$c"); done
  echo
  echo "== $name: $description"
  if [[ "$group" != "-" ]]; then
    "$py" "$here/accuracy.py" folds "$dir/table.csv" "$label" "$positive" "$folds" "$seed" "$dir/folds.csv" "$group"
  else
    "$py" "$here/accuracy.py" folds "$dir/table.csv" "$label" "$positive" "$folds" "$seed" "$dir/folds.csv"
  fi
  "$cw" model evaluate --csv "$dir/table.csv" --label "$label" --positive "$positive" --seed "$seed" \
    --fold-file "$dir/folds.csv" "${group_args[@]}" "${ignore_args[@]}" > "$dir/churnwatch.out"
  OMP_NUM_THREADS="$threads" "$py" "$here/accuracy.py" compete "$dir/table.csv" "$label" "$positive" "$dir/folds.csv" \
    "$seed" "$threads" "$group" "${ignore[@]}" > "$dir/competitors.out"

  local chosen; chosen="$(sed -n 's/^chosen: //p' "$dir/churnwatch.out")"
  printf '%-44s %7s %7s %9s %8s\n' learner AUC Brier "log loss" "fit s"
  local line learner auc brier logloss fit cw_auc="" cw_brier=""
  while read -r line; do
    [[ "$line" == chosen:* || -z "$line" ]] && continue
    learner="${line%%:*}"
    auc="$(field "$line" AUC)"; brier="$(field "$line" Brier)"; logloss="$(field "$line" 'log loss')"; fit="$(field "$line" fit)"
    printf '%-44s %7s %7s %9s %8s\n' "ChurnWatch $learner" "$auc" "$brier" "$logloss" "$fit"
    if [[ "$learner" == "$chosen" ]]; then cw_auc="$auc" cw_brier="$brier" cw_line=("$auc" "$brier" "$logloss" "$fit"); fi
  done < "$dir/churnwatch.out"
  printf '%-44s %7s %7s %9s %8s\n' "ChurnWatch chosen: $chosen" "${cw_line[@]}"
  local best_auc=0 best_name="" min_brier=1 min_brier_name=""
  while read -r line; do
    learner="$(sed -n 's/^learner=\([^ ]*\).*/\1/p' <<<"$line")"
    auc="$(kv "$line" auc)"; brier="$(kv "$line" brier)"; logloss="$(kv "$line" log_loss)"; fit="$(kv "$line" fit_seconds)"
    printf '%-44s %7s %7s %9s %8s\n' "$learner" "$auc" "$brier" "$logloss" "$fit"
    if awk "BEGIN{exit !($auc > $best_auc)}"; then best_auc="$auc" best_name="$learner"; fi
    if awk "BEGIN{exit !($brier < $min_brier)}"; then min_brier="$brier" min_brier_name="$learner"; fi
  done < "$dir/competitors.out"

  local gap verdict
  gap="$(awk "BEGIN{printf \"%.4f\", $best_auc - $cw_auc}")"
  if awk "BEGIN{exit !($cw_auc >= $best_auc - 0.005 && $cw_brier <= $min_brier)}"; then verdict=PASS; else verdict=FAIL; failed=1; fi
  echo "$verdict $name: chosen $chosen AUC $cw_auc vs best $best_name $best_auc (gap $gap, target <= 0.005); Brier $cw_brier vs lowest $min_brier_name $min_brier (target: not higher)"
  summary+=("| $name | $chosen | $cw_auc | $cw_brier | $best_name | $best_auc | $gap | $min_brier ($min_brier_name) | $verdict |")
}

echo "Preparing tables in $work ..."
[[ $quick == 0 ]] && sample_table sample-42 2000 24 42
sample_table sample-7 1000 36 7
[[ $quick == 0 ]] && sample_table sample-2026 1500 18 2026
synthetic_table mixed mixed 20000 11
[[ $quick == 0 ]] && synthetic_table rare rare 8000 12

[[ $quick == 0 ]] && run_table sample-42 "the sample company (2,000 accounts x 24 months, seed 42): ChurnWatch's churn training set" churned 1 account_id observation_date
run_table sample-7 "sample company, 1,000 accounts x 36 months, seed 7: ChurnWatch's churn training set" churned 1 account_id observation_date
[[ $quick == 0 ]] && run_table sample-2026 "sample company, 1,500 accounts x 18 months, seed 2026: ChurnWatch's churn training set" churned 1 account_id observation_date
run_table mixed "synthetic, 20,000 accounts, 6 text columns, missing values, churn about 22%" status churned - account
[[ $quick == 0 ]] && run_table rare "synthetic, 8,000 accounts, 6 text columns, missing values, churn about 4%" status churned - account

echo
echo "Summary ($started_at UTC; load average before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg); $folds folds, seed $seed, $threads threads)"
echo "| table | ChurnWatch chosen | AUC | Brier | best competitor | its AUC | AUC gap | lowest competitor Brier | target |"
echo "|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${summary[@]}"
if [[ $failed == 1 && $strict == 1 ]]; then
  exit 1
fi
exit 0
