using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>
/// A real SMTP server on 127.0.0.1 (aiosmtpd, installed by scripts/test.sh) that keeps every message it receives, parsed,
/// for the test to read back. Disposing stops it.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    /// <summary>Debian's interpreter: the python3 package aiosmtpd is installed for, whatever else is first on PATH.</summary>
    public const string Python = "/usr/bin/python3";

    private readonly TempFolder _folder = new();
    private readonly Process _process;

    public SmtpSink(string? user = null, string? password = null)
    {
        Port = FreePort();
        var script = Path.Combine(AppContext.BaseDirectory, "TestSupport", "smtp_sink.py");
        var start = new ProcessStartInfo(Python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { script, _folder.Path, Port.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(user is null ? [] : [user, password!]))
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the SMTP server.");
        var line = _process.StandardOutput.ReadLine();
        if (line != "ready")
        {
            throw new InvalidOperationException($"The SMTP server did not start: {_process.StandardError.ReadToEnd()}");
        }
    }

    /// <summary>Null when the server can run here; otherwise why not (the reason a test is skipped).</summary>
    public static string? SkipReason { get; } = Available();

    public int Port { get; }

    /// <summary>The messages received so far, in order.</summary>
    public IReadOnlyList<JsonElement> Messages() =>
        [.. Directory.GetFiles(_folder.Path, "*.json").Order(StringComparer.Ordinal).Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.Clone())];

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill();
            }
        }
        finally
        {
            _process.Dispose();
            _folder.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Available()
    {
        if (!File.Exists(Python))
        {
            return $"{Python} is missing (scripts/test.sh installs python3-aiosmtpd).";
        }

        using var check = Process.Start(new ProcessStartInfo(Python, "-c \"import aiosmtpd\"") { RedirectStandardError = true });
        check!.WaitForExit();
        return check.ExitCode == 0 ? null : "python3-aiosmtpd is not installed (scripts/test.sh installs it).";
    }
}
