namespace ChurnWatch.Analytics.Predictors;

/// <summary>An account's predictor values as of a date: the snapshot the pipeline stores and the model scores.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="AsOf">Observation date: only data strictly before it was used.</param>
/// <param name="Names">Predictor names, in column order (shared by all accounts of a run).</param>
/// <param name="Values">Values in the same order; NaN means absent.</param>
public sealed record AccountPredictors(string AccountId, DateOnly AsOf, IReadOnlyList<string> Names, IReadOnlyList<double> Values)
{
    /// <summary>The value of a named predictor (NaN when absent); throws for an unknown name.</summary>
    public double this[string name]
    {
        get
        {
            for (var i = 0; i < Names.Count; i++)
            {
                if (string.Equals(Names[i], name, StringComparison.Ordinal))
                {
                    return Values[i];
                }
            }

            throw new KeyNotFoundException($"No predictor named '{name}'.");
        }
    }

    /// <summary>
    /// Name to value in column order, absent values as null: ready for JSON, which has no NaN.
    /// </summary>
    public IReadOnlyDictionary<string, double?> ToDictionary()
    {
        var result = new Dictionary<string, double?>(Names.Count, StringComparer.Ordinal);
        for (var i = 0; i < Names.Count; i++)
        {
            result[Names[i]] = double.IsNaN(Values[i]) ? null : Values[i];
        }

        return result;
    }
}
