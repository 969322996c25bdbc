using System.Globalization;
using System.Text;
using ChurnWatch.Worker.Reports;
using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>
/// The open signals of one owner (or all), highest severity x ARR first, each with an acknowledge and a snooze form
/// that go through the store's lifecycle like <c>churnwatch signals ack|snooze</c>; below, those put aside.
/// </summary>
internal static class SignalsPage
{
    public static string Render(IReadOnlyList<StoredSignal> live, IReadOnlyDictionary<string, string> names, string? owner, string? kind, DateOnly today, DashboardToken token, string? notice, string? error)
    {
        var mine = live.Where(s => owner is null || string.Equals(s.OwnerEmail, owner, StringComparison.OrdinalIgnoreCase))
            .Where(s => kind is null || s.Kind == kind).ToList();
        var open = mine.Where(s => s.State == SignalStates.Open).OrderByDescending(Weight).ThenBy(s => s.SignalId).ToList();
        var aside = mine.Where(s => s.State != SignalStates.Open).OrderBy(s => s.SignalId).ToList();
        var html = new StringBuilder();
        html.Append("<form class=\"filters\" method=\"get\" action=\"/signals\"><label>Owner<select name=\"owner\"><option value=\"\">all</option>");
        foreach (var o in live.Select(s => s.OwnerEmail).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase))
        {
            html.Append("<option value=\"").Append(HtmlText.Encode(o)).Append('"').Append(string.Equals(o, owner, StringComparison.OrdinalIgnoreCase) ? " selected" : "").Append('>').Append(HtmlText.Encode(o)).Append("</option>");
        }

        html.Append("</select></label>");
        if (kind is not null)
        {
            html.Append("<input type=\"hidden\" name=\"kind\" value=\"").Append(HtmlText.Encode(kind)).Append("\">");
        }

        html.Append("<button type=\"submit\">Show</button></form>");
        html.Append("<p class=\"small\" id=\"count\">").Append(HtmlText.Count(open.Count)).Append(" open").Append(kind is null ? "" : " " + HtmlText.Encode(OverviewPage.KindLabel(kind)))
            .Append(" signals for ").Append(owner is null ? "every owner" : HtmlText.Encode(owner)).Append(".</p>");
        var back = $"<input type=\"hidden\" name=\"owner\" value=\"{HtmlText.Encode(owner ?? "")}\">" + DashboardLayout.TokenField(token);
        var tomorrow = today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        html.Append("<div class=\"table-wrap\"><table id=\"open-signals\"><thead><tr><th>ID</th><th>account</th><th>kind</th><th>severity</th><th class=\"num\">ARR at stake</th><th>evidence</th><th>put aside</th></tr></thead><tbody>");
        foreach (var s in open)
        {
            var id = s.SignalId.ToString(CultureInfo.InvariantCulture);
            html.Append("<tr id=\"signal-").Append(id).Append("\"><td>").Append(id).Append("</td><td><a href=\"/accounts/").Append(DashboardLayout.Query(s.AccountId)).Append("\">")
                .Append(HtmlText.Encode(names.GetValueOrDefault(s.AccountId, s.AccountId))).Append("</a><br><span class=\"small\">").Append(HtmlText.Encode(s.OwnerEmail)).Append("</span></td><td>")
                .Append(HtmlText.Encode(OverviewPage.KindLabel(s.Kind))).Append(s.ReportedOn is null ? " <span class=\"small\">(held back by the weekly cap)</span>" : "").Append("</td><td><span class=\"sig ")
                .Append(HtmlText.Encode(s.Severity.ToLowerInvariant())).Append("\">").Append(HtmlText.Encode(s.Severity)).Append("</span></td><td class=\"num\">").Append(HtmlText.Money((decimal)s.ArrAtStake))
                .Append("</td><td>").Append(HtmlText.Encode(s.Evidence)).Append("</td><td><details><summary>Acknowledge or snooze</summary>")
                .Append("<form class=\"inline ack\" method=\"post\" action=\"/signals/").Append(id).Append("/ack\">").Append(back)
                .Append("<input name=\"reason\" placeholder=\"reason\" aria-label=\"reason to acknowledge\" required><button type=\"submit\">Acknowledge</button></form>")
                .Append("<form class=\"inline snooze\" method=\"post\" action=\"/signals/").Append(id).Append("/snooze\">").Append(back)
                .Append("<input type=\"date\" name=\"until\" min=\"").Append(tomorrow).Append("\" aria-label=\"snooze until\" required><input name=\"reason\" placeholder=\"reason\" aria-label=\"reason to snooze\" required><button type=\"submit\">Snooze</button></form>")
                .Append("</details></td></tr>");
        }

        html.Append("</tbody></table></div><h2>Acknowledged or snoozed</h2><div class=\"table-wrap\"><table id=\"aside-signals\"><thead><tr><th>ID</th><th>account</th><th>kind</th><th>state</th></tr></thead><tbody>");
        foreach (var s in aside)
        {
            var id = s.SignalId.ToString(CultureInfo.InvariantCulture);
            html.Append("<tr id=\"aside-").Append(id).Append("\"><td>").Append(id).Append("</td><td>").Append(HtmlText.Encode(names.GetValueOrDefault(s.AccountId, s.AccountId))).Append("</td><td>")
                .Append(HtmlText.Encode(OverviewPage.KindLabel(s.Kind))).Append("</td><td>").Append(HtmlText.Encode(DescribeState(s))).Append("</td></tr>");
        }

        html.Append("</tbody></table></div>");
        return DashboardLayout.Page("Signals", "/signals", html.ToString(), notice, error);
    }

    /// <summary>The state in words, as <c>churnwatch signals list</c> puts it.</summary>
    public static string DescribeState(StoredSignal s) => s.State switch
    {
        SignalStates.Open when s.ReportedOn is null => "open (held back by the weekly cap)",
        SignalStates.Snoozed => $"snoozed until {s.SnoozedUntil} by {s.StateBy}: {s.StateReason}",
        SignalStates.Acknowledged => $"acknowledged by {s.StateBy}: {s.StateReason}",
        SignalStates.Resolved => $"resolved {s.ResolvedAt}",
        _ => s.State,
    };

    // The CLI's order: severity (info 1, warning 2, critical 3) x ARR at stake.
    private static double Weight(StoredSignal s) => s.ArrAtStake * s.Severity switch
    {
        "Critical" => 3,
        "Warning" => 2,
        _ => 1,
    };
}
