using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>
/// A real OpenID Connect provider for a test class: panva's certified oidc-provider (tests/oidc-provider, run by node)
/// on 127.0.0.1, named http://localhost:&lt;port&gt; so that it is another site than the dashboard's 127.0.0.1, as a
/// company's provider is. One confidential client, whose redirect URI is the dashboard's on <see cref="DashboardPort"/>,
/// and the fixed accounts below; its development login page takes any password. Started on first use (a class whose
/// tests are all skipped never starts it) and stopped with the class.
/// </summary>
public sealed class OidcProvider : IDisposable
{
    /// <summary>The environment variable naming tests/oidc-provider/provider.mjs; scripts/test.sh sets it after npm ci.</summary>
    public const string Variable = "CHURNWATCH_TEST_OIDC";

    public const string ClientId = "churnwatch-dashboard";

    /// <summary>Easy to grep for in logs and pages, where it must never show.</summary>
    public const string ClientSecret = "oidc-test-secret-7f3a9c1e2b";

    /// <summary>In the provider's admins group (cw-admins).</summary>
    public const string Admin = "ada.admin@example.com";

    /// <summary>In the finance group (cw-finance).</summary>
    public const string Finance = "fred.finance@example.com";

    /// <summary>In the account managers' group (cw-account-managers).</summary>
    public const string AccountManager = "mia.manager@example.com";

    /// <summary>In the team leads' and the account managers' groups.</summary>
    public const string TeamLead = "lea.lead@example.com";

    /// <summary>In no group that gives a ChurnWatch role.</summary>
    public const string NoGroup = "nora.nogroup@example.com";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    // Declared before SkipReason, which static initialisation computes from it.
    private static readonly string? Node = (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => Path.Combine(folder, "node"))
        .FirstOrDefault(File.Exists);

    private readonly Lazy<Process> _process;
    private readonly StringBuilder _output = new();

    public OidcProvider()
    {
        Port = FreePort();
        DashboardPort = FreePort();
        _process = new Lazy<Process>(Start);
    }

    /// <summary>The script, when node and its packages are there; else null.</summary>
    public static string? Script { get; } = FindScript();

    /// <summary>Null when the provider can run here; otherwise why not (the reason a test is skipped).</summary>
    public static string? SkipReason { get; } = Available();

    public int Port { get; }

    /// <summary>The port the dashboard must listen on: the client's redirect URI names it.</summary>
    public int DashboardPort { get; }

    public string Authority => $"http://localhost:{Port}";

    /// <summary>What the provider printed so far (its warnings, a failure), for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the provider (once) and gives the dashboard settings that sign in with it: the provider's groups
    /// cw-admins, cw-finance, cw-team-leads and cw-account-managers give the four roles.
    /// </summary>
    public Dictionary<string, string?> DashboardSettings()
    {
        _ = _process.Value;
        const string Key = "Dashboard:OpenIdConnect:";
        return new Dictionary<string, string?>
        {
            ["Dashboard:Port"] = DashboardPort.ToString(CultureInfo.InvariantCulture),
            [Key + "Authority"] = Authority,
            [Key + "ClientId"] = ClientId,
            [Key + "ClientSecret"] = ClientSecret,
            [Key + "DisplayName"] = "Test Provider",
            [Key + "Roles:admin:0"] = "cw-admins",
            [Key + "Roles:finance:0"] = "cw-finance",
            [Key + "Roles:team_lead:0"] = "cw-team-leads",
            [Key + "Roles:account_manager:0"] = "cw-account-managers",
        };
    }

    public void Dispose()
    {
        if (!_process.IsValueCreated)
        {
            return;
        }

        var process = _process.Value;
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        finally
        {
            process.Dispose();
        }
    }

    private Process Start()
    {
        var script = Script ?? throw new InvalidOperationException(SkipReason);
        var start = new ProcessStartInfo(Node!) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(script)! };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(Port.ToString(CultureInfo.InvariantCulture));
        start.Environment["OIDC_CLIENT_ID"] = ClientId;
        start.Environment["OIDC_CLIENT_SECRET"] = ClientSecret;
        start.Environment["OIDC_REDIRECT_URI"] = $"http://127.0.0.1:{DashboardPort}/signin-oidc";
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(e.Data, listening);
        process.ErrorDataReceived += (_, e) => Keep(e.Data, null);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The OpenID Connect provider stopped: {Output}"));
        process.EnableRaisingEvents = true;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // The constructor of a fixture cannot await; the provider starts in well under a second.
            listening.Task.Wait(StartTimeout);
            if (!listening.Task.IsCompleted)
            {
                throw new TimeoutException($"The OpenID Connect provider did not listen within {StartTimeout.TotalSeconds} s: {Output}");
            }
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }

        return process;
    }

    private void Keep(string? line, TaskCompletionSource? listening)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.StartsWith("oidc-provider listening on ", StringComparison.Ordinal))
        {
            listening?.TrySetResult();
        }
    }

    private static string? FindScript()
    {
        var script = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryRoot.Path, "tests", "oidc-provider", "provider.mjs");
        return File.Exists(script) && Directory.Exists(Path.Combine(Path.GetDirectoryName(script)!, "node_modules", "oidc-provider")) ? script : null;
    }

    private static string? Available() =>
        Node is null ? "node is not installed (scripts/test.sh installs Debian's nodejs and npm)."
        : Script is null ? $"The test provider's packages are missing: run npm ci in tests/oidc-provider, or bash scripts/test.sh, which does ({Variable} names provider.mjs)."
        : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
