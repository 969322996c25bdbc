"""Python side of bench/accuracy.sh (issue 4): fold files, the synthetic tables, and XGBoost / scikit-learn on the
same table and the same folds as ChurnWatch.

  accuracy.py folds TABLE LABEL POSITIVE FOLDS SEED OUT [GROUP]   write OUT (header 'fold', one line per table row)
  accuracy.py synthetic KIND ROWS SEED OUT                         write a differently-shaped account table
  accuracy.py compete TABLE LABEL POSITIVE FOLDFILE SEED THREADS GROUP|- EXCLUDE...
                                                                   cross-validate the competitors; print one
                                                                   'learner=... auc=... brier=... log_loss=... fit_seconds=...' line each
"""
import csv
import sys
import time

import numpy as np

MAX_CATEGORIES = 20  # as ChurnWatch's TableColumn.MaxLevels
EPSILON = 1e-15      # as ChurnWatch's ClassificationMetrics log loss clip


def read_table(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def labels_of(header, rows, label, positive):
    i = header.index(label)
    return np.array([1.0 if r[i] == positive else 0.0 for r in rows])


def is_number(cell):
    try:
        float(cell)
        return True
    except ValueError:
        return False


def encode(header, rows, exclude):
    """The same encoding as ChurnWatch's table models (TableColumn, ML.NET's OneHotEncoding over the kept levels): a
    column whose non-empty cells are all numbers stays numeric (empty = NaN); any other column is one 0/1 column per
    level among its 20 most frequent non-empty levels (ties by name); a rarer level, an unseen one or an empty cell is
    '(other)', the all-zero vector."""
    columns, names = [], []
    for c, name in enumerate(header):
        if name in exclude:
            continue
        cells = [r[c].strip() for r in rows]
        if all(v == "" or is_number(v) for v in cells):
            columns.append(np.array([float(v) if v != "" else np.nan for v in cells]))
            names.append(name)
            continue
        counts = {}
        for v in cells:
            if v != "":
                counts[v] = counts.get(v, 0) + 1
        ordered = sorted(counts, key=lambda k: (-counts[k], k))
        for level in ordered[:MAX_CATEGORIES]:
            columns.append(np.array([1.0 if v == level else 0.0 for v in cells]))
            names.append(f"{name}={level}")
    return np.column_stack(columns), names


def auc(p, y):
    """Mann-Whitney AUC with tied scores counting half, as ChurnWatch's ClassificationMetrics.Auc."""
    from scipy.stats import rankdata
    ranks = rankdata(p)
    pos = y.sum()
    neg = len(y) - pos
    return (ranks[y == 1].sum() - pos * (pos + 1) / 2) / (pos * neg)


def metrics(p, y):
    clipped = np.clip(p, EPSILON, 1 - EPSILON)
    log_loss = -np.mean(y * np.log(clipped) + (1 - y) * np.log(1 - clipped))
    return auc(p, y), float(np.mean((p - y) ** 2)), float(log_loss)


def folds(table, label, positive, k, seed, out, group=None):
    from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold
    header, rows = read_table(table)
    y = labels_of(header, rows, label, positive)
    if group:
        g = [r[header.index(group)] for r in rows]
        splitter = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=seed).split(np.zeros(len(y)), y, g)
    else:
        splitter = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed).split(np.zeros(len(y)), y)
    fold = np.empty(len(y), dtype=int)
    for f, (_, test) in enumerate(splitter):
        fold[test] = f
    with open(out, "w", newline="", encoding="utf-8") as f:
        f.write("fold\n")
        f.writelines(f"{v}\n" for v in fold)
    rates = ", ".join(f"{y[fold == f].mean():.4f}" for f in range(k))
    groups_text = f", grouped by {group}" if group else ""
    print(f"{len(y)} rows, {k} folds{groups_text}, positive rate per fold: {rates}")


