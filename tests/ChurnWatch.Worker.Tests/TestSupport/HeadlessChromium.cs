using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>
/// A real headless Chromium driven over the DevTools protocol (a WebSocket, System.Net.WebSockets): no driver
/// binary and no browser-automation package, so the test project stays small and the browser is Debian's own.
/// Opens local HTML files and reports what rendered, what the console said, and how the page lays out for print.
/// </summary>
public sealed partial class HeadlessChromium : IAsyncDisposable
{
    /// <summary>The environment variable naming the browser; scripts/test.sh sets it after installing chromium.</summary>
    public const string Variable = "CHURNWATCH_TEST_CHROMIUM";

    /// <summary>CSS width of an A4 landscape sheet less 12 mm margins (the reports' @page rule), at 96 px per inch.</summary>
    public const int PrintWidth = 1032;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // Debian's package installs /usr/bin/chromium; older Ubuntu-like systems call it chromium-browser. Declared
    // before Executable, which static initialisation computes from it.
    private static readonly string[] DebianPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    // What Chromium needs to run headless as root in a container (docs: /work/shared/notes/stack.md); the rest keeps
    // it from reaching the network on its own, so a test never depends on or talks to anything outside.
    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps", "--hide-scrollbars",
        "--mute-audio", "--remote-debugging-port=0", "--window-size=1280,900",
    ];

    // Runs in the page after load; every count comes from the DOM as the browser built and laid it out.
    private const string CheckScript = """
        (() => {
          const visible = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
          const svgs = [...document.querySelectorAll('svg')];
          const tables = [...document.querySelectorAll('table')];
          const images = [...document.querySelectorAll('img')];
          return {
            title: document.title,
            svgs: svgs.length,
            svgsDrawn: svgs.filter(s => visible(s) && s.getBBox().width > 0 && s.getBBox().height > 0).length,
            svgsTitled: svgs.filter(s => s.firstElementChild !== null && s.firstElementChild.tagName.toLowerCase() === 'title').length,
            tables: tables.length,
            tablesDrawn: tables.filter(visible).length,
            bodyRows: document.querySelectorAll('tbody tr').length,
            images: images.length,
            imagesDrawn: images.filter(i => i.complete && i.naturalWidth > 0 && visible(i)).length,
            scripts: document.querySelectorAll('script').length,
            resources: performance.getEntriesByType('resource').length,
            text: document.body.innerText
          };
        })()
        """;

    private readonly Process _process;
    private readonly string _profile;
    private readonly StringBuilder _log;
    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly ConcurrentDictionary<string, Action<string, JsonObject>> _listeners = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Task _receiving;
    private int _nextId;

    private HeadlessChromium(Process process, string profile, StringBuilder log, ClientWebSocket socket)
    {
        _process = process;
        _profile = profile;
        _log = log;
        _socket = socket;
        _receiving = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>The browser to run: <see cref="Variable"/>, else Debian's /usr/bin/chromium; null when there is none.</summary>
    public static string? Executable { get; } = Find();

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        return DebianPaths.FirstOrDefault(File.Exists);
    }

    /// <summary>Starts a browser with a fresh profile and connects to it.</summary>
    public static async Task<HeadlessChromium> StartAsync()
    {
        var executable = Executable ?? throw new InvalidOperationException($"No Chromium: set {Variable} or install Debian's chromium.");
        var profile = Directory.CreateTempSubdirectory("churnwatch-chromium-").FullName;
        var info = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var flag in Flags)
        {
            info.ArgumentList.Add(flag);
        }

        info.ArgumentList.Add("--user-data-dir=" + profile);
        info.ArgumentList.Add("about:blank");
        var log = new StringBuilder();
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {executable}.");
        void Collect(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
                return;
            lock (log)
            {
                log.AppendLine(e.Data);
            }
        }

        process.ErrorDataReceived += Collect;
        process.OutputDataReceived += Collect;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        try
        {
            // With port 0 Chromium picks a free port and writes it, with the browser's WebSocket path, into the profile.
            var activePort = Path.Combine(profile, "DevToolsActivePort");
            var clock = Stopwatch.StartNew();
            string[] lines = [];
            while (lines.Length < 2)
            {
                if (process.HasExited || clock.Elapsed > Timeout)
                    throw new InvalidOperationException($"Chromium did not open its DevTools port (exit: {(process.HasExited ? process.ExitCode : "still running")}):\n{Text(log)}");
                await Task.Delay(50);
                lines = File.Exists(activePort) ? (await File.ReadAllLinesAsync(activePort)).Where(l => l.Length > 0).ToArray() : [];
            }

            var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            using var connect = new CancellationTokenSource(Timeout);
            await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0]}{lines[1]}"), connect.Token);
            return new HeadlessChromium(process, profile, log, socket);
        }
        catch
        {
            Stop(process);
            DeleteProfile(profile);
            throw;
        }
    }

    /// <summary>
    /// Opens <paramref name="htmlFile"/> in a new tab at 1280 x 900, waits for the load event, checks the page, then
    /// lays it out for print (A4 landscape) to measure any overflow. With <paramref name="screenshot"/>, also saves
    /// a PNG of the top of the page (up to <paramref name="screenshotHeight"/> CSS pixels) as it looks on screen.
    /// </summary>
    public async Task<PageCheck> OpenAsync(string htmlFile, string? screenshot = null, int screenshotHeight = 2400)
    {
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" });
        var targetId = (string)target["targetId"]!;
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = targetId, ["flatten"] = true });
        var session = (string)attached["sessionId"]!;
        var errors = new ConcurrentQueue<string>();
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _listeners[session] = (method, parameters) => Listen(method, parameters, errors, loaded);
        try
        {
            await SendAsync("Page.enable", session: session);
            await SendAsync("Runtime.enable", session: session);
            await SendAsync("Log.enable", session: session);
            await SendAsync("Emulation.setDeviceMetricsOverride", Metrics(1280, 900), session);
            var navigation = await SendAsync("Page.navigate", new JsonObject { ["url"] = new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri }, session);
            if (navigation["errorText"] is JsonValue error && ((string?)error)?.Length > 0)
                throw new InvalidOperationException($"Chromium could not open {htmlFile}: {error}");
            await loaded.Task.WaitAsync(Timeout);

            var found = await EvaluateAsync(CheckScript, session);
            if (screenshot is not null)
                await ScreenshotAsync(session, screenshot, screenshotHeight);

            await SendAsync("Emulation.setEmulatedMedia", new JsonObject { ["media"] = "print" }, session);
            await SendAsync("Emulation.setDeviceMetricsOverride", Metrics(PrintWidth, 700), session);
            var overflow = await EvaluateAsync("Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)", session);

            return new PageCheck(
                (string)found["title"]!,
                (int)found["svgs"]!,
                (int)found["svgsDrawn"]!,
                (int)found["svgsTitled"]!,
                (int)found["tables"]!,
                (int)found["tablesDrawn"]!,
                (int)found["bodyRows"]!,
                (int)found["images"]!,
                (int)found["imagesDrawn"]!,
                (int)found["scripts"]!,
                (int)found["resources"]!,
                overflow.GetValue<int>(),
                (string)found["text"]!,
                errors.ToList());
        }
        finally
        {
            _listeners.TryRemove(session, out _);
            await SendAsync("Target.closeTarget", new JsonObject { ["targetId"] = targetId });
        }
    }

    private static void Listen(string method, JsonObject parameters, ConcurrentQueue<string> errors, TaskCompletionSource loaded)
    {
        var type = Str(parameters["type"]);
        var entry = parameters["entry"];
        switch (method)
        {
            case "Page.loadEventFired":
                loaded.TrySetResult();
                break;
            case "Runtime.consoleAPICalled" when type is "error" or "assert":
                var args = parameters["args"]?.AsArray().Select(a => Str(a?["value"]) ?? Str(a?["description"])) ?? [];
                errors.Enqueue("console." + type + ": " + string.Join(" ", args));
                break;
            case "Runtime.exceptionThrown":
                var details = parameters["exceptionDetails"];
                errors.Enqueue("exception: " + (Str(details?["exception"]?["description"]) ?? Str(details?["text"])));
                break;
            case "Log.entryAdded" when Str(entry?["level"]) == "error":
                errors.Enqueue("log: " + Str(entry?["text"]) + " " + Str(entry?["url"]));
                break;
        }
    }

    // A JSON value as text: strings as they are, anything else as JSON.
    private static string? Str(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString();

    private static JsonObject Metrics(int width, int height) =>
        new() { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false };

    private async Task ScreenshotAsync(string session, string path, int maxHeight)
    {
        var layout = await SendAsync("Page.getLayoutMetrics", session: session);
        var height = Math.Min(maxHeight, (double)layout["cssContentSize"]!["height"]!);
        var shot = await SendAsync(
            "Page.captureScreenshot",
            new JsonObject
            {
                ["format"] = "png",
                ["captureBeyondViewport"] = true,
                ["clip"] = new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = 1280, ["height"] = height, ["scale"] = 1 },
            },
            session);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String((string)shot["data"]!));
    }

    private async Task<JsonNode> EvaluateAsync(string expression, string session)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true }, session);
        if (result["exceptionDetails"] is { } details)
            throw new InvalidOperationException("The page check failed in the browser: " + details.ToJsonString());
        return result["result"]!["value"]!;
    }

    /// <summary>Sends one DevTools command and returns its result; a protocol error becomes an exception.</summary>
    private async Task<JsonObject> SendAsync(string method, JsonObject? parameters = null, string? session = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        if (session is not null)
            message["sessionId"] = session;
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }

        JsonObject response;
        try
        {
            response = await reply.Task.WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Chromium did not answer {method} within {Timeout.TotalSeconds} s:\n{Text(_log)}");
        }

        if (response["error"] is { } error)
            throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}");
        return response["result"]?.AsObject() ?? [];
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var received = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                    break;
                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                    continue;
                var node = JsonNode.Parse(message.GetBuffer().AsSpan(0, (int)message.Length))!.AsObject();
                message.SetLength(0);
                if (node["id"] is { } id)
                {
                    if (_pending.TryRemove((int)id, out var reply))
                        reply.TrySetResult(node);
                }
                else if (node["sessionId"] is { } session && _listeners.TryGetValue((string)session!, out var listen))
                {
                    listen((string)node["method"]!, node["params"]?.AsObject() ?? []);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException or JsonException)
        {
            // The browser went away; every waiting command fails below with the browser's own output.
        }
        finally
        {
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new IOException("Chromium closed the DevTools connection:\n" + Text(_log)));
            }
        }
    }

    private static string Text(StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
        }
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process.Dispose();
    }

    private static void DeleteProfile(string profile)
    {
        // Chromium's helpers may still be writing for a moment after the main process ends.
        for (var attempt = 0; attempt < 5 && Directory.Exists(profile); attempt++)
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                Thread.Sleep(200);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var close = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var closing = SendAsync("Browser.close");
            await Task.WhenAny(closing, Task.Delay(TimeSpan.FromSeconds(5), close.Token));
            await _process.WaitForExitAsync(close.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException or WebSocketException)
        {
            // Closing politely failed; Stop below ends the process tree.
        }

        Stop(_process);
        _socket.Dispose();
        await _receiving.ConfigureAwait(false);
        _sendLock.Dispose();
        DeleteProfile(_profile);
    }
}
