using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>
/// The jobs as the dashboard sees and steers them: through the store, exactly as <c>churnwatch jobs</c> does
/// (<see cref="JobBoard"/>), so a click acts on whichever node of <c>churnwatch run</c> takes the work, also from the
/// standalone <c>churnwatch dashboard</c>.
/// </summary>
internal sealed class DashboardJobs(JobBoard board, RunHistoryStore runs)
{
    /// <summary>What started a run from the dashboard, in run history.</summary>
    public const string FiredBy = "manual (dashboard)";

    /// <summary>Every job with its schedules, pause state and last run.</summary>
    public Task<IReadOnlyList<JobStatus>> StatusAsync(CancellationToken cancellationToken) => board.StatusAsync(cancellationToken);

    /// <summary>Recent runs, newest first.</summary>
    public Task<IReadOnlyList<JobRun>> HistoryAsync(int limit, CancellationToken cancellationToken) => runs.HistoryAsync(null, limit, cancellationToken);

    /// <summary>Asks for one run of a job now, on whichever node takes it, stored with <paramref name="alongside"/> (its audit event).</summary>
    public Task TriggerAsync(string job, AlongsideWrite alongside, CancellationToken cancellationToken) =>
        board.TriggerAsync(job, chain: false, FiredBy, alongside, cancellationToken);

    /// <summary>
    /// Pauses or resumes a job, stored with <paramref name="alongside"/> (its audit event); false, with nothing written,
    /// when it was paused (or running) already.
    /// </summary>
    public async Task<bool> PauseOrResumeAsync(string job, bool pause, AlongsideWrite alongside, CancellationToken cancellationToken) =>
        pause
            ? await board.PauseAsync(job, alongside, cancellationToken).ConfigureAwait(false)
            : await board.ResumeAsync(job, alongside, cancellationToken).ConfigureAwait(false) is not null;
}