def synthetic(kind, n, seed, out):
    """Account tables of another shape than the sample company's training set: one row per account, more text
    columns (some with more levels than ChurnWatch keeps), missing numbers and text, another base rate, and effects
    that are nonlinear or interact."""
    rng = np.random.default_rng(seed)
    industries = [f"industry_{i:02d}" for i in range(35)]
    countries = [f"C{i:02d}" for i in range(60)]
    plans = ["Free", "Starter", "Team", "Business", "Enterprise"]
    channels = ["web", "sales", "partner", "referral"]
    regions = ["NA", "EMEA", "APAC", "LATAM"]
    managers = [f"csm_{i:02d}" for i in range(25)]
    industry = rng.choice(len(industries), n, p=np.sort(rng.dirichlet(np.ones(len(industries)) * 0.7))[::-1])
    country = rng.choice(len(countries), n, p=np.sort(rng.dirichlet(np.ones(len(countries)) * 0.5))[::-1])
    plan = rng.choice(len(plans), n, p=[0.15, 0.35, 0.3, 0.15, 0.05])
    channel = rng.choice(len(channels), n)
    region = rng.choice(len(regions), n, p=[0.45, 0.3, 0.15, 0.1])
    manager = rng.choice(len(managers), n)
    seats = np.round(np.exp(rng.normal(1.5 + 0.6 * plan, 0.8))) + 1
    active = np.minimum(seats, rng.binomial(seats.astype(int), rng.beta(3, 2, n)))
    tenure = rng.gamma(2.0, 250.0, n)
    logins = rng.poisson(active * rng.gamma(2, 6, n))
    tickets = rng.poisson(0.5 + 0.2 * plan)
    nps = rng.integers(0, 11, n).astype(float)
    discount = np.where(rng.random(n) < 0.3, rng.uniform(0, 0.4, n), 0.0)
    overdue = rng.poisson(0.3, n)
    industry_effect = rng.normal(0, 0.5, len(industries))
    country_effect = rng.normal(0, 0.4, len(countries))
    manager_effect = rng.normal(0, 0.3, len(managers))
    utilisation = active / seats
    logit = (0.3 - 2.0 * utilisation + 0.9 * (utilisation < 0.2) - 0.5 * np.log1p(tenure / 100)
             + 0.35 * tickets - 0.15 * (nps - 5) + 1.5 * discount * (plan <= 1) + 0.6 * overdue
             + industry_effect[industry] + country_effect[country] + manager_effect[manager]
             + 0.5 * (channel == 2) - 0.3 * (region == 0) - 0.4 * np.log1p(logins) / 3
             + 0.8 * ((plan >= 3) & (utilisation < 0.4)))
    if kind == "rare":
        logit -= 2.3
    y = rng.random(n) < 1 / (1 + np.exp(-logit))
    # Missing values: NPS is often not asked; logins missing for some accounts (no tracking); text gaps.
    nps_missing = rng.random(n) < 0.35
    logins_missing = rng.random(n) < 0.1
    country_missing = rng.random(n) < 0.05
    manager_missing = rng.random(n) < (0.2 if kind == "rare" else 0.08)
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["account", "industry", "country", "plan", "channel", "region", "csm", "seats", "active_users",
                    "tenure_days", "logins_30d", "tickets_90d", "nps", "discount", "invoices_overdue", "status"])
        for i in range(n):
            w.writerow([
                f"ACC{i:06d}", industries[industry[i]], "" if country_missing[i] else countries[country[i]],
                plans[plan[i]], channels[channel[i]], regions[region[i]], "" if manager_missing[i] else managers[manager[i]],
                int(seats[i]), int(active[i]), f"{tenure[i]:.0f}", "" if logins_missing[i] else int(logins[i]),
                int(tickets[i]), "" if nps_missing[i] else int(nps[i]), f"{discount[i]:.3f}", int(overdue[i]),
                "churned" if y[i] else "retained"])
    print(f"{n} accounts, churn rate {y.mean():.4f}")


