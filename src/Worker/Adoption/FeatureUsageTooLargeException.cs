namespace ChurnWatch.Worker.Adoption;

/// <summary>A feature-usage summary by account over more accounts x weeks than the caller computes in memory; the message says what to do instead.</summary>
internal sealed class FeatureUsageTooLargeException(string message) : InvalidOperationException(message);
