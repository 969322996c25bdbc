using System.Text;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Reports;
using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>The first page: how fresh the data is, how the jobs ran, which model scores and how well, and the open signals.</summary>
internal static class OverviewPage
{
    public static string Render(
        IReadOnlyList<SourceFreshness> freshness,
        TimeSpan staleAfter,
        DateTime now,
        IReadOnlyList<JobStatus> jobs,
        (string Learner, string TrainedAt, string DataAsOf, BacktestReport? Backtest)? model,
        IReadOnlyList<StoredSignal> live)
    {
        var html = new StringBuilder();
        html.Append("<h2>Data freshness</h2><div class=\"table-wrap\"><table class=\"sources\" id=\"freshness\"><thead><tr><th>source</th><th class=\"num\">rows</th><th>newest data</th><th>last ingest</th><th>status</th></tr></thead><tbody>");
        foreach (var f in freshness)
        {
            // Judged as the reports judge it: reference tables by their last ingest, event tables by their newest row.
            var stale = !f.Provided || f.NewestDataAt is null || SourceAsOf.FromStore(f, now, staleAfter).IsStale;
            html.Append("<tr><td>").Append(HtmlText.Encode(f.Entity)).Append("</td><td class=\"num\">").Append(HtmlText.Encode(f.RowCount.ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture)))
                .Append("</td><td>").Append(f.NewestDataAt is { } n ? HtmlText.Instant(n) : "none").Append("</td><td>").Append(HtmlText.Instant(f.LastIngestAt))
                .Append("</td><td>").Append(!f.Provided ? "<span class=\"status stale\">not provided</span>" : stale ? "<span class=\"status stale\">stale</span>" : "<span class=\"status ok\">fresh</span>").Append("</td></tr>");
        }

        if (freshness.Count == 0)
        {
            html.Append("<tr><td colspan=\"5\">Nothing ingested yet: run 'churnwatch ingest' or trigger the ingest job.</td></tr>");
        }

        html.Append("</tbody></table></div>");

        html.Append("<h2>Jobs</h2><div class=\"table-wrap\"><table id=\"jobs\"><thead><tr><th>job</th><th>last run</th><th>next fire</th></tr></thead><tbody>");
        foreach (var job in jobs)
        {
            var next = job.Schedules.Select(s => s.Next).Where(n => n is not null).Min();
            html.Append("<tr><td><a href=\"/jobs\">").Append(HtmlText.Encode(job.Job)).Append("</a>").Append(job.Paused ? " <span class=\"status stale\">paused</span>" : "")
                .Append("</td><td>").Append(JobsPage.DescribeRun(job.LastRun)).Append("</td><td>")
                .Append(next is { } at ? HtmlText.Instant(at.UtcDateTime) : JobsPage.NoNextFire(job)).Append("</td></tr>");
        }

        html.Append("</tbody></table></div>");

        html.Append("<h2>Churn model</h2>");
        if (model is { } m)
        {
            html.Append("<div class=\"tiles\" id=\"model\"><div class=\"tile\"><div class=\"label\">learner</div><div class=\"value\">").Append(HtmlText.Encode(m.Learner)).Append("</div><div class=\"note\">trained ")
                .Append(HtmlText.Encode(m.TrainedAt)).Append(", data to ").Append(HtmlText.Encode(m.DataAsOf)).Append("</div></div>");
            if (m.Backtest is { } b)
            {
                html.Append("<div class=\"tile\"><div class=\"label\">backtest AUC</div><div class=\"value\">").Append(HtmlText.Number(b.Auc, 3)).Append("</div><div class=\"note\">tested on ")
                    .Append(HtmlText.Date(b.TestFrom)).Append(" to ").Append(HtmlText.Date(b.TestTo)).Append(", ").Append(HtmlText.Count(b.TestRows)).Append(" rows</div></div>")
                    .Append("<div class=\"tile\"><div class=\"label\">top-decile lift</div><div class=\"value\">").Append(HtmlText.Number(b.TopDecileLift, 1)).Append("x</div><div class=\"note\">Brier ")
                    .Append(HtmlText.Number(b.Brier, 3)).Append(", log loss ").Append(HtmlText.Number(b.LogLoss, 3)).Append("</div></div>");
            }

            html.Append("</div>");
        }
        else
        {
            html.Append("<p>No churn model yet: the train job (or 'churnwatch demo') trains one.</p>");
        }

        var open = live.Where(s => s.State == SignalStates.Open).ToList();
        html.Append("<h2>Open signals</h2><div class=\"table-wrap\"><table id=\"signal-counts\"><thead><tr><th>kind</th><th class=\"num\">open</th><th class=\"num\">critical</th></tr></thead><tbody>");
        foreach (var group in open.GroupBy(s => s.Kind, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            html.Append("<tr><td><a href=\"/signals?owner=&amp;kind=").Append(DashboardLayout.Query(group.Key)).Append("\">").Append(HtmlText.Encode(KindLabel(group.Key))).Append("</a></td><td class=\"num\">")
                .Append(HtmlText.Count(group.Count())).Append("</td><td class=\"num\">").Append(HtmlText.Count(group.Count(s => s.Severity == nameof(SignalSeverity.Critical)))).Append("</td></tr>");
        }

        html.Append("</tbody><tfoot><tr><th>all</th><th class=\"num\">").Append(HtmlText.Count(open.Count)).Append("</th><th></th></tr></tfoot></table></div>");
        return DashboardLayout.Page("Overview", "/", html.ToString());
    }

    /// <summary>"Gone dark" for GoneDark; an unknown kind (from a newer version) as stored.</summary>
    public static string KindLabel(string kind) => Enum.TryParse<SignalKind>(kind, out var k) ? SignalLabels.Kind(k) : kind;
}
