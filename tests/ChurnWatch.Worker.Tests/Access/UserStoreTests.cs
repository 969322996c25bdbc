using ChurnWatch.Worker.Access;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Tests.Access;

public sealed class SqliteUserStoreTests : UserStoreTests<SqliteTestProvider>;

public sealed class PostgreSqlUserStoreTests : UserStoreTests<PostgreSqlTestProvider>;

/// <summary>Local users: only a hash is stored, it verifies, and the e-mail is a key whatever its case.</summary>
public abstract class UserStoreTests<TProvider> : StoreTestBase<TProvider>
    where TProvider : StoreTestProvider, new()
{
    private const string Password = "plum-tiger-4417-orbit";

    [StoreFact]
    public async Task AddAsync_NewUser_StoresAHashThatVerifiesAndIsNotThePassword()
    {
        var users = new UserStore(Database, Time);

        var added = await users.AddAsync("Ann@Example.com", UserRoles.TeamLead, Password, CancellationToken.None);

        Assert.True(added);
        var hash = await HashAsync("ann@example.com");
        Assert.DoesNotContain(Password, hash, StringComparison.Ordinal);
        // Identity's version 3 format: a marker byte 0x01, then PRF, iterations, salt and subkey, base64.
        Assert.Equal(1, Convert.FromBase64String(hash)[0]);
        Assert.True(await users.VerifyAsync("ANN@example.com", Password, CancellationToken.None));
        Assert.False(await users.VerifyAsync("ann@example.com", Password + "x", CancellationToken.None));
        Assert.False(await users.VerifyAsync("bob@example.com", Password, CancellationToken.None));
        Assert.Equal([new LocalUser("ann@example.com", "team_lead", "2026-03-02T06:00:00Z", "2026-03-02T06:00:00Z")], await users.ListAsync(CancellationToken.None));
    }

    [StoreFact]
    public async Task AddRemoveReset_WithTheirAuditEvents_StoreEachChangeWithItsEventOrNeither()
    {
        var users = new UserStore(Database, Time);
        var audit = new AuditStore(Database, Time);
        AlongsideWrite Recorded(string action, string key) =>
            (transaction, token) => audit.RecordAsync(transaction, "ops", action, key, AuditSources.CommandLine, "", token);
        AlongsideWrite failing = (_, _) => throw new InvalidOperationException("audit write failed");

        Assert.True(await users.AddAsync("ann@example.com", UserRoles.AccountManager, Password, Recorded(AuditActions.UserAdded, "ann@example.com"), CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => users.AddAsync("bob@example.com", UserRoles.Admin, Password, failing, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => users.ResetPasswordAsync("ann@example.com", Password + " new", failing, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => users.RemoveAsync("ann@example.com", failing, CancellationToken.None));

        // Ann was added with her event; Bob's addition, her new password and her removal failed with theirs, so none happened.
        Assert.Equal(["ann@example.com"], (await users.ListAsync(CancellationToken.None)).Select(u => u.Email));
        Assert.True(await users.VerifyAsync("ann@example.com", Password, CancellationToken.None));
        Assert.Equal([(AuditActions.UserAdded, "ann@example.com")], (await audit.ListAsync(null, 10, CancellationToken.None)).Select(e => (e.Action, e.Target)));
        Assert.True(await users.RemoveAsync("ann@example.com", Recorded(AuditActions.UserRemoved, "ann@example.com"), CancellationToken.None));
        Assert.Empty(await users.ListAsync(CancellationToken.None));
        Assert.Equal(2, (await audit.ListAsync(null, 10, CancellationToken.None)).Count);
    }

    [StoreFact]
    public async Task AddAsync_SameEmailInAnotherCase_IsRefusedAndKeepsTheFirst()
    {
        var users = new UserStore(Database, Time);
        await users.AddAsync("ann@example.com", UserRoles.Admin, Password, CancellationToken.None);

        var again = await users.AddAsync(" ANN@EXAMPLE.COM ", UserRoles.Finance, "another-password-123", CancellationToken.None);

        Assert.False(again);
        Assert.Equal(["ann@example.com admin"], (await users.ListAsync(CancellationToken.None)).Select(u => $"{u.Email} {u.Role}"));
        Assert.True(await users.VerifyAsync("ann@example.com", Password, CancellationToken.None));
    }

    [StoreFact]
    public async Task ResetPasswordAsync_KnownUser_OnlyTheNewPasswordVerifiesAndUpdatedMoves()
    {
        var users = new UserStore(Database, Time);
        await users.AddAsync("ann@example.com", UserRoles.AccountManager, Password, CancellationToken.None);
        Time.Now = Time.Now.AddHours(1);

        var reset = await users.ResetPasswordAsync("ann@example.com", "a-brand-new-secret", CancellationToken.None);

        Assert.True(reset);
        Assert.False(await users.VerifyAsync("ann@example.com", Password, CancellationToken.None));
        Assert.True(await users.VerifyAsync("ann@example.com", "a-brand-new-secret", CancellationToken.None));
        Assert.Equal("2026-03-02T07:00:00Z", (await users.GetAsync("ann@example.com", CancellationToken.None))!.UpdatedAt);
        Assert.False(await users.ResetPasswordAsync("bob@example.com", "a-brand-new-secret", CancellationToken.None));
    }

    [StoreFact]
    public async Task RemoveAsync_KnownAndUnknownUser_RemovesOnlyTheKnown()
    {
        var users = new UserStore(Database, Time);
        await users.AddAsync("ann@example.com", UserRoles.AccountManager, Password, CancellationToken.None);

        Assert.False(await users.RemoveAsync("bob@example.com", CancellationToken.None));
        Assert.True(await users.RemoveAsync("Ann@example.com", CancellationToken.None));
        Assert.Empty(await users.ListAsync(CancellationToken.None));
        Assert.False(await users.VerifyAsync("ann@example.com", Password, CancellationToken.None));
    }

    [StoreFact]
    public async Task VerifyAsync_HashOfAnOlderFormat_SucceedsAndReplacesItWithTheCurrentFormat()
    {
        var users = new UserStore(Database, Time);
        await users.AddAsync("ann@example.com", UserRoles.Finance, Password, CancellationToken.None);
        var old = new PasswordHasher<string>(Options.Create(new PasswordHasherOptions { CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV2 }))
            .HashPassword("ann@example.com", Password);
        await using (var connection = await Database.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("UPDATE users SET password_hash = @old", new { old });
        }

        var verified = await users.VerifyAsync("ann@example.com", Password, CancellationToken.None);

        Assert.True(verified);
        var now = await HashAsync("ann@example.com");
        Assert.NotEqual(old, now);
        Assert.Equal(0, Convert.FromBase64String(old)[0]);
        Assert.Equal(1, Convert.FromBase64String(now)[0]);
        Assert.True(await users.VerifyAsync("ann@example.com", Password, CancellationToken.None));
    }

    [StoreFact]
    public async Task AddAsync_PasswordShorterThanTwelve_ThrowsAndStoresNothing()
    {
        var users = new UserStore(Database, Time);

        await Assert.ThrowsAsync<ArgumentException>(() => users.AddAsync("ann@example.com", UserRoles.Admin, "short-pass1", CancellationToken.None));

        Assert.Empty(await users.ListAsync(CancellationToken.None));
    }

    private async Task<string> HashAsync(string email)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return await connection.QuerySingleAsync<string>("SELECT password_hash FROM users WHERE email = @email", new { email });
    }
}
