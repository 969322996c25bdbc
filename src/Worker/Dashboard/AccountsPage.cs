using System.Globalization;
using System.Text;
using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Reports;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>The accounts list: a GET form of filters (so a filtered list is a link to share) and the table.</summary>
internal static class AccountsPage
{
    /// <summary>At most this many rows: the rest are counted, and a filter narrows them.</summary>
    public const int MaxRows = 500;

    private static readonly int[] RenewalWindows = [30, 90, 180, 365];

    /// <param name="all">Every account.</param>
    /// <param name="filter">The query's filter.</param>
    /// <param name="today">For the renewal window.</param>
    /// <param name="ownerBySignIn">The owner filter is the signed-in user's by default: the page offers everyone's.</param>
    public static string Render(IReadOnlyList<AccountSummary> all, AccountFilter filter, DateOnly today, bool ownerBySignIn = false)
    {
        var rows = filter.Apply(all, today).ToList();
        var html = new StringBuilder();
        html.Append("<form class=\"filters\" method=\"get\" action=\"/accounts\">");
        Select(html, "owner", "Owner", filter.Owner, all.Select(a => a.Owner).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).Select(o => (o, o)));
        Select(html, "band", "Risk band", filter.Band, Enum.GetNames<RiskBand>().Select(b => (b, b)));
        Select(html, "kind", "Signal", filter.Kind, Enum.GetValues<SignalKind>().Select(k => (k.ToString(), SignalLabels.Kind(k))));
        Select(html, "renewal", "Renewal within", filter.RenewalWithinDays?.ToString(CultureInfo.InvariantCulture), RenewalWindows.Select(d => (d.ToString(CultureInfo.InvariantCulture), $"{d} days")));
        html.Append("<label>Sort by<select name=\"sort\">");
        foreach (var (key, label) in AccountFilter.Sorts)
        {
            html.Append("<option value=\"").Append(key).Append('"').Append(key == filter.Sort ? " selected" : "").Append('>').Append(HtmlText.Encode(label)).Append("</option>");
        }

        html.Append("</select></label><button type=\"submit\" id=\"apply\">Show</button> <a href=\"/accounts\">clear</a></form>");
        html.Append("<p class=\"small\" id=\"count\">").Append(HtmlText.Count(rows.Count)).Append(" of ").Append(HtmlText.Count(all.Count)).Append(" accounts")
            .Append(rows.Count > MaxRows ? $", the first {MaxRows} shown" : "").Append(".</p>");
        if (ownerBySignIn)
        {
            html.Append("<p class=\"small\" id=\"own-accounts\">Your accounts, as signed in. <a href=\"/accounts?owner=\">Every owner's accounts</a>.</p>");
        }

        html.Append("<div class=\"table-wrap\"><table id=\"accounts\"><thead><tr><th>account</th><th>owner</th><th>band</th><th class=\"num\">churn</th><th class=\"num\">ARR</th><th class=\"num\">risk x ARR</th><th>renewal</th><th>signals</th></tr></thead><tbody>");
        foreach (var a in rows.Take(MaxRows))
        {
            html.Append("<tr><td><a class=\"acct\" href=\"/accounts/").Append(DashboardLayout.Query(a.AccountId)).Append("\">").Append(HtmlText.Encode(a.Name)).Append("</a><br><span class=\"small\">")
                .Append(HtmlText.Encode(a.AccountId)).Append(" · ").Append(HtmlText.Encode(a.Segment)).Append("</span></td><td>").Append(HtmlText.Encode(a.Owner)).Append("</td><td>")
                .Append(Band(a.Band)).Append("</td><td class=\"num\">").Append(a.Churn is { } c ? HtmlText.Percent(c, 1) : "not scored").Append("</td><td class=\"num\">")
                .Append(HtmlText.Money((decimal)a.Arr)).Append("</td><td class=\"num\">").Append(HtmlText.Money((decimal)a.ArrAtRisk)).Append("</td><td>")
                .Append(a.Renewal is { } r ? HtmlText.Date(r) : "").Append("</td><td>").Append(HtmlText.Encode(string.Join(", ", a.SignalKinds.Select(OverviewPage.KindLabel)))).Append("</td></tr>");
        }

        html.Append("</tbody></table></div>");
        return DashboardLayout.Page("Accounts", "/accounts", html.ToString());
    }

    /// <summary>A risk band badge, in the reports' colours.</summary>
    public static string Band(string? band) => band is null ? "" : $"<span class=\"band {HtmlText.Encode(band.ToLowerInvariant())}\">{HtmlText.Encode(band)}</span>";

    private static void Select(StringBuilder html, string name, string label, string? current, IEnumerable<(string Value, string Text)> options)
    {
        html.Append("<label>").Append(label).Append("<select name=\"").Append(name).Append("\"><option value=\"\">all</option>");
        foreach (var (value, text) in options)
        {
            html.Append("<option value=\"").Append(HtmlText.Encode(value)).Append('"').Append(string.Equals(value, current, StringComparison.OrdinalIgnoreCase) ? " selected" : "").Append('>')
                .Append(HtmlText.Encode(text)).Append("</option>");
        }

        html.Append("</select></label>");
    }
}
