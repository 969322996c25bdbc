namespace ChurnWatch.Analytics.Predictors;

/// <summary>The entity a predictor is computed from; optional entities give absent (NaN) values when not provided.</summary>
public enum PredictorSource
{
    /// <summary>Subscriptions (required).</summary>
    Subscriptions = 0,
    /// <summary>Daily and weekly usage (required).</summary>
    Usage = 1,
    /// <summary>Support tickets (optional).</summary>
    Tickets = 2,
    /// <summary>Invoices (optional).</summary>
    Invoices = 3,
    /// <summary>Payment attempts (optional).</summary>
    PaymentAttempts = 4,
}
