using System.Globalization;
using System.Text;
using ChurnWatch.Worker.Reports;
using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>The jobs: schedules and next fires, pause state, last run, trigger/pause/resume forms, and the run history with errors.</summary>
internal static class JobsPage
{
    public static string Render(IReadOnlyList<JobStatus> jobs, IReadOnlyList<JobRun> history, bool schedulerHere, bool hangfire, DashboardToken token, string? notice, string? error)
    {
        var html = new StringBuilder();
        html.Append("<p class=\"sub\">").Append(schedulerHere
            ? "This process runs a Hangfire server ('churnwatch run'): a triggered job starts here or on another node of the cluster."
            : "No Hangfire server runs in this process ('churnwatch dashboard'): actions go to the store, and a running 'churnwatch run' node carries them out.").Append("</p>");
        if (hangfire)
        {
            html.Append("<p class=\"sub\" id=\"hangfire-link\">Hangfire's own view of the same jobs (recurring jobs, queues, servers, failures): <a href=\"")
                .Append(HangfireDashboard.Path).Append("/recurring\">the Hangfire dashboard</a>.</p>");
        }

        html.Append("<div class=\"table-wrap\"><table id=\"job-list\"><thead><tr><th>job</th><th>schedules</th><th>last run</th><th>actions</th></tr></thead><tbody>");
        foreach (var job in jobs)
        {
            html.Append("<tr id=\"job-").Append(HtmlText.Encode(job.Job)).Append("\"><td><strong>").Append(HtmlText.Encode(job.Job)).Append("</strong>").Append(job.Paused ? " <span class=\"status stale\">paused</span>" : "")
                .Append("<br><span class=\"small\">").Append(HtmlText.Encode(job.Description)).Append("</span></td><td>");
            foreach (var (key, cron, next) in job.Schedules)
            {
                html.Append("Schedule:").Append(HtmlText.Encode(key)).Append(" <code>").Append(HtmlText.Encode(cron)).Append("</code>, next ")
                    .Append(next is { } at ? HtmlText.Instant(at.UtcDateTime) : job.Paused ? "paused" : "not scheduled yet").Append("<br>");
            }

            if (job.Schedules.Count == 0)
            {
                html.Append(NoNextFire(job));
            }

            html.Append("</td><td>").Append(DescribeRun(job.LastRun)).Append("</td><td>");
            Action(html, job.Job, "trigger", "Trigger now", token);
            Action(html, job.Job, job.Paused ? "resume" : "pause", job.Paused ? "Resume" : "Pause", token);
            html.Append("</td></tr>");
        }

        html.Append("</tbody></table></div><h2>Run history</h2><div class=\"table-wrap\"><table id=\"history\"><thead><tr><th class=\"num\">run</th><th>job</th><th>trigger</th><th>node</th><th>started</th><th>finished</th><th>status</th><th class=\"num\">rows</th><th>error</th><th>Hangfire job</th></tr></thead><tbody>");
        foreach (var r in history)
        {
            html.Append("<tr><td class=\"num\">").Append(r.RunId.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(HtmlText.Encode(r.Job)).Append("</td><td>").Append(HtmlText.Encode(r.TriggerName))
                .Append("</td><td>").Append(HtmlText.Encode(r.Node)).Append("</td><td>").Append(HtmlText.Encode(r.StartedAt)).Append("</td><td>").Append(HtmlText.Encode(r.FinishedAt)).Append("</td><td>")
                .Append(Status(r.Status)).Append("</td><td class=\"num\">").Append(r.RowsAffected is { } rows ? HtmlText.Encode(rows.ToString("#,##0", CultureInfo.InvariantCulture)) : "")
                .Append("</td><td>").Append(HtmlText.Encode(r.Error)).Append("</td><td>");
            if (r.HangfireJobId is { } id)
            {
                html.Append(hangfire ? $"<a href=\"{HangfireDashboard.Path}/jobs/details/{Uri.EscapeDataString(id)}\">{HtmlText.Encode(id)}</a>" : HtmlText.Encode(id));
            }

            html.Append("</td></tr>");
        }

        if (history.Count == 0)
        {
            html.Append("<tr><td colspan=\"10\">No run yet.</td></tr>");
        }

        html.Append("</tbody></table></div>");
        return DashboardLayout.Page("Jobs", "/jobs", html.ToString(), notice, error);
    }

    /// <summary>A run in a few words (HTML, encoded): status, start, node, error.</summary>
    public static string DescribeRun(JobRun? run) => run is null ? "never" :
        Status(run.Status) + " " + HtmlText.Encode(run.StartedAt) + (run.Node is { } node ? " on " + HtmlText.Encode(node) : "") +
        (run.Error is { } error ? "<br><span class=\"small\">" + HtmlText.Encode(error) + "</span>" : "");

    /// <summary>Why a job has no next fire: it only runs in chains, it is paused, or no node stored its triggers yet.</summary>
    public static string NoNextFire(JobStatus job) =>
        job.Schedules.Count == 0 ? "runs in a chain (after " + HtmlText.Encode(string.Join(" or ", ScheduledJobs.Predecessors(job.Job))) + ")"
        : job.Paused ? "paused"
        : "not scheduled yet (start 'churnwatch run' once)";

    private static string Status(string status) =>
        $"<span class=\"status {(status == "succeeded" ? "ok" : status == "running" ? "" : "stale")}\">{HtmlText.Encode(status)}</span>";

    private static void Action(StringBuilder html, string job, string action, string label, DashboardToken token) =>
        html.Append("<form class=\"inline\" method=\"post\" action=\"/jobs/").Append(HtmlText.Encode(job)).Append('/').Append(action).Append("\">").Append(DashboardLayout.TokenField(token))
            .Append("<button type=\"submit\" id=\"").Append(action).Append('-').Append(HtmlText.Encode(job)).Append("\">").Append(label).Append("</button></form>");
}
