namespace ChurnWatch.Analytics.Modeling.Tables;

/// <summary>How a table is cross-validated.</summary>
/// <param name="Count">Folds, at least 2.</param>
/// <param name="Given">
/// Each row's fold (0 to <paramref name="Count"/> - 1) when another tool assigned them (a fold file), else null:
/// ML.NET's cross-validation draws them, by <paramref name="Groups"/> when given.
/// </param>
/// <param name="Groups">
/// Each row's group (an account observed on several dates), else null: rows of a group stay in one fold, and the
/// trees' early-stopping hold-out takes whole groups too.
/// </param>
public sealed record TableFolds(int Count, IReadOnlyList<int>? Given, IReadOnlyList<string>? Groups);
