namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// Training observations: one row per account per observation date, features in a flat row-major array, and both
/// targets' labels (-1 when the row has no knowable label for that target).
/// </summary>
internal sealed class ObservationSet
{
    public ObservationSet(IReadOnlyList<string> featureNames, int[] account, int[] day, double[] features, sbyte[] churn, sbyte[] nonRenewal)
    {
        FeatureNames = featureNames;
        Account = account;
        Day = day;
        Features = features;
        Churn = churn;
        NonRenewal = nonRenewal;
    }

    public IReadOnlyList<string> FeatureNames { get; }

    public int FeatureCount => FeatureNames.Count;

    public int Count => Day.Length;

    /// <summary>Account position in the timeline.</summary>
    public int[] Account { get; }

    /// <summary>Observation date as a day number.</summary>
    public int[] Day { get; }

    /// <summary>Row-major, <see cref="Count"/> x <see cref="FeatureCount"/>.</summary>
    public double[] Features { get; }

    public sbyte[] Churn { get; }

    public sbyte[] NonRenewal { get; }

    public sbyte[] Labels(ModelTarget target) => target == ModelTarget.Churn ? Churn : NonRenewal;

    public ReadOnlySpan<double> Row(int row) => Features.AsSpan(row * FeatureCount, FeatureCount);
}
