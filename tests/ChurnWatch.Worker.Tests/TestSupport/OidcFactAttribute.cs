namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>
/// A test that talks to the real OpenID Connect provider (<see cref="OidcProvider"/>) over HTTP: skipped, with the
/// reason, when node or the provider's packages are missing. scripts/test.sh installs both, and with CI=true a
/// skipped test fails the run.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class OidcFactAttribute : FactAttribute
{
    public OidcFactAttribute()
    {
        Skip = OidcProvider.SkipReason;
    }
}
