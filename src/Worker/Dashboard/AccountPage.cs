using System.Globalization;
using System.Text;
using ChurnWatch.Worker.Reports;
using ChurnWatch.Worker.Reports.Charts;
using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>One account: why it is at risk (drivers, risk history, usage), what was flagged, its tickets, invoices and renewal.</summary>
internal static class AccountPage
{
    /// <summary>Tickets and invoices shown, newest first; older ones are counted.</summary>
    public const int MaxItems = 20;

    public static string Render(
        AccountSummary account,
        IReadOnlyList<(DateOnly AsOf, double Churn)> risk,
        IReadOnlyList<(DateOnly Week, int Users)> usage,
        IReadOnlyList<string> drivers,
        IReadOnlyList<StoredSignal> signals,
        IReadOnlyList<(string Id, string Opened, string? Resolved, string Priority, bool SlaBreached, long? Csat)> tickets,
        IReadOnlyList<(string Id, string Issued, string Due, string? Paid, double Amount, string Currency, string Status)> invoices)
    {
        var html = new StringBuilder();
        html.Append("<p class=\"sub\">").Append(HtmlText.Encode(account.AccountId)).Append(" · ").Append(HtmlText.Encode(account.Segment)).Append(" · owner ")
            .Append(HtmlText.Encode(account.Owner)).Append("</p>");
        html.Append("<div class=\"tiles\"><div class=\"tile risk\"><div class=\"label\">churn probability</div><div class=\"value\" id=\"churn\">")
            .Append(account.Churn is { } c ? HtmlText.Percent(c, 1) : "not scored").Append("</div><div class=\"note\">").Append(AccountsPage.Band(account.Band)).Append("</div></div>")
            .Append("<div class=\"tile\"><div class=\"label\">ARR</div><div class=\"value\">").Append(HtmlText.Money((decimal)account.Arr)).Append("</div></div>")
            .Append("<div class=\"tile\"><div class=\"label\">renewal</div><div class=\"value\">").Append(account.Renewal is { } r ? HtmlText.Date(r) : "none").Append("</div><div class=\"note\">next renewal of an active subscription</div></div></div>");

        html.Append("<h2>Top drivers</h2>");
        html.Append(drivers.Count == 0 ? "<p>Not scored: no active subscription at the last scoring.</p>" : "<ul class=\"reasons\" id=\"drivers\">" + string.Concat(drivers.Select(d => "<li>" + HtmlText.Encode(d) + "</li>")) + "</ul>");

        html.Append("<div class=\"grid2\">");
        if (risk.Count > 0)
        {
            var chart = new LineChartData(
                "Churn probability per scoring date",
                [new LineSeries("churn probability", risk.Select(p => new ChartPoint(p.AsOf.DayNumber, p.Churn)).ToList(), Markers: risk.Count < 30)],
                "scoring date", "churn probability", YFormat: ValueFormat.Percent, XTickLabel: Day,
                // One scoring has no range of its own: a week either side keeps the axis in dates near it.
                XDomain: risk.Count == 1 ? (risk[0].AsOf.DayNumber - 7, risk[0].AsOf.DayNumber + 7) : null);
            html.Append("<figure id=\"risk-history\">").Append(HtmlText.InlineSvg(LineChart.Draw(chart))).Append("<figcaption>").Append(HtmlText.Count(risk.Count)).Append(risk.Count == 1 ? " scoring" : " scorings").Append("</figcaption></figure>");
        }

        if (usage.Count > 0)
        {
            var chart = new LineChartData(
                "Weekly active users",
                [new LineSeries("weekly active users", usage.Select(p => new ChartPoint(p.Week.DayNumber, p.Users)).ToList())],
                "week", "users", XTickLabel: Day);
            html.Append("<figure id=\"usage\">").Append(HtmlText.InlineSvg(LineChart.Draw(chart))).Append("<figcaption>distinct users per week across all features</figcaption></figure>");
        }

        html.Append("</div>");

        html.Append("<h2>Signals</h2><p class=\"small\"><a href=\"/signals?owner=").Append(DashboardLayout.Query(account.Owner)).Append("\">acknowledge or snooze on the signals page</a></p>")
            .Append("<div class=\"table-wrap\"><table id=\"account-signals\"><thead><tr><th>kind</th><th>severity</th><th>state</th><th>evidence</th><th>first seen</th><th>last seen</th></tr></thead><tbody>");
        foreach (var s in signals.OrderBy(s => s.State == SignalStates.Resolved).ThenByDescending(s => s.LastSeen, StringComparer.Ordinal))
        {
            html.Append("<tr><td>").Append(HtmlText.Encode(OverviewPage.KindLabel(s.Kind))).Append("</td><td>").Append(HtmlText.Encode(s.Severity)).Append("</td><td>")
                .Append(HtmlText.Encode(SignalsPage.DescribeState(s))).Append("</td><td>").Append(HtmlText.Encode(s.Evidence)).Append("</td><td>").Append(HtmlText.Encode(s.FirstSeen))
                .Append("</td><td>").Append(HtmlText.Encode(s.LastSeen)).Append("</td></tr>");
        }

        html.Append("</tbody></table></div>");

        html.Append("<div class=\"grid2\"><div><h2>Tickets</h2><p class=\"small\">").Append(HtmlText.Count(tickets.Count)).Append(" in all").Append(tickets.Count > MaxItems ? $", newest {MaxItems} shown" : "")
            .Append("</p><div class=\"table-wrap\"><table id=\"tickets\"><thead><tr><th>ticket</th><th>opened</th><th>resolved</th><th>priority</th><th>SLA</th><th class=\"num\">CSAT</th></tr></thead><tbody>");
        foreach (var t in tickets.Take(MaxItems))
        {
            html.Append("<tr><td>").Append(HtmlText.Encode(t.Id)).Append("</td><td>").Append(HtmlText.Encode(Day(t.Opened))).Append("</td><td>").Append(t.Resolved is null ? "open" : HtmlText.Encode(Day(t.Resolved)))
                .Append("</td><td>").Append(HtmlText.Encode(t.Priority)).Append("</td><td>").Append(t.SlaBreached ? "breached" : "met").Append("</td><td class=\"num\">")
                .Append(t.Csat is { } csat ? HtmlText.Encode(csat.ToString(CultureInfo.InvariantCulture)) : "").Append("</td></tr>");
        }

        html.Append("</tbody></table></div></div><div><h2>Invoices</h2><p class=\"small\">").Append(HtmlText.Count(invoices.Count)).Append(" in all").Append(invoices.Count > MaxItems ? $", newest {MaxItems} shown" : "")
            .Append("</p><div class=\"table-wrap\"><table id=\"invoices\"><thead><tr><th>invoice</th><th>issued</th><th>due</th><th>paid</th><th class=\"num\">amount</th><th>status</th></tr></thead><tbody>");
        foreach (var i in invoices.Take(MaxItems))
        {
            html.Append("<tr><td>").Append(HtmlText.Encode(i.Id)).Append("</td><td>").Append(HtmlText.Encode(Day(i.Issued))).Append("</td><td>").Append(HtmlText.Encode(Day(i.Due)))
                .Append("</td><td>").Append(i.Paid is null ? "" : HtmlText.Encode(Day(i.Paid))).Append("</td><td class=\"num\">").Append(HtmlText.Money((decimal)i.Amount)).Append(' ')
                .Append(HtmlText.Encode(i.Currency)).Append("</td><td>").Append(HtmlText.Encode(i.Status)).Append("</td></tr>");
        }

        html.Append("</tbody></table></div></div></div>");
        return DashboardLayout.Page(account.Name, "/accounts", html.ToString());
    }

    private static string Day(double dayNumber) => DateOnly.FromDayNumber((int)Math.Round(dayNumber)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(string stored) => stored.Length >= 10 ? stored[..10] : stored;
}
