namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>
/// One browser for all browser tests (starting Chromium costs a second or two of a shared 2-core machine). Started on
/// first use, so a run where every browser test is skipped never tries to start one.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private readonly Lazy<Task<HeadlessChromium>> _browser = new(HeadlessChromium.StartAsync);

    public Task<HeadlessChromium> BrowserAsync() => _browser.Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_browser.IsValueCreated && _browser.Value.IsCompletedSuccessfully)
        {
            await (await _browser.Value).DisposeAsync();
        }
    }
}
