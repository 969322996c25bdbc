using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>Tabs that browse a served site (the dashboard) page after page, rather than opening one local file.</summary>
public sealed partial class HeadlessChromium
{
    /// <summary>Opens a blank 1280 x 900 tab that records console errors, uncaught exceptions and browser log errors.</summary>
    public async Task<BrowserTab> NewTabAsync()
    {
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" });
        var targetId = (string)target["targetId"]!;
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = targetId, ["flatten"] = true });
        var session = (string)attached["sessionId"]!;
        var errors = new ConcurrentQueue<string>();
        var tab = new BrowserTab(this, targetId, session, errors);
        _listeners[session] = (method, parameters) => Listen(method, parameters, errors, tab.Loaded);
        await SendAsync("Page.enable", session: session);
        await SendAsync("Runtime.enable", session: session);
        await SendAsync("Log.enable", session: session);
        await SendAsync("Emulation.setDeviceMetricsOverride", Metrics(1280, 900), session);
        return tab;
    }

    internal Task<JsonObject> SendToTabAsync(string method, JsonObject? parameters, string session) => SendAsync(method, parameters, session);

    internal Task ScreenshotTabAsync(string session, string path, int maxHeight) => ScreenshotAsync(session, path, maxHeight);

    internal async Task CloseTabAsync(string targetId, string session)
    {
        _listeners.TryRemove(session, out _);
        await SendAsync("Target.closeTarget", new JsonObject { ["targetId"] = targetId });
    }

    internal static TimeSpan PageTimeout => Timeout;
}
