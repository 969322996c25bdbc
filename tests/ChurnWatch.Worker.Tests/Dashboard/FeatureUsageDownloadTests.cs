using System.Net;
using System.Net.Sockets;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Dashboard;

/// <summary>
/// The Reports page's feature-usage form: the download is the CSV <c>churnwatch export feature-usage</c> writes for
/// the same query on the same store, and a query it cannot take comes back with what to correct.
/// </summary>
public sealed class FeatureUsageDownloadTests(DashboardFixture site) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task Download_Query_IsTheCsvTheExportCommandWrites()
    {
        using var folder = new TempFolder();
        var written = folder.File("usage.csv");
        var command = await ChurnWatchProcess.RunAsync(
            folder.Path, ["export", "feature-usage", "--from", "2025-11-03", "--to", "2026-02-28", "--grain", "month", "--by", "plan", "--out", written], [.. site.Environment]);
        using var http = new HttpClient();

        var response = await http.GetAsync($"{site.BaseUrl}/exports/feature-usage?from=2025-11-03&to=2026-02-28&grain=month&by=plan");

        Assert.True(command.ExitCode == 0, command.Error);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("feature_usage_summary_2025-11-03_2026-02-28_month_plan.csv", response.Content.Headers.ContentDisposition?.FileName);
        var downloaded = await response.Content.ReadAsStringAsync();
        Assert.Equal(await File.ReadAllTextAsync(written), downloaded);
        // Four months of the sample's features for each plan: something to compare, not an empty header.
        Assert.True(downloaded.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 4 * 3, downloaded);
    }

    [Fact]
    public async Task Download_ByAccountOverMoreAccountWeeksThanTheLimit_Is422WithTheCommandThatWritesIt()
    {
        using var http = new HttpClient();

        // The fixture's limit is 5,000 account-weeks: its 160 accounts over 53 weeks are more, over 4 weeks fewer.
        var year = await http.GetAsync($"{site.BaseUrl}/exports/feature-usage?from=2025-03-02&to=2026-02-28&grain=week&by=account");
        var page = await year.Content.ReadAsStringAsync();
        var month = await http.GetAsync($"{site.BaseUrl}/exports/feature-usage?from=2026-02-02&to=2026-02-28&grain=week&by=account");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, year.StatusCode);
        Assert.Contains("more than 5,000 account-weeks, too large to compute here", page, StringComparison.Ordinal);
        Assert.Contains("write it to a file with &#x27;churnwatch export feature-usage&#x27;. Nothing was downloaded.", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, month.StatusCode);
        Assert.StartsWith("period_start,period_end,grain,group_by,group,feature,", await month.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_WhileAnotherIsBeingSent_Is429UntilThatOneHasEnded()
    {
        // The first download by account over 30 weeks is about 3 MB of CSV. Its client reads nothing through a 4 KB
        // receive window, so the server cannot send it all and its response stays open until the client gives up
        // (on the development machine one week, about 100 KB, still fitted in the sockets' buffers; six weeks did not).
        var slowHandler = new SocketsHttpHandler
        {
            ConnectCallback = async (endpoint, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
                await socket.ConnectAsync(endpoint.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        using var slow = new HttpClient(slowHandler);
        using var http = new HttpClient();
        const string small = "from=2026-01-01&to=2026-02-28&grain=month&by=plan";

        var first = await slow.GetAsync($"{site.BaseUrl}/exports/feature-usage?from=2025-08-04&to=2026-02-28&grain=week&by=account", HttpCompletionOption.ResponseHeadersRead);
        var second = await http.GetAsync($"{site.BaseUrl}/exports/feature-usage?{small}");
        var refused = await second.Content.ReadAsStringAsync();
        first.Dispose();
        slow.Dispose();
        // The first response ends once the server notices its client has gone; until then the form still refuses.
        HttpResponseMessage third;
        var attempts = 0;
        while ((third = await http.GetAsync($"{site.BaseUrl}/exports/feature-usage?{small}")).StatusCode == HttpStatusCode.TooManyRequests && ++attempts < 300)
        {
            third.Dispose();
            await Task.Delay(100);
        }

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Contains("Another feature-usage summary is being computed; download this one when it is done.", refused, StringComparison.Ordinal);
        Assert.Contains("name=\"from\" value=\"2026-01-01\"", refused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.StartsWith("period_start,period_end,grain,group_by,group,feature,", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        third.Dispose();
    }

    [Fact]
    public async Task ReportsPage_ShowsTheFormFilledWithTheQuarterUpToToday()
    {
        using var http = new HttpClient();

        var page = await http.GetStringAsync($"{site.BaseUrl}/reports");

        // The fixture's clock is 2026-03-01: the form starts 90 days before it, by week, all customers together.
        Assert.Contains("<form class=\"filters\" id=\"feature-usage\" method=\"get\" action=\"/exports/feature-usage\">", page, StringComparison.Ordinal);
        Assert.Contains("name=\"from\" value=\"2025-12-01\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"to\" value=\"2026-03-01\"", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"week\" selected", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2026-02-30&to=2026-03-01&grain=week", "From: &#x27;2026-02-30&#x27; is not a date; write it as YYYY-MM-DD, for example 2026-01-31.")]
    [InlineData("from=2026-02-01&to=2026-01-01&grain=week", "To (2026-01-01) is before From (2026-02-01).")]
    [InlineData("from=2020-01-01&to=2026-01-01&grain=week", "From to To spans more than three years; export it in parts.")]
    [InlineData("from=2026-01-01&to=2026-02-01&grain=day", "Grain: expected week or month, got &#x27;day&#x27;.")]
    [InlineData("from=2026-01-01&to=2026-02-01&grain=week&by=region", "Group by: expected plan, segment or account, got &#x27;region&#x27;.")]
    [InlineData("to=2026-02-01&grain=week", "From: &#x27;&#x27; is not a date")]
    public async Task Download_QueryItCannotTake_Is400WithWhatToCorrectAndTheValuesTyped(string query, string message)
    {
        using var http = new HttpClient();

        var response = await http.GetAsync($"{site.BaseUrl}/exports/feature-usage?{query}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Contains("Nothing was downloaded.", page, StringComparison.Ordinal);
        Assert.Contains("name=\"to\" value=\"" + query.Split('&').Single(p => p.StartsWith("to=", StringComparison.Ordinal))[3..] + "\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_MarkupInAField_IsShownAsText()
    {
        using var http = new HttpClient();

        var response = await http.GetAsync($"{site.BaseUrl}/exports/feature-usage?from={Uri.EscapeDataString("<script>alert(1)</script>")}&to=2026-02-01&grain=week");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
    }
}
