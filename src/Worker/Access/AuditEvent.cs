namespace ChurnWatch.Worker.Access;

/// <summary>One entry of the audit trail: who (<paramref name="Actor"/>) did what, when, to what and from where.</summary>
internal sealed record AuditEvent(long EventId, string At, string Actor, string Action, string Target, string Source, string Detail);