def competitors(seed, threads):
    import xgboost as xgb
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupShuffleSplit, StratifiedShuffleSplit
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    def xgboost_fit(x, y, g, depth, subsample):
        # Early stopping on a tenth of the training rows, held out by group when rows are grouped (accounts).
        if g is not None:
            inner, held = next(GroupShuffleSplit(n_splits=1, test_size=0.1, random_state=seed).split(x, y, g))
        else:
            inner, held = next(StratifiedShuffleSplit(n_splits=1, test_size=0.1, random_state=seed).split(x, y))
        params = {"objective": "binary:logistic", "eval_metric": "logloss", "tree_method": "hist", "max_depth": depth,
                  "eta": 0.1, "min_child_weight": 1.0, "lambda": 1.0, "subsample": subsample,
                  "colsample_bytree": subsample, "max_bin": 256, "nthread": threads, "seed": seed}
        train = xgb.DMatrix(x[inner], label=y[inner], missing=np.nan, nthread=threads)
        valid = xgb.DMatrix(x[held], label=y[held], missing=np.nan, nthread=threads)
        booster = xgb.train(params, train, num_boost_round=1000, evals=[(valid, "valid")],
                            early_stopping_rounds=20, verbose_eval=False)
        return lambda t: booster.predict(xgb.DMatrix(t, missing=np.nan, nthread=threads),
                                         iteration_range=(0, booster.best_iteration + 1))

    def hgb_fit(x, y, g):
        model = HistGradientBoostingClassifier(random_state=seed).fit(x, y)
        return lambda t: model.predict_proba(t)[:, 1]

    def logistic_fit(x, y, g):
        model = make_pipeline(SimpleImputer(strategy="median", add_indicator=True), StandardScaler(),
                              LogisticRegression(C=1.0, max_iter=5000)).fit(x, y)
        return lambda t: model.predict_proba(t)[:, 1]

    # XGBoost twice: with its usual depth 6 on every row and column, and with the settings ChurnWatch's trees use
    # (depth 3, 80% of rows and columns per tree), so a gap cannot come from ChurnWatch's tuning alone.
    return [("xgboost_hist", lambda x, y, g: xgboost_fit(x, y, g, 6, 1.0)),
            ("xgboost_hist_depth3", lambda x, y, g: xgboost_fit(x, y, g, 3, 0.8)),
            ("sklearn_hist_gradient_boosting", hgb_fit),
            ("sklearn_logistic_regression", logistic_fit)]


def compete(table, label, positive, fold_file, seed, threads, group, exclude):
    header, rows = read_table(table)
    y = labels_of(header, rows, label, positive)
    group = None if group == "-" else group
    exclude = set(exclude) | {label} | ({group} if group else set())
    x, _ = encode(header, rows, exclude)
    g = np.array([r[header.index(group)] for r in rows]) if group else None
    with open(fold_file, encoding="utf-8") as f:
        fold = np.array([int(line) for line in list(f)[1:]])
    assert len(fold) == len(y), "the fold file and the table differ in rows"
    for name, fit in competitors(seed, threads):
        predicted = np.empty(len(y))
        seconds = 0.0
        for k in range(fold.max() + 1):
            train, test = fold != k, fold == k
            # Timed as ChurnWatch's evaluate times its folds: the fit and the fold's predictions.
            start = time.perf_counter()
            predict = fit(x[train], y[train], g[train] if g is not None else None)
            predicted[test] = predict(x[test])
            seconds += time.perf_counter() - start
        a, b, ll = metrics(predicted, y)
        print(f"learner={name} auc={a:.4f} brier={b:.4f} log_loss={ll:.4f} fit_seconds={seconds:.2f}", flush=True)


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "folds":
        folds(args[0], args[1], args[2], int(args[3]), int(args[4]), args[5], args[6] if len(args) > 6 else None)
    elif command == "synthetic":
        synthetic(args[0], int(args[1]), int(args[2]), args[3])
    elif command == "compete":
        compete(args[0], args[1], args[2], args[3], int(args[4]), int(args[5]), args[6], args[7:])
    else:
        sys.exit(f"unknown command {command}; see the docstring")
