namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>A clock that says what the test tells it, so stored timestamps are predictable.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
