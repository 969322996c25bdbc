namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>
/// A test that signs in through the real OpenID Connect provider (<see cref="OidcProvider"/>) in a real Chromium:
/// skipped, with the reason, when node, the provider's packages or Chromium are missing. scripts/test.sh installs all
/// three, and with CI=true a skipped test fails the run.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class OidcBrowserFactAttribute : FactAttribute
{
    public OidcBrowserFactAttribute()
    {
        Skip = OidcProvider.SkipReason
            ?? (HeadlessChromium.Executable is null ? $"No Chromium found: set {HeadlessChromium.Variable} to its path, or run bash scripts/test.sh, which installs Debian's chromium." : null);
    }
}
