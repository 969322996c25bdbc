namespace ChurnWatch.Worker.Access;

// Public because the dashboard's audit page (a public Razor component) takes it as a parameter.
/// <summary>One entry of the audit trail: who (<paramref name="Actor"/>) did what, when, to what and from where.</summary>
public sealed record AuditEvent(long EventId, string At, string Actor, string Action, string Target, string Source, string Detail);
