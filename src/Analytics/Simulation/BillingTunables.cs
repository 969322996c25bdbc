namespace ChurnWatch.Analytics.Simulation;

/// <summary>Invoices and payments: card dunning, payment terms and how late invoiced customers pay.</summary>
public sealed record BillingTunables
{
    /// <summary>Days after the invoice on which a card is charged until it succeeds (days since issue).</summary>
    public IReadOnlyList<int> CardAttemptDays { get; init; } = [0, 3, 7, 14];

    /// <summary>Spread of a card attempt after midnight (minutes, exclusive).</summary>
    public int CardAttemptSpreadMinutes { get; init; } = 120;

    /// <summary>Probability that a card charge succeeds.</summary>
    public double CardSuccessChance { get; init; } = 0.97;

    /// <summary>Probability that a card charge succeeds while the account has card trouble.</summary>
    public double CardSuccessChanceInTrouble { get; init; } = 0.12;

    /// <summary>Days after the dunning run's first attempt before a fixed card pays the balance (days).</summary>
    public int DunningDays { get; init; } = 15;

    /// <summary>Spread of the payment after a fixed card on the following day (minutes, exclusive).</summary>
    public int FixedCardSpreadMinutes { get; init; } = 600;

    /// <summary>Payment terms of an invoice (days from issue to due).</summary>
    public int PaymentTermsDays { get; init; } = 30;

    /// <summary>Shortest delay past the due date of a payment in financial distress (days).</summary>
    public double DistressDelayMinDays { get; init; } = 50;

    /// <summary>Longest delay past the due date of a payment in financial distress (days).</summary>
    public double DistressDelayMaxDays { get; init; } = 110;

    /// <summary>Shortest delay past the due date of a slow payer's payment (days).</summary>
    public double SlowDelayMinDays { get; init; } = 3;

    /// <summary>Longest delay past the due date of a slow payer's payment (days).</summary>
    public double SlowDelayMaxDays { get; init; } = 45;

    /// <summary>Mean delay past the due date of other payments (days; negative is early).</summary>
    public double UsualDelayMeanDays { get; init; } = -4;

    /// <summary>Standard deviation of the delay of other payments (days).</summary>
    public double UsualDelaySdDays { get; init; } = 6;

    /// <summary>Earliest other payment, relative to the due date (days).</summary>
    public double UsualDelayMinDays { get; init; } = -25;

    /// <summary>Latest other payment, relative to the due date (days).</summary>
    public double UsualDelayMaxDays { get; init; } = 12;

    /// <summary>Hours after issue at which an invoice paid "before" it was issued is paid instead (hours).</summary>
    public double EarliestPaymentHours { get; init; } = 6;
}
