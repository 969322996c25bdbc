using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>
/// One tab of <see cref="HeadlessChromium"/>: navigate, run an expression in the page (to fill and submit a form as
/// a user would), wait for the next page to load, read the DOM, take a screenshot.
/// </summary>
public sealed class BrowserTab : IAsyncDisposable
{
    private readonly HeadlessChromium _browser;
    private readonly string _targetId;
    private readonly string _session;
    private readonly ConcurrentQueue<string> _errors;

    internal BrowserTab(HeadlessChromium browser, string targetId, string session, ConcurrentQueue<string> errors)
    {
        _browser = browser;
        _targetId = targetId;
        _session = session;
        _errors = errors;
    }

    /// <summary>Completed by the next load event; replaced before each navigation or submit.</summary>
    internal TaskCompletionSource Loaded { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Console errors, uncaught exceptions and browser log errors of every page loaded so far.</summary>
    public IReadOnlyList<string> ConsoleErrors => _errors.ToList();

    /// <summary>Opens <paramref name="url"/> and waits for its load event.</summary>
    public async Task GoAsync(string url)
    {
        Loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var navigation = await _browser.SendToTabAsync("Page.navigate", new JsonObject { ["url"] = url }, _session);
        if (navigation["errorText"] is JsonValue error && ((string?)error)?.Length > 0)
            throw new InvalidOperationException($"Chromium could not open {url}: {error}");
        await Loaded.Task.WaitAsync(HeadlessChromium.PageTimeout);
    }

    /// <summary>Runs <paramref name="expression"/> (which submits a form or follows a link) and waits for the page it leads to.</summary>
    public async Task SubmitAsync(string expression)
    {
        Loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await EvaluateAsync(expression);
        await Loaded.Task.WaitAsync(HeadlessChromium.PageTimeout);
    }

    /// <summary>The value of <paramref name="expression"/> in the page, as JSON (null for undefined or null).</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await _browser.SendToTabAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true }, _session);
        if (result["exceptionDetails"] is { } details)
            throw new InvalidOperationException("The expression failed in the browser: " + details.ToJsonString());
        return result["result"]?["value"];
    }

    /// <summary>Deletes every cookie of the browser (its tabs share them), so a sign-in starts signed out everywhere, at an identity provider too.</summary>
    public async Task ClearCookiesAsync() => await _browser.SendToTabAsync("Network.clearBrowserCookies", new JsonObject(), _session);

    /// <summary>The visible text of the page.</summary>
    public async Task<string> TextAsync() => (string?)await EvaluateAsync("document.body.innerText") ?? "";

    /// <summary>The current address.</summary>
    public async Task<string> UrlAsync() => (string?)await EvaluateAsync("location.href") ?? "";

    /// <summary>Saves a PNG of the top of the page (up to <paramref name="maxHeight"/> CSS pixels).</summary>
    public Task ScreenshotAsync(string path, int maxHeight = 1400) => _browser.ScreenshotTabAsync(_session, path, maxHeight);

    public async ValueTask DisposeAsync() => await _browser.CloseTabAsync(_targetId, _session);
}
