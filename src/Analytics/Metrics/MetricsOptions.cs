using System.ComponentModel.DataAnnotations;

namespace ChurnWatch.Analytics.Metrics;

/// <summary>
/// The conventions of the SaaS metrics (configuration section <c>Metrics</c>). Tools differ on them, so they are
/// settings, and every metrics output prints the values it was computed with.
/// </summary>
public sealed class MetricsOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Metrics";

    /// <summary>
    /// A customer whose last subscription ended and who subscribes again within this many days did not churn: the gap
    /// is bridged at the MRR it had before. Default 30 (the churn model's grace period); range 0 to 180.
    /// </summary>
    [Range(0, 180)]
    public int GraceDays { get; set; } = 30;

    /// <summary>
    /// An account is delinquent while an invoice is unpaid this many days after its due date. Default 60; range 1 to 365.
    /// Only matters when <see cref="Delinquent"/> is <see cref="DelinquentTreatment.CountAsChurned"/>.
    /// </summary>
    [Range(1, 365)]
    public int DelinquentAfterDays { get; set; } = 60;

    /// <summary>Whether delinquent accounts' MRR counts. Default <see cref="DelinquentTreatment.CountAsActive"/>.</summary>
    [EnumDataType(typeof(DelinquentTreatment))]
    public DelinquentTreatment Delinquent { get; set; } = DelinquentTreatment.CountAsActive;

    /// <summary>
    /// What happens to a customer who signs up and cancels within one calendar month (never a customer at a month end).
    /// Default <see cref="SameMonthCancellation.Exclude"/>.
    /// </summary>
    [EnumDataType(typeof(SameMonthCancellation))]
    public SameMonthCancellation SameMonthSignupAndCancel { get; set; } = SameMonthCancellation.Exclude;

    /// <summary>Throws when a value is out of range, naming the key.</summary>
    public void Validate() => Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);

    /// <summary>The conventions in one line, for the outputs.</summary>
    public string Describe() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"grace period {GraceDays} days; delinquent accounts (invoice unpaid {DelinquentAfterDays}+ days past due): {Delinquent}; same-month sign-up and cancel: {SameMonthSignupAndCancel}");
}
