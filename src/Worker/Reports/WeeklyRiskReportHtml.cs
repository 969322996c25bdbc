using System.Globalization;
using System.Text;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Worker.Reports.Charts;

namespace ChurnWatch.Worker.Reports;

/// <summary>
/// Writes one account manager's weekly risk report as a single self-contained HTML page: inline CSS and SVG, no
/// scripts, no fonts or images to fetch, so it can be mailed, archived and printed as it is.
/// </summary>
internal static class WeeklyRiskReportHtml
{
    private const int MovesShown = 5;

    /// <summary>Writes the page for <paramref name="report"/> to <paramref name="writer"/>.</summary>
    public static void Write(WeeklyRiskReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Render(report));
    }

    /// <summary>The page for <paramref name="report"/>, as a string.</summary>
    public static string Render(WeeklyRiskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = AccountRiskRow.Rank(report.Accounts);
        var html = new StringBuilder(64 * 1024);
        var owner = HtmlText.Encode(report.OwnerEmail);

        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Weekly risk report \u2013 ").Append(owner).Append(" \u2013 ").Append(HtmlText.Date(report.AsOf)).Append("</title>\n")
            .Append("<style>\n").Append(ReportStyles.Css).Append("</style>\n</head>\n<body>\n<main>\n");

        Header(html, report, owner);
        Freshness(html, report);
        Tiles(html, report.Kpis, report.Conventions.Currency);
        Moves(html, rows);
        // The overview charts come before the long table, so a reader sees the shape of the week before the detail.
        Charts(html, rows, report);
        SignalsSection(html, report);
        AccountsTable(html, rows, report);
        Trust(html, report.ModelName, report.Backtest);
        Footer(html, report);

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Header(StringBuilder html, WeeklyRiskReport report, string owner)
    {
        html.Append("<header class=\"page\">\n<div>\n<h1>Weekly risk report</h1>\n")
            .Append("<p class=\"sub\">Accounts of <strong>").Append(owner).Append("</strong> as of <strong>")
            .Append(HtmlText.Date(report.AsOf)).Append("</strong></p>\n</div>\n")
            .Append("<div class=\"meta\">Model: ").Append(HtmlText.Encode(report.ModelName))
            .Append("<br>Backtest AUC <strong id=\"header-auc\">").Append(HtmlText.Number(report.Backtest.Auc, 3)).Append("</strong> (0.5 = chance)")
            .Append("<br>Generated ").Append(HtmlText.Instant(report.GeneratedAt)).Append("</div>\n</header>\n");
    }

    private static void Freshness(StringBuilder html, WeeklyRiskReport report)
    {
        var stale = report.Sources.Where(s => s.IsStale).ToList();
        if (stale.Count > 0)
        {
            html.Append("<div class=\"warning\" role=\"alert\" id=\"stale-warning\"><strong>Stale data warning.</strong> ");
            html.Append(stale.Count == 1 ? "One source has" : stale.Count.ToString(CultureInfo.InvariantCulture) + " sources have")
                .Append(" not delivered new data in time, so scores and signals that depend on it may be out of date:<ul>\n");
            foreach (var source in stale)
            {
                html.Append("<li><strong>").Append(HtmlText.Encode(source.Source)).Append("</strong>: newest data ")
                    .Append(HtmlText.Instant(source.NewestData)).Append(", ").Append(HtmlText.Duration(source.AgeAt(report.GeneratedAt)))
                    .Append(" old (allowed: ").Append(HtmlText.Duration(source.StaleAfter)).Append(")</li>\n");
            }

            html.Append("</ul></div>\n");
        }

        html.Append("<h2>Data as of</h2>\n<table class=\"sources\">\n<thead><tr><th>Source</th><th>Newest data</th><th>Last ingest</th><th>Status</th></tr></thead>\n<tbody>\n");
        if (report.Sources.Count == 0)
            html.Append("<tr><td colspan=\"4\" class=\"empty\">No source information was recorded for this run.</td></tr>\n");
        foreach (var source in report.Sources)
        {
            html.Append("<tr><td>").Append(HtmlText.Encode(source.Source)).Append("</td><td>").Append(HtmlText.Instant(source.NewestData))
                .Append("</td><td>").Append(HtmlText.Instant(source.LastIngest)).Append("</td><td>")
                .Append(source.IsStale ? "<span class=\"status stale\">STALE</span>" : "<span class=\"status ok\">OK</span>")
                .Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void Tiles(StringBuilder html, ReportKpis kpis, string currency)
    {
        var code = HtmlText.Encode(currency);
        var share = kpis.Arr == 0 ? 0 : (double)(kpis.ArrAtRisk / kpis.Arr);
        html.Append("<section class=\"tiles\" aria-label=\"Key figures\">\n");
        Tile(html, "Accounts", kpis.Accounts.ToString("#,##0", CultureInfo.InvariantCulture), HtmlText.Count(kpis.HighRiskAccounts) + " high risk", false);
        Tile(html, "ARR", HtmlText.MoneyShort(kpis.Arr), code + " " + HtmlText.Money(kpis.Arr), false);
        Tile(html, "ARR at risk", HtmlText.MoneyShort(kpis.ArrAtRisk), HtmlText.Percent(share, 1) + " of ARR, expected loss", true);
        Tile(html, "Renewals next " + kpis.RenewalWindowDays.ToString(CultureInfo.InvariantCulture) + " days", kpis.RenewalsDue.ToString(CultureInfo.InvariantCulture), code + " " + HtmlText.Money(kpis.RenewalArrDue) + " ARR up for renewal", false);
        html.Append("</section>\n");
    }

    private static void Tile(StringBuilder html, string label, string value, string encodedNote, bool risk)
    {
        html.Append(risk ? "<div class=\"tile risk\">" : "<div class=\"tile\">")
            .Append("<div class=\"label\">").Append(HtmlText.Encode(label)).Append("</div><div class=\"value\">")
            .Append(HtmlText.Encode(value)).Append("</div><div class=\"note\">").Append(encodedNote).Append("</div></div>\n");
    }

    private static void Moves(StringBuilder html, IReadOnlyList<AccountRiskRow> rows)
    {
        var worse = rows.Where(r => r.ChurnProbabilityChange > 0).OrderByDescending(r => r.ChurnProbabilityChange).ThenBy(r => r.AccountId, StringComparer.Ordinal).Take(MovesShown).ToList();
        var better = rows.Where(r => r.ChurnProbabilityChange < 0).OrderBy(r => r.ChurnProbabilityChange).ThenBy(r => r.AccountId, StringComparer.Ordinal).Take(MovesShown).ToList();
        var firstScored = rows.Count(r => r.ChurnProbabilityChange is null);

        // Shown even when nothing moved: "no account got worse" is news an account manager wants confirmed.
        html.Append("<h2>Changes since last week</h2>\n<div class=\"grid2\" id=\"changes\">\n");
        MoveList(html, "Got worse", worse);
        MoveList(html, "Got better", better);
        html.Append("</div>\n");
        if (firstScored > 0)
        {
            html.Append("<p class=\"small\">").Append(HtmlText.Encode(firstScored.ToString(CultureInfo.InvariantCulture)))
                .Append(firstScored == 1 ? " account was not scored last week, so it has" : " accounts were not scored last week, so they have").Append(" no change to compare.</p>\n");
        }
    }

    private static void MoveList(StringBuilder html, string title, List<AccountRiskRow> rows)
    {
        html.Append("<div><h3>").Append(HtmlText.Encode(title)).Append("</h3>\n");
        if (rows.Count == 0)
        {
            html.Append("<p class=\"empty\">None.</p></div>\n");
            return;
        }

        html.Append("<table><tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr><td class=\"acct\">").Append(HtmlText.Encode(row.Name)).Append("</td><td class=\"num\">")
                .Append(Change(row.ChurnProbabilityChange)).Append("</td><td class=\"num\">now ").Append(HtmlText.Percent(row.ChurnProbability))
                .Append("</td></tr>\n");
        }

        html.Append("</tbody></table></div>\n");
    }

    private static void AccountsTable(StringBuilder html, IReadOnlyList<AccountRiskRow> rows, WeeklyRiskReport report)
    {
        html.Append("<h2>Accounts by ARR at risk</h2>\n<p class=\"small\">Ranked by ARR \u00d7 churn probability: the expected loss, so a likely loss of a large account comes first. ")
            .Append("The same table as a spreadsheet: <a class=\"csv\" href=\"").Append(HtmlText.Encode(ReportFileName.CsvForOwner(report.OwnerEmail))).Append("\">")
            .Append(HtmlText.Encode(ReportFileName.CsvForOwner(report.OwnerEmail))).Append("</a> (written beside this page).</p>\n")
            .Append("<div class=\"table-wrap\"><table class=\"accounts\">\n<thead><tr><th class=\"num\">#</th><th>Account</th><th class=\"num\">ARR (")
            .Append(HtmlText.Encode(report.Conventions.Currency))
            .Append(")</th><th>Churn risk</th><th>Change</th><th>Renewal</th><th>Weekly active users</th><th>Why</th><th>Open signals</th></tr></thead>\n<tbody>\n");
        if (rows.Count == 0)
            html.Append("<tr><td colspan=\"9\" class=\"empty\">No accounts are assigned to this owner.</td></tr>\n");

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            html.Append("<tr><td class=\"num\">").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append("</td>")
                .Append("<td><span class=\"acct\">").Append(HtmlText.Encode(row.Name)).Append("</span><br><span class=\"small\">")
                .Append(HtmlText.Encode(row.AccountId)).Append(" \u00b7 ").Append(HtmlText.Encode(row.Segment)).Append(" \u00b7 ")
                .Append(HtmlText.Encode(row.Plan)).Append("</span></td>")
                .Append("<td class=\"num\">").Append(HtmlText.Money(row.Arr)).Append("<br><span class=\"small\">at risk ")
                .Append(HtmlText.Money(row.ArrAtRisk)).Append("</span></td>")
                .Append("<td><span class=\"prob\">").Append(HtmlText.Percent(row.ChurnProbability)).Append("</span>").Append(Band(row.Band)).Append("</td>")
                .Append("<td>").Append(Change(row.ChurnProbabilityChange)).Append("</td>")
                .Append("<td>").Append(Renewal(row, report.AsOf)).Append("</td>")
                .Append("<td>").Append(Usage(row)).Append("</td>")
                .Append("<td>").Append(Reasons(row.TopReasons)).Append("</td>")
                .Append("<td>").Append(Signals(row.Signals)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n");
    }

    private static string Band(RiskBand band) => band switch
    {
        RiskBand.High => "<span class=\"band high\">HIGH</span>",
        RiskBand.Medium => "<span class=\"band medium\">MEDIUM</span>",
        _ => "<span class=\"band low\">LOW</span>",
    };

    private static string Change(double? change)
    {
        if (change is not { } c)
            return "<span class=\"new\">new this week</span>";
        var text = HtmlText.Points(c);
        // Arrows as well as colour, so direction survives grey-scale printing.
        return Math.Round(c * 100) switch
        {
            > 0 => "<span class=\"up\">\u25b2 " + text + "</span>",
            < 0 => "<span class=\"down\">\u25bc " + text + "</span>",
            _ => "<span class=\"flat\">\u25b6 " + text + "</span>",
        };
    }

    private static string Renewal(AccountRiskRow row, DateOnly asOf)
    {
        if (row.RenewalDate is not { } date)
            return "<span class=\"small\">month-to-month</span>";
        var days = date.DayNumber - asOf.DayNumber;
        var when = days >= 0 ? "in " + days.ToString(CultureInfo.InvariantCulture) + " days" : (-days).ToString(CultureInfo.InvariantCulture) + " days ago";
        var result = HtmlText.Date(date) + "<br><span class=\"small\">" + HtmlText.Encode(when);
        if (row.RenewalProbability is { } p)
            result += " \u00b7 renews " + HtmlText.Percent(p);
        return result + "</span>";
    }

    private static string Usage(AccountRiskRow row)
    {
        var series = row.WeeklyActiveUsers;
        if (series.Count == 0)
            return "<span class=\"small\">no usage data</span>";
        var title = string.Create(CultureInfo.InvariantCulture, $"Weekly active users of {row.Name}, last {series.Count} weeks: {series[0]} to {series[^1]}");
        var chart = Sparkline.Draw(series.Select(v => (double)v).ToList(), title);
        return HtmlText.InlineSvg(chart) + "<br><span class=\"small\">" + HtmlText.Encode(series[0].ToString(CultureInfo.InvariantCulture)) + " \u2192 "
            + HtmlText.Encode(series[^1].ToString(CultureInfo.InvariantCulture)) + "</span>";
    }

    private static string Reasons(IReadOnlyList<string> reasons)
    {
        if (reasons.Count == 0)
            return "<span class=\"small\">\u2013</span>";
        return "<ul class=\"reasons\">" + string.Concat(reasons.Take(3).Select(r => "<li>" + HtmlText.Encode(r) + "</li>")) + "</ul>";
    }

    private static string Signals(IReadOnlyList<OpenSignal> signals)
    {
        if (signals.Count == 0)
            return "<span class=\"small\">\u2013</span>";
        var items = signals
            .OrderByDescending(s => s.Severity)
            .ThenBy(s => s.Kind)
            .Select(s => "<li><span class=\"sig " + SignalLabels.SeverityClass(s.Severity) + "\">" + HtmlText.Encode(SignalLabels.Kind(s.Kind))
                + "</span>" + (s.IsNew ? "<span class=\"sig new\">new</span>" : string.Empty) + HtmlText.Encode(s.Evidence) + "</li>");
        return "<ul class=\"signals\">" + string.Concat(items) + "</ul>";
    }

    private static void Charts(StringBuilder html, IReadOnlyList<AccountRiskRow> rows, WeeklyRiskReport report)
    {
        html.Append("<h2>Risk at a glance</h2>\n<div class=\"grid2\">\n<figure>");
        html.Append(HtmlText.InlineSvg(ReportCharts.RiskDistribution(report)));
        html.Append("<figcaption>Risk distribution: how many of your accounts fall in each 10-point range of churn probability, coloured by risk band.</figcaption></figure>\n<figure>");
        html.Append(HtmlText.InlineSvg(ReportCharts.ArrAtRiskByRenewalMonth(report)));
        html.Append("<figcaption>ARR at risk (ARR \u00d7 churn probability) of the accounts renewing in each month, split by risk band; ")
            .Append("\u201cNo date\u201d are month-to-month accounts, which can leave in any month.</figcaption></figure>\n</div>\n");
    }

    private static void SignalsSection(StringBuilder html, WeeklyRiskReport report)
    {
        var counts = report.SignalCounts;
        var open = counts.Sum(c => c.Count);
        var fresh = counts.Sum(c => c.New);
        html.Append("<h2>Signals</h2>\n<div class=\"grid2\">\n<div>\n<dl class=\"figures\" id=\"signal-figures\">\n");
        Figure(html, "Open signals", HtmlText.Encode(open.ToString(CultureInfo.InvariantCulture)));
        Figure(html, "New this week", HtmlText.Encode(fresh.ToString(CultureInfo.InvariantCulture)));
        Figure(html, "Held back", HtmlText.Encode(report.HeldBackSignals.ToString(CultureInfo.InvariantCulture))
            + " <span class=\"small\">(acknowledged, snoozed or over the weekly cap; not listed here)</span>");
        html.Append("</dl>\n<h3>New signals by kind</h3>\n<table class=\"signal-kinds\">\n<thead><tr><th>Kind</th><th class=\"num\">New this week</th><th class=\"num\">Open</th></tr></thead>\n<tbody>\n");
        foreach (var count in counts)
        {
            html.Append("<tr><td>").Append(HtmlText.Encode(SignalLabels.Kind(count.Kind))).Append("</td><td class=\"num\">")
                .Append(HtmlText.Encode(count.New.ToString(CultureInfo.InvariantCulture))).Append("</td><td class=\"num\">")
                .Append(HtmlText.Encode(count.Count.ToString(CultureInfo.InvariantCulture))).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n<figure>");
        if (open > 0)
        {
            var data = new BarChartData(
                "Open signals by kind",
                counts.Select(s => SignalLabels.Kind(s.Kind)).ToList(),
                [
                    new ChartSeries("New this week", counts.Select(s => (double)s.New).ToList()),
                    new ChartSeries("Open since before", counts.Select(s => (double)s.Carried).ToList()),
                ],
                Stacked: true,
                "Signal",
                "Open signals");
            html.Append(HtmlText.InlineSvg(BarChart.Draw(data)));
            html.Append("<figcaption>Open signals on your accounts, new this week stacked under those already open; acknowledged and snoozed ones excluded.</figcaption>");
        }
        else
        {
            html.Append("<p class=\"empty\">No open signals on your accounts this week.</p>");
        }

        html.Append("</figure>\n</div>\n");
    }

    private static void Trust(StringBuilder html, string modelName, BacktestReport backtest)
    {
        var auc = backtest.Auc;
        html.Append("<section class=\"trust\">\n<h2>How far to trust this</h2>\n")
            .Append("<p>The model <strong>").Append(HtmlText.Encode(modelName)).Append("</strong> (").Append(HtmlText.Encode(backtest.Learner))
            .Append(", target: ").Append(HtmlText.Encode(backtest.Target)).Append(") was trained on earlier weeks and tested on later ones it had not seen, the way it is used. ")
            .Append("An AUC of ").Append(HtmlText.Number(auc, 2)).Append(" means that for a random account that churned and a random one that stayed, the model ranked the churner higher ")
            .Append(HtmlText.Percent(auc)).Append(" of the time (50% is a coin toss). The riskiest tenth of accounts churned ")
            .Append(HtmlText.Number(backtest.TopDecileLift, 1)).Append(" times as often as average.</p>\n")
            .Append("<div class=\"grid2\">\n<div>\n<dl class=\"figures\">\n");
        Figure(html, "AUC", HtmlText.Number(auc, 3) + " <span class=\"small\">(higher is better; 0.5 = chance)</span>");
        Figure(html, "Log loss", HtmlText.Number(backtest.LogLoss, 3) + " <span class=\"small\">(lower is better)</span>");
        Figure(html, "Brier score", HtmlText.Number(backtest.Brier, 3) + " <span class=\"small\">(lower is better)</span>");
        Figure(html, "Top-decile lift", HtmlText.Number(backtest.TopDecileLift, 2) + "\u00d7");
        if (double.IsFinite(backtest.AveragePrecision))
        {
            Figure(html, "PR-AUC", HtmlText.Number(backtest.AveragePrecision, 3) + " <span class=\"small\">(chance = the churn rate)</span>");
        }

        if (backtest.CalibrationMethod is { } method)
        {
            Figure(html, "Calibration", HtmlText.Encode(method) + (backtest.UncalibratedLogLoss is { } before && backtest.CalibratedLogLoss is { } after
                ? " <span class=\"small\">(log loss on unseen test rows " + HtmlText.Number(before, 3) + " \u2192 " + HtmlText.Number(after, 3) + "; the probabilities shown are calibrated, the table and charts below show the raw model; calibration does not reorder accounts)</span>"
                : string.Empty));
        }

        Figure(html, "Churn rate in test", HtmlText.Percent(backtest.TestBaseRate, 1));
        Figure(html, "Training window", HtmlText.Date(backtest.TrainFrom) + " to " + HtmlText.Date(backtest.TrainTo) + " <span class=\"small\">(" + HtmlText.Encode(backtest.TrainRows.ToString("#,##0", CultureInfo.InvariantCulture)) + " rows)</span>");
        Figure(html, "Test window", HtmlText.Date(backtest.TestFrom) + " to " + HtmlText.Date(backtest.TestTo) + " <span class=\"small\">(" + HtmlText.Encode(backtest.TestRows.ToString("#,##0", CultureInfo.InvariantCulture)) + " rows)</span>");
        html.Append("</dl>\n");
        CalibrationTable(html, backtest.Calibration);
        html.Append("</div>\n<div>\n<figure>");
        var calibration = backtest.Calibration.Select(b => new CalibrationPoint(b.MeanPredicted, b.ObservedRate, b.Count)).ToList();
        html.Append(HtmlText.InlineSvg(CalibrationPlot.Draw("Predicted vs observed churn", calibration)));
        html.Append("<figcaption>Calibration on the test period: when the model said X%, about X% churned if the dots sit on the dashed line. Dots above it mean it under-estimated risk; bigger dots hold more accounts.</figcaption></figure>\n<figure>");
        html.Append(HtmlText.InlineSvg(LiftChart.Draw("Churners found, riskiest accounts first", Gains(backtest))));
        html.Append("<figcaption>Cumulative gains on the test period: the share of accounts that churned found by contacting the riskiest accounts first, against contacting at random. ")
            .Append("Points are the calibration table\u2019s ranges and the measured top-decile lift.</figcaption></figure>\n</div>\n</div>\n</section>\n");
    }

    private static void Figure(StringBuilder html, string name, string encodedValue) =>
        html.Append("<dt>").Append(HtmlText.Encode(name)).Append("</dt><dd>").Append(encodedValue).Append("</dd>\n");

    private static void CalibrationTable(StringBuilder html, IReadOnlyList<CalibrationBin> bins)
    {
        html.Append("<h3>Calibration table</h3>\n<table class=\"calibration\">\n<thead><tr><th>Predicted range</th><th class=\"num\">Rows</th><th class=\"num\">Mean predicted</th><th class=\"num\">Observed churn</th></tr></thead>\n<tbody>\n");
        if (bins.Count == 0)
            html.Append("<tr><td colspan=\"4\" class=\"empty\">No calibration data.</td></tr>\n");
        foreach (var bin in bins)
        {
            html.Append("<tr><td>").Append(HtmlText.Percent(bin.Lower)).Append(" \u2013 ").Append(HtmlText.Percent(bin.Upper))
                .Append("</td><td class=\"num\">").Append(HtmlText.Encode(bin.Count.ToString("#,##0", CultureInfo.InvariantCulture)))
                .Append("</td><td class=\"num\">").Append(HtmlText.Percent(bin.MeanPredicted, 1))
                .Append("</td><td class=\"num\">").Append(HtmlText.Percent(bin.ObservedRate, 1)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    /// <summary>
    /// The gains curve the backtest supports: exact at each calibration range's edge (rows ranked by score, a range at
    /// a time) and at the top decile (from the measured lift), straight lines between.
    /// </summary>
    private static IReadOnlyList<ChartPoint> Gains(BacktestReport backtest)
    {
        var curve = GainsCurve.FromGroups(backtest.Calibration.Select(b => (b.MeanPredicted, (double)b.Count, b.Count * b.ObservedRate)));
        if (curve.Count < 2 || !double.IsFinite(backtest.TopDecileLift) || backtest.TopDecileLift <= 0)
            return curve;
        var topDecile = new ChartPoint(0.1, Math.Min(1, 0.1 * backtest.TopDecileLift));
        return curve.Where(p => Math.Abs(p.X - 0.1) > 1e-9).Append(topDecile).OrderBy(p => p.X).ToList();
    }

    private static void Footer(StringBuilder html, WeeklyRiskReport report)
    {
        var c = report.Conventions;
        var renewalEnd = report.AsOf.AddDays(report.Kpis.RenewalWindowDays - 1);
        html.Append("<footer>\n<strong>Conventions used in this report</strong>\n<ul>\n")
            .Append("<li>Churn: an account churns when its last active subscription ends and no new subscription starts within ")
            .Append(HtmlText.Encode(c.GracePeriodDays.ToString(CultureInfo.InvariantCulture))).Append(" days (the grace period).</li>\n")
            .Append("<li>Churn probability: the calibrated probability that the account churns within ")
            .Append(HtmlText.Encode(c.HorizonDays.ToString(CultureInfo.InvariantCulture))).Append(" days after ").Append(HtmlText.Date(report.AsOf))
            .Append(" (the horizon), using only data before that date. Bands: medium from ").Append(HtmlText.Percent(c.MediumThreshold))
            .Append(", high from ").Append(HtmlText.Percent(c.HighThreshold)).Append(".</li>\n")
            .Append("<li>ARR = 12 \u00d7 MRR; MRR is the recurring monthly amount after discounts, prepaid plans spread over their months, one-time charges excluded. Amounts in ")
            .Append(HtmlText.Encode(c.Currency)).Append(".</li>\n")
            .Append("<li>ARR at risk = the sum over accounts of ARR \u00d7 churn probability: an expected loss, not the ARR of accounts certain to leave.</li>\n")
            .Append("<li>Renewals: contractual renewal dates from ").Append(HtmlText.Date(report.AsOf)).Append(" to ").Append(HtmlText.Date(renewalEnd))
            .Append("; renewal probability is shown where the account has a renewal date.</li>\n")
            .Append("<li>Change: the difference from last week's churn probability, in percentage points.</li>\n")
            .Append("<li>A source is stale when its newest data is older than its configured threshold at the time the report is made.</li>\n")
            .Append("</ul>\n<p>Generated ").Append(HtmlText.Instant(report.GeneratedAt)).Append(" by ChurnWatch.</p>\n</footer>\n");
    }
}
