using System.Net;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Access;
using ChurnWatch.Worker.Reports;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChurnWatch.Worker.Tests.Dashboard;

/// <summary>
/// One dashboard with a user of every role, signed in once each (the sign-in rate limit allows five a minute):
/// Ann and Bob are account managers in team East, led by Lee; Cara owns an account outside the team; Fin is
/// finance and Ada an admin. Each manager owns one account with one open signal and has a weekly report (page and
/// CSV); the output folder also holds the report index and company-wide files.
/// </summary>
public sealed class DashboardRolesFixture : IAsyncLifetime, IDisposable
{
    public const string Ann = "ann@example.com";
    public const string Bob = "bob@example.com";
    public const string Cara = "cara@example.com";
    public const string Lee = "lee@example.com";
    public const string Fin = "fin@example.com";
    public const string Ada = "ada@example.com";

    /// <summary>Account ID by owner: A1 Ann's, B1 Bob's, C1 Cara's.</summary>
    public static readonly IReadOnlyDictionary<string, string> AccountOf = new Dictionary<string, string> { [Ann] = "A1", [Bob] = "B1", [Cara] = "C1" };

    /// <summary>Company-wide files in the output folder, beside reports/.</summary>
    public static readonly string[] CompanyFiles = ["forecast.html", "feature_usage.csv", "account_risk.csv", "reports/index.html"];

    private readonly TempFolder _folder = new();
    private readonly Dictionary<string, SignInClient> _clients = new(StringComparer.Ordinal);
    private IHost? _host;

    public IHost Host => _host ?? throw new InvalidOperationException("Not started.");

    /// <summary>Signal ID by account ID.</summary>
    public Dictionary<string, long> SignalOf { get; } = new(StringComparer.Ordinal);

    /// <summary>The signed-in client of <paramref name="email"/>.</summary>
    internal SignInClient As(string email) => _clients[email];

    public static string ReportPage(string owner) => "reports/" + ReportFileName.ForOwner(owner);

    public static string ReportCsv(string owner) => "reports/" + ReportFileName.CsvForOwner(owner);

    public async Task InitializeAsync()
    {
        _host = await CredentialsDashboard.BuildAsync(
            _folder,
            new Dictionary<string, string?>
            {
                ["Dashboard:Teams:0:Name"] = "East",
                ["Dashboard:Teams:0:Leads:0"] = Lee,
                ["Dashboard:Teams:0:Members:0"] = Ann,
                ["Dashboard:Teams:0:Members:1"] = Bob,
            },
            AccountOf.Select(o => (o.Value, o.Key)),
            hangfire: true);
        await SignInClient.AddUsersAsync(
            Host,
            (Ann, UserRoles.AccountManager, TestUsers.Password),
            (Lee, UserRoles.TeamLead, TestUsers.Password),
            (Fin, UserRoles.Finance, TestUsers.Password),
            (Ada, UserRoles.Admin, TestUsers.Password));

        var monday = new DateOnly(2026, 3, 2);
        var signals = Host.Services.GetRequiredService<SignalStore>();
        await signals.ApplyAsync(
            monday,
            AccountOf.Values.Select(id => new AccountSignal(id, SignalKind.GoneDark, SignalSeverity.Warning, monday, "quiet")).ToList(),
            AccountOf.ToDictionary(o => o.Value, o => (o.Key, 10_000m)),
            CancellationToken.None);
        foreach (var s in await signals.LiveAsync(CancellationToken.None))
        {
            SignalOf[s.AccountId] = s.SignalId;
        }

        var output = _folder.File("out");
        Directory.CreateDirectory(Path.Combine(output, "reports"));
        foreach (var owner in AccountOf.Keys)
        {
            await File.WriteAllTextAsync(Path.Combine(output, ReportPage(owner)), $"<p>{owner}</p>");
            await File.WriteAllTextAsync(Path.Combine(output, ReportCsv(owner)), $"owner\n{owner}\n");
        }

        foreach (var file in CompanyFiles)
        {
            await File.WriteAllTextAsync(Path.Combine(output, file), "company-wide");
        }

        await Host.StartAsync();
        foreach (var email in new[] { Ann, Lee, Fin, Ada })
        {
            var client = new SignInClient(CredentialsDashboard.Url(Host));
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, TestUsers.Password)).StatusCode);
            _clients[email] = client;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }

    public void Dispose() => _folder.Dispose();
}
