using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Reports;
using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>What the dashboard says in words about signals and jobs, shared by its pages and its notices.</summary>
internal static class DashboardText
{
    /// <summary>"Gone dark" for GoneDark; an unknown kind (from a newer version) as stored.</summary>
    public static string KindLabel(string kind) => Enum.TryParse<SignalKind>(kind, out var k) ? SignalLabels.Kind(k) : kind;

    /// <summary>The state in words, as <c>churnwatch signals list</c> puts it.</summary>
    public static string DescribeState(StoredSignal s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.State switch
        {
            SignalStates.Open when s.ReportedOn is null => "open (held back by the weekly cap)",
            SignalStates.Snoozed => $"snoozed until {s.SnoozedUntil} by {s.StateBy}: {s.StateReason}",
            SignalStates.Acknowledged => $"acknowledged by {s.StateBy}: {s.StateReason}",
            SignalStates.Resolved => $"resolved {s.ResolvedAt}",
            _ => s.State,
        };
    }

    /// <summary>Why a job has no next fire: it only runs in chains, it is paused, or no node stored its triggers yet.</summary>
    public static string NoNextFire(JobStatus job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Schedules.Count == 0 ? "runs in a chain (after " + string.Join(" or ", ScheduledJobs.Predecessors(job.Job)) + ")"
            : job.Paused ? "paused"
            : "not scheduled yet (start 'churnwatch run' once)";
    }

    /// <summary>A signal's weight in the CLI's order: severity (info 1, warning 2, critical 3) x ARR at stake.</summary>
    public static double Weight(StoredSignal s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.ArrAtStake * s.Severity switch
        {
            "Critical" => 3,
            "Warning" => 2,
            _ => 1,
        };
    }
}
