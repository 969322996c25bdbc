namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>
/// A test that needs a real Chromium: skipped, with the reason, when none is installed, so plain <c>dotnet test</c>
/// on a machine without one still runs the rest. scripts/test.sh installs Debian's chromium, and with CI=true it
/// counts a skipped test as a failure, so in CI these tests cannot quietly not run.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (HeadlessChromium.Executable is null)
        {
            Skip = $"No Chromium found: set {HeadlessChromium.Variable} to its path, or run bash scripts/test.sh, which installs Debian's chromium.";
        }
    }
}
