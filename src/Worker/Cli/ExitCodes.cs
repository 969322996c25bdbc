namespace ChurnWatch.Worker.Cli;

/// <summary>Exit codes scripts can rely on; the README lists them.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Ok = 0;

    /// <summary>The work failed for a reason not listed below (the message says which).</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong: unknown command, bad or missing option.</summary>
    public const int BadArguments = 2;

    /// <summary>appsettings.json or a CHURNWATCH__ variable holds a bad setting.</summary>
    public const int BadConfiguration = 3;

    /// <summary>The source is unreachable, lacks a required table, or holds a row ChurnWatch cannot read.</summary>
    public const int BadSourceData = 4;

    /// <summary>Interrupted (Ctrl+C or SIGTERM) before the work finished; nothing half-written is kept.</summary>
    public const int Cancelled = 130;
}
