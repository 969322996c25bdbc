namespace ChurnWatch.Analytics.History;

/// <summary>One attempt to collect an invoice (source contract: <c>payment_attempts</c>; optional entity).</summary>
public sealed record PaymentAttempt(
    string AccountId,
    string InvoiceId,
    DateTime AttemptedAt,
    bool Succeeded,
    string? FailureReason);
