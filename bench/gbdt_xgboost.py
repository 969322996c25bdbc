"""XGBoost side of bench/gbdt.sh: same file, same split, same hyper-parameters (tree_method=hist)."""
import sys
import time
import numpy as np
import xgboost as xgb

predictors, labels, rows, cols, train_rows, trees, depth, threads = sys.argv[1:9]
rows, cols, train_rows, trees, depth, threads = map(int, (rows, cols, train_rows, trees, depth, threads))
x = np.fromfile(predictors, dtype=np.float64).reshape(rows, cols)
y = np.fromfile(labels, dtype=np.float64)

start = time.perf_counter()
cpu = time.process_time()
train = xgb.DMatrix(x[:train_rows], label=y[:train_rows], missing=np.nan, nthread=threads)
mean = float(y[:train_rows].mean())
params = {"objective": "binary:logistic", "tree_method": "hist", "max_depth": depth, "eta": 0.1,
          "lambda": 1.0, "min_child_weight": 1.0, "gamma": 0.0, "max_bin": 255, "nthread": threads,
          "base_score": mean}
booster = xgb.train(params, train, num_boost_round=trees)
train_seconds = time.perf_counter() - start
train_cpu_seconds = time.process_time() - cpu

# Three passes as on the ChurnWatch side: the first (cold) and the best are reported. XGBoost caches the
# predictions of a DMatrix it has seen, so each pass predicts a fresh one (built outside the timing).
score_seconds = []
score_cpu_seconds = []
for _ in range(3):
    test = xgb.DMatrix(x[train_rows:], missing=np.nan, nthread=threads)
    start = time.perf_counter()
    cpu = time.process_time()
    p = booster.predict(test)
    score_seconds.append(time.perf_counter() - start)
    score_cpu_seconds.append(time.process_time() - cpu)
    del test

actual = y[train_rows:] == 1
order = np.argsort(p, kind="mergesort")
ranks = np.empty(len(p))
ranks[order] = np.arange(1, len(p) + 1)
pos = actual.sum()
auc = (ranks[actual].sum() - pos * (pos + 1) / 2) / (pos * (len(p) - pos))
print(f"train_seconds={train_seconds:.3f}")
print(f"train_cpu_seconds={train_cpu_seconds:.3f}")
print(f"score_rows_per_second_first={len(p) / score_seconds[0]:.0f}")
print(f"score_rows_per_second={len(p) / min(score_seconds):.0f}")
best = score_seconds.index(min(score_seconds))
print(f"score_cpu_us_per_row={score_cpu_seconds[best] * 1e6 / len(p):.2f}")
print(f"test_auc={auc:.5f}")
print(f"xgboost_version={xgb.__version__}")
