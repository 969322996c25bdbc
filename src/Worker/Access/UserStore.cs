using System.Data.Common;
using ChurnWatch.Worker.Store;
using Dapper;
using Microsoft.AspNetCore.Identity;

namespace ChurnWatch.Worker.Access;

/// <summary>
/// Local users in the store (<c>users</c>): e-mail (the key, lower case), role and the password's hash by ASP.NET Core
/// Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2 with a random salt per password, many iterations), so the
/// store never holds a password, and a copied store does not give the passwords away cheaply.
/// </summary>
internal sealed class UserStore(StoreDatabase database, TimeProvider timeProvider)
{
    /// <summary>The shortest password accepted.</summary>
    // One rule for every password ChurnWatch accepts, the dashboard's configured one included.
    public const int MinimumPasswordLength = Hosting.ListenerOptions.MinimumPasswordLength;

    // The hasher ignores the user object; the e-mail stands in for it.
    private readonly PasswordHasher<string> _hasher = new();

    // A hash of a random password that nobody knows, checked when the e-mail is no user's.
    private static readonly Lazy<string> UnknownUserHash = new(() => new PasswordHasher<string>().HashPassword("", Guid.NewGuid().ToString()));

    private string Now => StoreText.Instant(timeProvider.GetUtcNow().UtcDateTime);

    /// <summary>Adds a user; false when a user with that e-mail (any case) exists, and then nothing changes.</summary>
    public Task<bool> AddAsync(string email, string role, string password, CancellationToken cancellationToken) =>
        AddAsync(email, role, password, alongside: null, cancellationToken);

    /// <summary>The same, with <paramref name="alongside"/> (the audit event) written in the same transaction.</summary>
    public Task<bool> AddAsync(string email, string role, string password, AlongsideWrite? alongside, CancellationToken cancellationToken)
    {
        var key = Key(email);
        var hash = _hasher.HashPassword(key, CheckedPassword(password));
        return database.ChangeAsync(async (connection, transaction) =>
        {
            if (await FindHashAsync(connection, transaction, key, cancellationToken).ConfigureAwait(false) is not null)
            {
                return false;
            }

            var now = Now;
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO users (email, role, password_hash, created_at, updated_at) VALUES (@key, @role, @hash, @now, @now)",
                new { key, role, hash, now }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return true;
        }, alongside, cancellationToken);
    }

    /// <summary>Every user, by e-mail; without hashes.</summary>
    public async Task<IReadOnlyList<LocalUser>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var users = await connection.QueryAsync<LocalUser>(new CommandDefinition(
            "SELECT email AS Email, role AS Role, created_at AS CreatedAt, updated_at AS UpdatedAt FROM users ORDER BY email", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return users.ToList();
    }

    /// <summary>Whether the store holds any user: then the dashboard asks everyone to sign in as one.</summary>
    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM users", cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }

    /// <summary>One user, or null.</summary>
    public async Task<LocalUser?> GetAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<LocalUser>(new CommandDefinition(
            "SELECT email AS Email, role AS Role, created_at AS CreatedAt, updated_at AS UpdatedAt FROM users WHERE email = @key",
            new { key = Key(email) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Removes a user; false when there was none.</summary>
    public Task<bool> RemoveAsync(string email, CancellationToken cancellationToken) => RemoveAsync(email, alongside: null, cancellationToken);

    /// <summary>The same, with <paramref name="alongside"/> (the audit event) written in the same transaction.</summary>
    public Task<bool> RemoveAsync(string email, AlongsideWrite? alongside, CancellationToken cancellationToken) =>
        database.ChangeAsync(
            async (connection, transaction) => await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM users WHERE email = @key", new { key = Key(email) }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1,
            alongside,
            cancellationToken);

    /// <summary>Sets a new password; false when there is no such user.</summary>
    public Task<bool> ResetPasswordAsync(string email, string password, CancellationToken cancellationToken) =>
        ResetPasswordAsync(email, password, alongside: null, cancellationToken);

    /// <summary>The same, with <paramref name="alongside"/> (the audit event) written in the same transaction.</summary>
    public Task<bool> ResetPasswordAsync(string email, string password, AlongsideWrite? alongside, CancellationToken cancellationToken)
    {
        var key = Key(email);
        var hash = _hasher.HashPassword(key, CheckedPassword(password));
        return database.ChangeAsync((connection, transaction) => SetHashAsync(connection, transaction, key, hash, cancellationToken), alongside, cancellationToken);
    }

    /// <summary>
    /// True when <paramref name="password"/> is the user's; a hash made with older settings is replaced by one made
    /// with the current ones (Identity's <see cref="PasswordVerificationResult.SuccessRehashNeeded"/>).
    /// </summary>
    public async Task<bool> VerifyAsync(string email, string password, CancellationToken cancellationToken)
    {
        var key = Key(email);
        string? hash;
        // Not held open while the slow hash is checked.
        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            hash = await FindHashAsync(connection, null, key, cancellationToken).ConfigureAwait(false);
        }

        if (hash is null)
        {
            // As slow as a wrong password, so the time of the answer does not tell which e-mails are users.
            _hasher.VerifyHashedPassword(key, UnknownUserHash.Value, password);
            return false;
        }

        switch (_hasher.VerifyHashedPassword(key, hash, password))
        {
            case PasswordVerificationResult.Success:
                return true;
            case PasswordVerificationResult.SuccessRehashNeeded:
                await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
                {
                    await SetHashAsync(connection, null, key, _hasher.HashPassword(key, password), cancellationToken).ConfigureAwait(false);
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>The key of a user: the e-mail address, trimmed and lower case.</summary>
    public static string Key(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }

    private async Task<bool> SetHashAsync(DbConnection connection, DbTransaction? transaction, string key, string hash, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET password_hash = @hash, updated_at = @now WHERE email = @key", new { key, hash, now = Now }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;

    private static async Task<string?> FindHashAsync(DbConnection connection, DbTransaction? transaction, string key, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT password_hash FROM users WHERE email = @key", new { key }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

    // The command checks first with a message for people; this keeps a short password out of the store whoever calls.
    private static string CheckedPassword(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return password.Length < MinimumPasswordLength
            ? throw new ArgumentException($"A password needs at least {MinimumPasswordLength} characters.", nameof(password))
            : password;
    }
}
