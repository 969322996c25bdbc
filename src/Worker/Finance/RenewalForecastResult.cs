using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Worker.Reports;

namespace ChurnWatch.Worker.Finance;

/// <summary>A renewal forecast with its backtest, ready to write.</summary>
/// <param name="ScoresAsOf">The date of the scoring whose renewal probabilities the forecast uses.</param>
/// <param name="DataAsOf">The newest instant of the data in the store.</param>
/// <param name="GeneratedAt">When the forecast was made.</param>
/// <param name="Total">All segments together, one row per month.</param>
/// <param name="BySegment">One row per segment and month; null when not asked for.</param>
/// <param name="Backtest">Past months forecast 3 and 6 months ahead against what happened.</param>
/// <param name="Summary">The backtest's accuracy per lead time.</param>
/// <param name="ProbabilitySources">Where the backtest's probabilities of each forecast date came from.</param>
/// <param name="Currency">ISO 4217 code of the amounts.</param>
/// <param name="GraceDays">A renewal counts when the account is still a customer this many days after the date.</param>
/// <param name="Sources">The freshness of every source.</param>
public sealed record RenewalForecastResult(
    DateOnly ScoresAsOf,
    DateTime DataAsOf,
    DateTime GeneratedAt,
    IReadOnlyList<RenewalForecastMonth> Total,
    IReadOnlyList<RenewalForecastMonth>? BySegment,
    IReadOnlyList<RenewalBacktestMonth> Backtest,
    IReadOnlyList<RenewalBacktestSummary> Summary,
    IReadOnlyDictionary<DateOnly, string> ProbabilitySources,
    string Currency,
    int GraceDays,
    IReadOnlyList<SourceAsOf> Sources)
{
    /// <summary>The backtest used probabilities stored by an earlier scoring of the forecast date.</summary>
    public const string StoredScores = "stored_scores";

    /// <summary>The backtest scored the forecast date with today's model: the model saw those dates' outcomes while training.</summary>
    public const string CurrentModelInSample = "current_model_in_sample";

    /// <summary>The backtest trained the models on the data before the forecast date only: out-of-sample.</summary>
    public const string ModelTrainedBeforeDate = "model_trained_before_date";

    /// <summary>The trailing renewal rates as of the scoring date behind the forecast's trailing-rate baseline; null without one.</summary>
    public TrailingRenewalRate? TrailingRate { get; init; }

    /// <summary>Month-to-month revenue (accounts without a renewal date): MRR kept at each month's end, all segments.</summary>
    public IReadOnlyList<MonthToMonthForecastMonth> MonthToMonth { get; init; } = [];

    /// <summary>The same per segment; null when not asked for.</summary>
    public IReadOnlyList<MonthToMonthForecastMonth>? MonthToMonthBySegment { get; init; }

    /// <summary>The trailing monthly churn rate of month-to-month MRR behind the baseline; null when none was running.</summary>
    public double? MonthToMonthChurnRate { get; init; }

    /// <summary>The horizon of the churn probabilities the month-to-month forecast spreads over time (Modeling:HorizonDays).</summary>
    public int MonthToMonthHorizonDays { get; init; } = 90;

    /// <summary>Past months' month-to-month forecasts against the MRR kept.</summary>
    public IReadOnlyList<MonthToMonthBacktestMonth> MonthToMonthBacktest { get; init; } = [];

    /// <summary>The month-to-month backtest's accuracy per lead time.</summary>
    public IReadOnlyList<MonthToMonthBacktestSummary> MonthToMonthSummary { get; init; } = [];

    /// <summary>
    /// What the settled months of the renewal backtest say of today's forecast, per lead time (null where too few
    /// had settled); null when the backtest was not run, and the forecast is the model's with independent renewals' range.
    /// </summary>
    public IReadOnlyDictionary<int, ForecastCalibration?>? RenewalCalibration { get; init; }

    /// <summary>The same for month-to-month revenue.</summary>
    public IReadOnlyDictionary<int, ForecastCalibration?>? MonthToMonthCalibration { get; init; }

    /// <summary>The forecast dates of the backtest's rows (dates whose months had renewals due).</summary>
    public int BacktestDates => Backtest.Select(r => r.ForecastDate).Distinct().Count();

    /// <summary>Those of <see cref="BacktestDates"/> before which no renewal had settled: the trailing rate is "everything renews" there.</summary>
    public int BacktestDatesWithoutSettledRenewals =>
        Backtest.Where(r => r.TrailingRateBasis == TrailingRateBasis.EverythingRenews).Select(r => r.ForecastDate).Distinct().Count();

    /// <summary>The probability source of a forecast date, for the backtest CSV.</summary>
    public string ProbabilitySource(DateOnly forecastDate) => ProbabilitySources.GetValueOrDefault(forecastDate, CurrentModelInSample);
}
