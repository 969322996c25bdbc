"""Writes the benchmark matrix once: row-major float64 predictors and float64 0/1 labels (seeded)."""
import sys
import numpy as np

rows, cols, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = np.random.default_rng(20261122)
x = rng.standard_normal((rows, cols))
# A nonlinear label: an interaction, a sine, a threshold, a square and a missing-value effect.
logit = (1.5 * x[:, 0] * x[:, 1] + np.sin(2 * x[:, 2]) + 1.0 * (x[:, 3] > 0.5)
         - 0.5 * x[:, 4] ** 2 + 0.3 * (x[:, 5] + x[:, 6]) + 0.4)
missing = rng.random(rows) < 0.1
logit[missing] += 1.0
x[missing, 7] = np.nan
y = (rng.random(rows) < 1 / (1 + np.exp(-logit))).astype(np.float64)
x.astype(np.float64).tofile(out + "/predictors.f64")
y.tofile(out + "/labels.f64")
print(f"rows={rows} cols={cols} positive_rate={y.mean():.4f}")
