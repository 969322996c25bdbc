using ChurnWatch.Analytics.Predictors;

namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// A training in progress: the observation rows of a company gathered one batch of accounts at a time, then the churn
/// and renewal models fitted on them. Several can gather side by side from one pass over the batches (the forecast
/// backtest trains a model per past date that way, each on the history cut at its date). The rows' predictors wait in
/// a temporary file until <see cref="Finish"/>; disposing a training that never finished deletes it.
/// </summary>
public sealed class ChurnModelTraining : IDisposable
{
    private readonly ObservationSetBuilder.Rows _rows;
    private readonly ModelingOptions _options;
    private readonly DateTime _dataAsOf;
    private readonly int? _firstDataDay;

    private readonly bool _measureImportance;

    private ChurnModelTraining(PredictorSettings settings, TrainingSample sample, ObservationSetBuilder.Rows rows, ModelingOptions options, CompanyShape shape, bool measureImportance)
    {
        _measureImportance = measureImportance;
        Settings = settings;
        Sample = sample;
        _rows = rows;
        _options = options;
        _dataAsOf = shape.DataAsOf;
        _firstDataDay = shape.FirstDataDay;
    }

    /// <summary>The predictor definitions the models are trained with.</summary>
    public PredictorSettings Settings { get; }

    /// <summary>Which rows the training keeps, and their weights.</summary>
    public TrainingSample Sample { get; }

    /// <summary>
    /// Starts a training: <paramref name="ledger"/> (every account's subscriptions, with the company's shape; it needs no
    /// usage) decides the predictor settings, the observation dates and the <see cref="TrainingSample"/>.
    /// </summary>
    public static ChurnModelTraining Start(CompanyTimeline ledger, ModelingOptions options) => Start(ledger, options, measureImportance: true);

    /// <summary>
    /// Starts a training whose models score accounts but are never kept or shown (the forecast backtest's, one per past
    /// date; the one past model that <c>reasons evaluate</c> and <c>signals evaluate</c> replay weeks with): as
    /// <see cref="Start(CompanyTimeline, ModelingOptions)"/>, but the models' global importance is not measured. That
    /// measure scores the backtest's test period once per predictor and repeat, and only describes a model that is
    /// kept and shown; each account's explanation does not need it.
    /// </summary>
    public static ChurnModelTraining StartWithoutImportance(CompanyTimeline ledger, ModelingOptions options) => Start(ledger, options, measureImportance: false);

    private static ChurnModelTraining Start(CompanyTimeline ledger, ModelingOptions options, bool measureImportance)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var settings = ChurnModelWorkflow.ResolvePredictorSettings(ledger, options);
        var dates = ObservationSetBuilder.ObservationDates(ledger.Shape, options);
        var sample = TrainingSample.Plan(ledger, dates, options);
        return new ChurnModelTraining(settings, sample, new ObservationSetBuilder.Rows(dates, sample, options), options, ledger.Shape, measureImportance);
    }

    /// <summary>Adds the kept rows of one batch (a timeline built with the ledger's shape); the batch may be dropped after.</summary>
    public void Add(CompanyTimeline batch) => _rows.Add(new PredictorBuilder(batch, Settings));

    /// <summary>
    /// Fits the models on the rows gathered (see <see cref="ChurnModelWorkflow.Train(CompanyTimeline, ModelingOptions)"/>).
    /// Throws <see cref="InvalidOperationException"/> when there is no batch or no labelled churn rows with both outcomes.
    /// </summary>
    public TrainedModels Finish()
    {
        using var set = _rows.ToSet();
        return ChurnModelWorkflow.Train(set, Sample, Settings, _options, _dataAsOf, _firstDataDay, _measureImportance);
    }

    public void Dispose() => _rows.Dispose();
}
