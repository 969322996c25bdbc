using System.CommandLine;
using ChurnWatch.Worker.Access;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnWatch.Worker.Cli;

/// <summary>
/// <c>churnwatch users add|list|remove|reset</c>: local users for installs without an identity provider. Passwords
/// come from standard input or a prompt, never from an argument, and only their hash is kept; each change is recorded
/// in the audit trail with the operating-system user who ran the command.
/// </summary>
internal static class UsersCommand
{
    /// <param name="overrides">Settings that win over appsettings.json and the environment (tests point the store elsewhere).</param>
    /// <param name="passwordInput">Where passwords are read from instead of the console (tests).</param>
    public static Command Create(IEnumerable<KeyValuePair<string, string?>>? overrides = null, TextReader? passwordInput = null)
    {
        var command = new Command("users", "Local users for installs without an identity provider: add, list, remove, reset a password. Passwords are read from standard input or a prompt, never from the command line, and only a salted, slow hash is stored.");
        command.Subcommands.Add(Add(overrides, passwordInput));
        command.Subcommands.Add(List(overrides));
        command.Subcommands.Add(Remove(overrides));
        command.Subcommands.Add(Reset(overrides, passwordInput));
        return command;
    }

    private static Command Add(IEnumerable<KeyValuePair<string, string?>>? overrides, TextReader? passwordInput)
    {
        var email = EmailArgument();
        var role = new Option<string>("--role") { Description = $"The user's role: {string.Join(", ", UserRoles.All)}.", Required = true };
        var command = new Command("add", $"Add a user; the password (at least {UserStore.MinimumPasswordLength} characters) is read from standard input, or asked for on a terminal.") { email, role };
        command.SetAction((parse, cancellationToken) =>
        {
            var address = parse.GetValue(email)!;
            var roleName = UserRoles.Parse(parse.GetValue(role));
            if (CheckEmail(address) is { } bad)
            {
                return Task.FromResult(bad);
            }

            if (roleName is null)
            {
                return Task.FromResult(CommandHost.Fail(ExitCodes.BadArguments, $"--role: '{parse.GetValue(role)}' is not a role; expected one of {string.Join(", ", UserRoles.All)}."));
            }

            if (ReadPassword(passwordInput, out var failed) is not { } password)
            {
                return Task.FromResult(failed);
            }

            return CommandHost.RunAsync(async (services, ct) =>
            {
                var (users, audit) = await StoresAsync(services, ct).ConfigureAwait(false);
                var key = UserStore.Key(address);
                if (!await users.AddAsync(key, roleName, password, audit.CommandLineEvent(AuditActions.UserAdded, key, $"role {roleName}"), ct).ConfigureAwait(false))
                {
                    return CommandHost.Fail(ExitCodes.BadArguments, $"A user {key} exists already; 'churnwatch users reset {key}' sets a new password, 'churnwatch users remove {key}' removes it.");
                }

                Console.Out.WriteLine($"Added {key} as {roleName}.");
                return ExitCodes.Ok;
            }, overrides, cancellationToken);
        });
        return command;
    }

    private static Command List(IEnumerable<KeyValuePair<string, string?>>? overrides)
    {
        var command = new Command("list", "Every local user, tab-separated: e-mail, role, when added and last changed (never a password or its hash).");
        command.SetAction((_, cancellationToken) => CommandHost.RunAsync(async (services, ct) =>
        {
            var (users, _) = await StoresAsync(services, ct).ConfigureAwait(false);
            var all = await users.ListAsync(ct).ConfigureAwait(false);
            if (all.Count == 0)
            {
                Console.Out.WriteLine("No local users. 'churnwatch users add EMAIL --role ROLE' adds one.");
                return ExitCodes.Ok;
            }

            Console.Out.WriteLine("email\trole\tcreated\tupdated");
            foreach (var user in all)
            {
                Console.Out.WriteLine(string.Join('\t', user.Email, user.Role, user.CreatedAt, user.UpdatedAt));
            }
            return ExitCodes.Ok;
        }, overrides, cancellationToken));
        return command;
    }

    private static Command Remove(IEnumerable<KeyValuePair<string, string?>>? overrides)
    {
        var email = EmailArgument();
        var command = new Command("remove", "Remove a user.") { email };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(async (services, ct) =>
        {
            var (users, audit) = await StoresAsync(services, ct).ConfigureAwait(false);
            var key = UserStore.Key(parse.GetValue(email)!);
            if (!await users.RemoveAsync(key, audit.CommandLineEvent(AuditActions.UserRemoved, key, ""), ct).ConfigureAwait(false))
            {
                return NoSuchUser(key);
            }

            Console.Out.WriteLine($"Removed {key}.");
            return ExitCodes.Ok;
        }, overrides, cancellationToken));
        return command;
    }

    private static Command Reset(IEnumerable<KeyValuePair<string, string?>>? overrides, TextReader? passwordInput)
    {
        var email = EmailArgument();
        var command = new Command("reset", $"Set a user's new password (at least {UserStore.MinimumPasswordLength} characters), read from standard input, or asked for on a terminal.") { email };
        command.SetAction((parse, cancellationToken) =>
        {
            if (ReadPassword(passwordInput, out var failed) is not { } password)
            {
                return Task.FromResult(failed);
            }

            return CommandHost.RunAsync(async (services, ct) =>
            {
                var (users, audit) = await StoresAsync(services, ct).ConfigureAwait(false);
                var key = UserStore.Key(parse.GetValue(email)!);
                if (!await users.ResetPasswordAsync(key, password, audit.CommandLineEvent(AuditActions.UserPasswordReset, key, ""), ct).ConfigureAwait(false))
                {
                    return NoSuchUser(key);
                }

                Console.Out.WriteLine($"New password set for {key}.");
                return ExitCodes.Ok;
            }, overrides, cancellationToken);
        });
        return command;
    }

    private static Argument<string> EmailArgument() => new("EMAIL") { Description = "The user's e-mail address (any case; stored lower case)." };

    private static int? CheckEmail(string email)
    {
        var trimmed = email.Trim();
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < trimmed.Length - 1 && !trimmed.Any(char.IsWhiteSpace)
            ? null
            : CommandHost.Fail(ExitCodes.BadArguments, $"EMAIL: '{email}' is not an e-mail address; write it as name@company.com.");
    }

    private static string? ReadPassword(TextReader? input, out int exitCode)
    {
        exitCode = ExitCodes.BadArguments;
        var password = PasswordInput.Read(input, out var error);
        if (password is null)
        {
            CommandHost.Fail(ExitCodes.BadArguments, error);
            return null;
        }

        if (password.Length < UserStore.MinimumPasswordLength)
        {
            // The length is not repeated back: it is a fact about the password.
            CommandHost.Fail(ExitCodes.BadArguments, $"The password is too short: it needs at least {UserStore.MinimumPasswordLength} characters; nothing changed.");
            return null;
        }

        exitCode = ExitCodes.Ok;
        return password;
    }



    private static async Task<(UserStore Users, AuditStore Audit)> StoresAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<StoreDatabase>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        return (services.GetRequiredService<UserStore>(), services.GetRequiredService<AuditStore>());
    }

    private static int NoSuchUser(string key) =>
        CommandHost.Fail(ExitCodes.BadArguments, $"No user {key}. 'churnwatch users list' shows the users.");
}
