namespace ChurnWatch.Worker.Access;

/// <summary>The actors and sources of audit events that are not a person or an address.</summary>
internal static class AuditSources
{
    /// <summary>The source of an event recorded by a <c>churnwatch</c> command.</summary>
    public const string CommandLine = "cli";

    /// <summary>The actor of a dashboard request on loopback without credentials.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>The actor of what ChurnWatch does on its own.</summary>
    public const string System = "system";
}
