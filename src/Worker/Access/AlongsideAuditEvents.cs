using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Access;

/// <summary>
/// An audit event to be written in the transaction of the change it records (<see cref="AlongsideWrite"/>): both stored,
/// or neither. Beside <see cref="AuditStore"/>, not in it, which keeps to recording and listing (the append-only guard
/// checks its methods); these only call its <see cref="AuditStore.RecordAsync(System.Data.Common.DbTransaction, string, string, string, string, string, CancellationToken)"/>.
/// </summary>
internal static class AlongsideAuditEvents
{
    /// <summary>One event; callers never pass a password or a secret in <paramref name="detail"/>.</summary>
    public static AlongsideWrite Alongside(this AuditStore audit, string actor, string action, string target, string source, string detail)
    {
        ArgumentNullException.ThrowIfNull(audit);
        return (transaction, token) => audit.RecordAsync(transaction, actor, action, target, source, detail, token);
    }

    /// <summary>The event of a change made from the command line: by the operating-system user who ran the command.</summary>
    public static AlongsideWrite CommandLineEvent(this AuditStore audit, string action, string target, string detail) =>
        audit.Alongside(Environment.UserName, action, target, AuditSources.CommandLine, detail);
}
