namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// Training observations: one row per account per observation date, its predictors (in a temporary file, see
/// <see cref="PredictorRows"/>), and both targets' labels (-1 when the row has no knowable label for that target).
/// Disposing it deletes the predictors' file.
/// </summary>
internal sealed class ObservationSet : IDisposable
{
    public ObservationSet(
        int[] account,
        int[] day,
        PredictorRows predictors,
        sbyte[] churn,
        sbyte[] nonRenewal,
        int[] churnKnownDay,
        int[] renewalKnownDay)
    {
        ChurnKnownDay = churnKnownDay;
        RenewalKnownDay = renewalKnownDay;
        Account = account;
        Day = day;
        Predictors = predictors;
        Churn = churn;
        NonRenewal = nonRenewal;
    }

    public IReadOnlyList<string> PredictorNames => Predictors.Names;

    public int PredictorCount => PredictorNames.Count;

    public int Count => Day.Length;

    /// <summary>Account position in <see cref="AccountIds"/>.</summary>
    public int[] Account { get; }

    /// <summary>The accounts of every batch the rows came from, in batch order.</summary>
    public IReadOnlyList<string> AccountIds { get; init; } = [];

    /// <summary>
    /// Per row, its training weight: 1, or one over the sampling rate for a sampled row (see <see cref="TrainingSample"/>).
    /// </summary>
    public float[] Weight { get; init; } = [];

    /// <summary>True when some row stands for more than itself (a sampled set): learners then read the weights.</summary>
    public bool IsWeighted => Array.Exists(Weight, w => w != 1f);

    /// <summary>Observation date as a day number.</summary>
    public int[] Day { get; }

    /// <summary><see cref="Count"/> rows of <see cref="PredictorCount"/> predictors.</summary>
    public PredictorRows Predictors { get; }

    public sbyte[] Churn { get; }

    public sbyte[] NonRenewal { get; }

    /// <summary>The day from which the churn label is determined by the data (D + horizon + grace).</summary>
    public int[] ChurnKnownDay { get; }

    /// <summary>The day from which the renewal label is determined (renewal date + grace); 0 without one.</summary>
    public int[] RenewalKnownDay { get; }

    public int[] KnownDay(ModelTarget target) => target == ModelTarget.Churn ? ChurnKnownDay : RenewalKnownDay;

    public sbyte[] Labels(ModelTarget target) => target == ModelTarget.Churn ? Churn : NonRenewal;

    /// <summary>
    /// Predictors that count or sum things (events, users, money): heavy-tailed, so the linear model reads them on a
    /// log scale. From the predictor catalogue, not guessed from the data, so the choice never changes with a sample.
    /// </summary>
    public IReadOnlySet<string> CountLike { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>One row's predictors (a file read: for a few rows, not a pass over the set).</summary>
    public float[] Row(int row) => Predictors.Row(row);

    public void Dispose() => Predictors.Dispose();
}
