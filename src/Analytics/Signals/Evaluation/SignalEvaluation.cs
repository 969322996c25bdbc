namespace ChurnWatch.Analytics.Signals.Evaluation;

/// <summary>What replaying the signals over past weekly dates showed.</summary>
/// <param name="FirstDate">The first replayed date.</param>
/// <param name="LastDate">The last replayed date (a horizon plus the churn grace period before the data ends).</param>
/// <param name="Dates">Replayed dates.</param>
/// <param name="AccountDates">Active account x date pairs: the base of the base rates.</param>
/// <param name="ChurnBaseRate">Share of account-dates followed by churn within the horizon.</param>
/// <param name="ExpansionBaseRate">Share followed by an expansion within the horizon.</param>
/// <param name="HorizonDays">The horizon.</param>
/// <param name="Kinds">One line per kind, in <see cref="SignalKind"/> order.</param>
public sealed record SignalEvaluation(
    DateOnly FirstDate,
    DateOnly LastDate,
    int Dates,
    int AccountDates,
    double ChurnBaseRate,
    double ExpansionBaseRate,
    int HorizonDays,
    IReadOnlyList<SignalLift> Kinds);
