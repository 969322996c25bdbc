using System.CommandLine;
using ChurnWatch.Worker.Access;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnWatch.Worker.Cli;

/// <summary><c>churnwatch audit [--since DATE] [--limit N]</c>: the audit trail, newest first, tab-separated for scripts.</summary>
internal static class AuditCommand
{
    /// <param name="overrides">Settings that win over appsettings.json and the environment (tests point the store elsewhere).</param>
    public static Command Create(IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var since = new Option<string?>("--since") { Description = "Only events on or after this date (YYYY-MM-DD, UTC)." };
        var limit = new Option<int>("--limit") { Description = "How many events, newest first (default 100, at most 100000).", DefaultValueFactory = _ => 100 };
        var command = new Command("audit", "The audit trail, newest first: when, who, what, on what, from where (IP address or cli), details. Sign-ins, signal and job actions, user changes.")
        {
            since, limit,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            DateTime? from = null;
            if (parse.GetValue(since) is { } text)
            {
                if (!CommandArguments.TryDate("--since", text, out var date, out var error))
                {
                    return Task.FromResult(CommandHost.Fail(ExitCodes.BadArguments, error));
                }

                from = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            }

            if (!CommandArguments.InRange("--limit", parse.GetValue(limit), 1, 100_000, out var limitError))
            {
                return Task.FromResult(CommandHost.Fail(ExitCodes.BadArguments, limitError));
            }

            return CommandHost.RunAsync(async (services, ct) =>
            {
                await services.GetRequiredService<StoreDatabase>().MigrateAsync(ct).ConfigureAwait(false);
                var events = await services.GetRequiredService<AuditStore>().ListAsync(from, parse.GetValue(limit), ct).ConfigureAwait(false);
                Console.Out.WriteLine("at\tactor\taction\ttarget\tsource\tdetail");
                foreach (var e in events)
                {
                    Console.Out.WriteLine(string.Join('\t', e.At, Field(e.Actor), e.Action, Field(e.Target), Field(e.Source), Field(e.Detail)));
                }

                return ExitCodes.Ok;
            }, overrides, cancellationToken);
        });
        return command;
    }

    // Values come from people (user names, form fields): a tab or line break must not forge a column or a line.
    private static string Field(string value) => value.Replace('\t', ' ').ReplaceLineEndings(" ");
}
