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

    /// <summary>Asks for one run of a job now, on whichever node takes it; the message says what happens next.</summary>
    public async Task<(bool Done, string Message)> TriggerAsync(string job, CancellationToken cancellationToken)
    {
        await board.TriggerAsync(job, chain: false, FiredBy, cancellationToken).ConfigureAwait(false);
        return (true, $"Triggered {job}: a node of 'churnwatch run' takes it (none is running while only 'churnwatch dashboard' is), and its run shows in the history below.");
    }

    /// <summary>Pauses or resumes a job; the pause is kept in the store.</summary>
    public async Task<string> PauseOrResumeAsync(string job, bool pause, CancellationToken cancellationToken)
    {
        if (pause)
        {
            await board.PauseAsync(job, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await board.ResumeAsync(job, cancellationToken).ConfigureAwait(false);
        }

        return $"{(pause ? "Paused" : "Resumed")} {job}.";
    }
}
