namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>A fact that needs the loopback SMTP server; skipped (which fails CI) when aiosmtpd is missing.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SmtpFactAttribute : FactAttribute
{
    public SmtpFactAttribute()
    {
        Skip = SmtpSink.SkipReason;
    }
}
