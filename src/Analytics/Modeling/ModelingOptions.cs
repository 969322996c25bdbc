using System.ComponentModel.DataAnnotations;

namespace ChurnWatch.Analytics.Modeling;

/// <summary>How ChurnWatch builds training sets, fits and scores its risk models (configuration section <c>Modeling</c>).</summary>
public sealed class ModelingOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Modeling";

    /// <summary>Days between observation dates. Default 7; range 7-364 and a multiple of 7 so every date is a Monday.</summary>
    [Range(7, 364)]
    public int ObservationIntervalDays { get; set; } = 7;

    /// <summary>Churn horizon after an observation date. Default 90; range 7-365.</summary>
    [Range(7, 365)]
    public int HorizonDays { get; set; } = 90;

    /// <summary>A new subscription within this many days of the last one ending is not churn. Default 30; range 0-180.</summary>
    [Range(0, 180)]
    public int GraceDays { get; set; } = 30;

    /// <summary>Renewal rows are observations whose next renewal is at most this many days away. Default 365; range 1-730.</summary>
    [Range(1, 730)]
    public int RenewalWindowDays { get; set; } = 365;

    /// <summary>
    /// Observation dates start this many days after the first usage data, so the 12-week usage windows are filled.
    /// Default 84; range 0-365.
    /// </summary>
    [Range(0, 365)]
    public int WarmUpDays { get; set; } = 84;

    /// <summary>
    /// L2 penalty on standardised coefficients, per training row (mean log loss + strength/2 x |w|^2).
    /// Default 0.01; range 0-10. Larger values shrink coefficients towards zero (steadier, less sharp).
    /// </summary>
    [Range(0.0, 10.0)]
    public double L2Strength { get; set; } = 0.01;

    /// <summary>Days of the latest labelled observation dates held out as the backtest's test period. Default 91; range 7-365.</summary>
    [Range(7, 365)]
    public int BacktestTestDays { get; set; } = 91;

    /// <summary>
    /// Labelled observation rows before the backtest's test period that train the models. Above it, rows where nothing
    /// happened are sampled (every churn and non-renewal row kept) and weighted so the probabilities stay calibrated;
    /// see <see cref="TrainingSample"/>. Default 250,000 (a 2,000-account company trains on all its rows; a
    /// 50,000-account one on a sample); range 1,000-100,000,000.
    /// </summary>
    [Range(1_000, 100_000_000)]
    public int MaxTrainingRows { get; set; } = 250_000;

    /// <summary>
    /// Product features whose first use marks onboarding. Default empty: the three features with the most events in
    /// the history are used (a definition choice made without labels).
    /// </summary>
#pragma warning disable CA2227 // Options classes are bound from configuration, which needs a settable list.
    public IList<string> KeyFeatures { get; set; } = [];

    /// <summary>
    /// The learners that compete in the backtest: <c>lbfgs_logistic_regression</c>, <c>lightgbm</c>.
    /// Default: empty, meaning all of them. Listing one trains only that one (faster, or to pin the explainable
    /// linear model).
    /// </summary>
    public IList<string> Learners { get; set; } = [];

    /// <summary>Plan names from the lowest tier to the highest. Default Starter, Team, Business, Enterprise.</summary>
    public IList<string> PlanTiers { get; set; } = ["Starter", "Team", "Business", "Enterprise"];
#pragma warning restore CA2227

    /// <summary>
    /// Settings of the gradient-boosted trees (section <c>Modeling:Trees</c>), tuned for churn observation sets: few
    /// positives, each churned account seen on many dates, so shallower trees, a slower rate and larger leaves than
    /// the learner's generic defaults. <c>Trees</c> is the most kept; early stopping on the latest training dates picks
    /// fewer. Its seed is the modelling <see cref="Seed"/>.
    /// </summary>
    public GradientBoostingOptions Trees { get; set; } = new()
    {
        Trees = 400,
        LearningRate = 0.05,
        MaxDepth = 3,
        MinChildWeight = 20,
        RowSubsample = 0.8,
        ColumnSubsample = 0.8,
        EarlyStoppingRounds = 30,
    };

    /// <summary>Seed of every random choice in training (tree sampling, calibration halves, importance shuffles). Default 42.</summary>
    [Range(0, int.MaxValue)]
    public int Seed { get; set; } = 42;

    /// <summary>Churn probability from which an account is in the Medium band. Default 0.15; range 0-1, below <see cref="HighRiskThreshold"/>.</summary>
    [Range(0.0, 1.0)]
    public double MediumRiskThreshold { get; set; } = 0.15;

    /// <summary>Churn probability from which an account is in the High band. Default 0.35; range 0-1.</summary>
    [Range(0.0, 1.0)]
    public double HighRiskThreshold { get; set; } = 0.35;

    /// <summary>Risk drivers rendered as sentences per account. Default 3; range 0-10.</summary>
    [Range(0, 10)]
    public int ReasonCount { get; set; } = 3;

    /// <summary>
    /// The shortest history, in days from the first data to the data's end, in which a churn model can be trained and
    /// backtested at all (<c>Backtester</c>): the first observation date comes after the warm-up; a training date's
    /// label is settled a horizon and a grace later, which must be no later than the first test date; that date is
    /// within the test period, less at most one interval, of the last labelled date; and the last labelled date is a
    /// horizon and a grace before the data's end. Shorter, no observation can train, whatever the data.
    /// </summary>
    public int MinimumHistoryDays => WarmUpDays + (2 * (HorizonDays + GraceDays)) + BacktestTestDays - ObservationIntervalDays;

    /// <summary>How <see cref="MinimumHistoryDays"/> adds up, naming the keys (for messages).</summary>
    public string MinimumHistoryTerms => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"Modeling:{nameof(WarmUpDays)} ({WarmUpDays}) + 2 x (Modeling:{nameof(HorizonDays)} ({HorizonDays}) + Modeling:{nameof(GraceDays)} ({GraceDays})) + Modeling:{nameof(BacktestTestDays)} ({BacktestTestDays}) - Modeling:{nameof(ObservationIntervalDays)} ({ObservationIntervalDays})");

    /// <summary>Throws when values are out of range or inconsistent, naming the option (the first problem found).</summary>
    public void Validate() => Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);

    /// <inheritdoc />
    // The checks that span keys or a nested section, each message naming its key; run after the attributes pass.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ObservationIntervalDays % 7 != 0)
        {
            yield return new ValidationResult($"Modeling:{nameof(ObservationIntervalDays)} must be a multiple of 7 (observation dates are Mondays).", [nameof(ObservationIntervalDays)]);
        }

        var trees = new List<ValidationResult>();
        Validator.TryValidateObject(Trees, new ValidationContext(Trees), trees, validateAllProperties: true);
        foreach (var problem in trees)
        {
            var key = problem.MemberNames.FirstOrDefault();
            yield return new ValidationResult($"Modeling:Trees{(key is null ? string.Empty : ":" + key)}: {problem.ErrorMessage}", [nameof(Trees)]);
        }

        foreach (var learner in Learners.Where(l => !MlNet.MlNetLearners.All.Contains(l, StringComparer.Ordinal)))
        {
            yield return new ValidationResult($"Modeling:{nameof(Learners)} lists '{learner}'; known learners: {string.Join(", ", MlNet.MlNetLearners.All)}.", [nameof(Learners)]);
        }

        if (MediumRiskThreshold > HighRiskThreshold)
        {
            yield return new ValidationResult($"Modeling:{nameof(MediumRiskThreshold)} must not exceed {nameof(HighRiskThreshold)}.", [nameof(MediumRiskThreshold)]);
        }
    }
}
