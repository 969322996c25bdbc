namespace ChurnWatch.Worker.Dashboard;

/// <summary>How the dashboard is hosted: inside <c>churnwatch run</c> (the scheduler runs in this process) or standalone.</summary>
/// <param name="SchedulerHere">Whether this process runs the scheduler, so triggered jobs can run here.</param>
/// <param name="Standalone">Whether <c>churnwatch dashboard</c> serves it (always on, whatever Dashboard:Enabled says).</param>
internal sealed record DashboardMode(bool SchedulerHere, bool Standalone);
