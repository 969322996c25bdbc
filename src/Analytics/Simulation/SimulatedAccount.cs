using ChurnWatch.Analytics.History;

namespace ChurnWatch.Analytics.Simulation;

/// <summary>
/// Everything simulated for one account: its records, plus the latent weekly state the usage stream is drawn from.
/// Week <c>w</c> covers <see cref="StartedAt"/> + 7w days to + 7(w + 1) days.
/// </summary>
internal sealed class SimulatedAccount
{
    public required int Index { get; init; }

    public required Account Account { get; init; }

    public required DateTime StartedAt { get; init; }

    /// <summary>When the last subscription ended (churn), or null when still active at the end.</summary>
    public required DateTime? ChurnedAt { get; init; }

    /// <summary>Latent health (0 to 1) per simulated week: how engaged the account is.</summary>
    public required float[] Health { get; init; }

    public required IReadOnlyList<SimulatedUser> Users { get; init; }

    /// <summary>Week each feature (in <see cref="SampleFeatures.All"/> order) is adopted; int.MaxValue for never.</summary>
    public required int[] AdoptionWeek { get; init; }

    public required IReadOnlyList<Subscription> Subscriptions { get; init; }

    public required IReadOnlyList<Ticket> Tickets { get; init; }

    public required IReadOnlyList<Invoice> Invoices { get; init; }

    public required IReadOnlyList<PaymentAttempt> PaymentAttempts { get; init; }
}
