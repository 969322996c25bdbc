using System.CommandLine;
using System.Text;
using ChurnWatch.Worker.Access;
using ChurnWatch.Worker.Cli;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Tests.Cli;

/// <summary><c>churnwatch users</c> and <c>churnwatch audit</c> on a real SQLite store, passwords piped as a script would.</summary>
[Collection(ConsoleTests.Name)]
public sealed class UsersCommandTests : IDisposable
{
    private const string Password = "plum-tiger-4417-orbit";
    private const string NewPassword = "kettle-window-9902-moss";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private StoreDatabase Database => new(Options.Create(new StoreOptions { DataFolder = _folder.Path }), TimeProvider.System);

    private Task<(int ExitCode, string Out, string Error)> RunAsync(string? stdin, params string[] args)
    {
        var overrides = new Dictionary<string, string?> { ["Store:DataFolder"] = _folder.Path };
        var root = new RootCommand();
        root.Subcommands.Add(UsersCommand.Create(overrides, stdin is null ? null : new StringReader(stdin + "\n")));
        root.Subcommands.Add(AuditCommand.Create(overrides));
        return CommandRun.InvokeAsync(root, args);
    }

    private async Task<List<(string Actor, string Action, string Target, string Source, string Detail)>> AuditRowsAsync()
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<(string, string, string, string, string)>("SELECT actor, action, target, source, detail FROM audit_events ORDER BY event_id")).ToList();
    }

    [Fact]
    public async Task Add_PasswordOnStandardInput_AddsTheUserAndRecordsWhoFromTheCli()
    {
        var (exitCode, output, error) = await RunAsync(Password, "users", "add", "Ann@Example.com", "--role", "team_lead");

        Assert.Equal((ExitCodes.Ok, "Added ann@example.com as team_lead.", ""), (exitCode, output.Trim(), error));
        Assert.True(await new UserStore(Database, TimeProvider.System).VerifyAsync("ann@example.com", Password, CancellationToken.None));
        Assert.Equal([(Environment.UserName, "user_added", "ann@example.com", "cli", "role team_lead")], await AuditRowsAsync());
    }

    [Fact]
    public async Task List_TwoUsers_ShowsEmailRoleAndDatesButNoHash()
    {
        await RunAsync(Password, "users", "add", "bob@example.com", "--role", "finance");
        await RunAsync(Password, "users", "add", "ann@example.com", "--role", "admin");
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        var hashes = (await connection.QueryAsync<string>("SELECT password_hash FROM users")).ToList();

        var (exitCode, output, _) = await RunAsync(null, "users", "list");

        Assert.Equal(ExitCodes.Ok, exitCode);
        var rows = output.Split('\n').Where(l => l.Contains("@example.com", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("email\trole\tcreated\tupdated", output.Split('\n')[0]);
        Assert.Matches(@"^ann@example\.com\tadmin\t\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\t\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", rows[0]);
        Assert.StartsWith("bob@example.com\tfinance\t", rows[1], StringComparison.Ordinal);
        Assert.Equal(2, hashes.Count);
        Assert.All(hashes, h => Assert.DoesNotContain(h[..16], output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddResetListAudit_Passwords_NeverInTheStoreFilesOutputOrAuditTrail()
    {
        var runs = new[]
        {
            await RunAsync(Password, "users", "add", "ann@example.com", "--role", "account_manager"),
            await RunAsync(NewPassword, "users", "reset", "ann@example.com"),
            await RunAsync(null, "users", "list"),
            await RunAsync(null, "audit"),
        };
        string hash;
        await using (var connection = await Database.OpenAsync(CancellationToken.None))
        {
            hash = await connection.QuerySingleAsync<string>("SELECT password_hash FROM users");
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        Assert.All(runs, r => Assert.Equal(ExitCodes.Ok, r.ExitCode));
        // Every file of the store (the database, and its write-ahead log and index if any), as raw bytes.
        var bytes = Directory.EnumerateFiles(_folder.Path).SelectMany(File.ReadAllBytes).ToArray();
        Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(hash)) >= 0, "the users table's bytes are read");
        foreach (var secret in new[] { Password, NewPassword })
        {
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, "a password is in the store's bytes");
            Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)) < 0, "a password is in the store's bytes (UTF-16)");
            Assert.All(runs, r => Assert.DoesNotContain(secret, r.Out + r.Error, StringComparison.Ordinal));
            Assert.All(await AuditRowsAsync(), row => Assert.DoesNotContain(secret, row.ToString(), StringComparison.Ordinal));
        }

        Assert.True(await new UserStore(Database, TimeProvider.System).VerifyAsync("ann@example.com", NewPassword, CancellationToken.None));
    }

    [Fact]
    public async Task Add_PasswordShorterThanTwelve_RefusedWithExitCode2AndNothingStored()
    {
        var (exitCode, _, error) = await RunAsync("short-pass1", "users", "add", "ann@example.com", "--role", "admin");

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Equal("The password is too short: it needs at least 12 characters; nothing changed.", error.Trim());
        Assert.False(File.Exists(Path.Combine(_folder.Path, "churnwatch.db")) && (await new UserStore(Database, TimeProvider.System).ListAsync(CancellationToken.None)).Count > 0);
    }

    [Fact]
    public async Task Add_NoPasswordOnStandardInput_RefusedNamingWhereItComesFrom()
    {
        var (exitCode, _, error) = await RunAsync("", "users", "add", "ann@example.com", "--role", "admin");

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Equal("No password on standard input: pipe it as the first line (the command line never takes one).", error.Trim());
    }

    [Fact]
    public async Task Add_PasswordAsAnOption_IsNotAnOption()
    {
        var (exitCode, _, error) = await RunAsync(Password, "users", "add", "ann@example.com", "--role", "admin", "--password", Password);

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains("--password", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder.Path, "churnwatch.db")));
    }

    [Theory]
    [InlineData("ann@example.com", "owner", "--role: 'owner' is not a role; expected one of account_manager, team_lead, finance, admin.")]
    [InlineData("ann", "admin", "EMAIL: 'ann' is not an e-mail address; write it as name@company.com.")]
    public async Task Add_BadRoleOrEmail_RefusedNamingTheArgument(string email, string role, string message)
    {
        var (exitCode, _, error) = await RunAsync(Password, "users", "add", email, "--role", role);

        Assert.Equal((ExitCodes.BadArguments, message), (exitCode, error.Trim()));
    }

    [Fact]
    public async Task Add_ExistingEmailInAnotherCase_RefusedAndKeepsTheFirst()
    {
        await RunAsync(Password, "users", "add", "ann@example.com", "--role", "admin");

        var (exitCode, _, error) = await RunAsync(NewPassword, "users", "add", "ANN@example.com", "--role", "finance");

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.StartsWith("A user ann@example.com exists already;", error, StringComparison.Ordinal);
        Assert.Equal(["admin"], (await new UserStore(Database, TimeProvider.System).ListAsync(CancellationToken.None)).Select(u => u.Role));
        Assert.Single(await AuditRowsAsync());
    }

    [Fact]
    public async Task RemoveAndReset_UnknownUser_RefusedWithExitCode2()
    {
        await Database.MigrateAsync(CancellationToken.None);

        var removed = await RunAsync(null, "users", "remove", "bob@example.com");
        var reset = await RunAsync(NewPassword, "users", "reset", "bob@example.com");

        Assert.Equal((ExitCodes.BadArguments, "No user bob@example.com. 'churnwatch users list' shows the users."), (removed.ExitCode, removed.Error.Trim()));
        Assert.Equal((ExitCodes.BadArguments, "No user bob@example.com. 'churnwatch users list' shows the users."), (reset.ExitCode, reset.Error.Trim()));
        Assert.Empty(await AuditRowsAsync());
    }

    [Fact]
    public async Task Audit_AfterAddResetRemove_PrintsEachNewestFirst()
    {
        await RunAsync(Password, "users", "add", "ann@example.com", "--role", "finance");
        await RunAsync(NewPassword, "users", "reset", "ann@example.com");
        var removed = await RunAsync(null, "users", "remove", "Ann@example.com");

        var (exitCode, output, _) = await RunAsync(null, "audit");

        Assert.Equal((ExitCodes.Ok, "Removed ann@example.com."), (removed.ExitCode, removed.Out.Trim()));
        Assert.Equal(ExitCodes.Ok, exitCode);
        var lines = output.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r').Split('\t')).ToList();
        Assert.Equal(["at", "actor", "action", "target", "source", "detail"], lines[0]);
        Assert.Equal(
            [$"{Environment.UserName} user_removed ann@example.com cli ", $"{Environment.UserName} user_password_reset ann@example.com cli ", $"{Environment.UserName} user_added ann@example.com cli role finance"],
            lines.Skip(1).Select(l => string.Join(' ', l[1..])));
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", l[0]));
        Assert.Empty(await new UserStore(Database, TimeProvider.System).ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Audit_SinceTomorrowAndLimit_FiltersAndLimits()
    {
        await RunAsync(Password, "users", "add", "ann@example.com", "--role", "finance");
        await RunAsync(Password, "users", "add", "bob@example.com", "--role", "finance");
        var tomorrow = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var future = await RunAsync(null, "audit", "--since", tomorrow);
        var one = await RunAsync(null, "audit", "--limit", "1");

        Assert.Equal("at\tactor\taction\ttarget\tsource\tdetail", future.Out.Trim());
        Assert.Equal(2, one.Out.Trim().Split('\n').Length);
        Assert.Contains("\tbob@example.com\t", one.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--since", "31/01/2026", "--since: '31/01/2026' is not a date; write it as YYYY-MM-DD, for example 2026-01-31.")]
    [InlineData("--limit", "0", "--limit: 0 is out of range; expected 1 to 100000.")]
    public async Task Audit_BadOption_RefusedNamingIt(string option, string value, string message)
    {
        var (exitCode, _, error) = await RunAsync(null, "audit", option, value);

        Assert.Equal((ExitCodes.BadArguments, message), (exitCode, error.Trim()));
    }
}
