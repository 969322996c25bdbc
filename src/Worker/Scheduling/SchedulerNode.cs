namespace ChurnWatch.Worker.Scheduling;

/// <summary>This process's node name (Schedule:NodeName, or the host name plus a unique suffix): in run history and as its Hangfire server's name.</summary>
internal sealed record SchedulerNode(string Name)
{
    public static SchedulerNode From(ScheduleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var machine = Environment.MachineName;
        return new(string.IsNullOrEmpty(options.NodeName) ? $"{machine}-{Guid.NewGuid():N}"[..Math.Min(machine.Length + 9, 100)] : options.NodeName);
    }
}
