using System.Globalization;
using System.Text;
using ChurnWatch.Worker.Adoption;
using ChurnWatch.Worker.Finance;
using ChurnWatch.Worker.Pages.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>The Reports page, and its feature-usage download: the summary of any span, computed when asked.</summary>
internal sealed partial class DashboardEndpoint
{
    // One summary at a time, from the query to the last byte sent: it reads every subscription and the span's usage.
    private int _computingFeatureUsage;

    private async Task<IResult> ReportsAsync(HttpContext context, FeatureUsageForm? usage, string? error, int statusCode) =>
        await Page<ReportsPage>(
            context,
            new()
            {
                [nameof(ReportsPage.Files)] = files.ListFor(Visitor(context)),
                [nameof(ReportsPage.Folder)] = files.Folder,
                [nameof(ReportsPage.Usage)] = Visitor(context).SeesCompany ? usage ?? FeatureUsageForm.Default(DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime)) : null,
                [nameof(ReportsPage.Error)] = error,
            },
            statusCode).ConfigureAwait(false);

    /// <summary>
    /// <c>GET /exports/feature-usage?from=&amp;to=&amp;grain=&amp;by=</c>: the CSV <c>churnwatch export feature-usage</c>
    /// writes for the same query, as a download. For the roles that see the whole company (404 for the others); a
    /// query it cannot take comes back on the Reports page with what to correct (400), an empty store with what fills
    /// it (409), a summary by account over Dashboard:FeatureUsageMaxAccountWeeks with what to do instead (422), a second
    /// download while one is being sent with a request to wait (429).
    /// </summary>
    private async Task<IResult> FeatureUsageAsync(HttpContext context, CancellationToken ct)
    {
        if (!Visitor(context).SeesCompany)
        {
            return await NoSuchPageAsync(context).ConfigureAwait(false);
        }

        var q = context.Request.Query;
        var typed = new FeatureUsageForm(q["from"].ToString(), q["to"].ToString(), q["grain"].ToString(), q["by"].ToString());
        if (!FeatureUsageQuery.TryCreate(typed.From, typed.To, typed.Grain, typed.By, FeatureUsageQuery.Form, out var query, out var error))
        {
            return await ReportsAsync(context, typed, error + " Nothing was downloaded.", StatusCodes.Status400BadRequest).ConfigureAwait(false);
        }

        if (Interlocked.CompareExchange(ref _computingFeatureUsage, 1, 0) != 0)
        {
            return await ReportsAsync(context, typed, "Another feature-usage summary is being computed; download this one when it is done.", StatusCodes.Status429TooManyRequests).ConfigureAwait(false);
        }

        // Free again once this response has ended, whichever way: sent whole, refused, failed or abandoned by the browser.
        context.Response.OnCompleted(() =>
        {
            Volatile.Write(ref _computingFeatureUsage, 0);
            return Task.CompletedTask;
        });
        try
        {
            var summary = await services.GetRequiredService<FeatureUsageSummaryExport>().ComputeAsync(query, options.Value.FeatureUsageMaxAccountWeeks, ct).ConfigureAwait(false);
            // The rows are computed one period at a time as they are written, and sent as they are: memory holds one
            // period. The CSV writer writes synchronously, which the response allows only when asked, for this one alone.
            context.Features.GetRequiredFeature<IHttpBodyControlFeature>().AllowSynchronousIO = true;
            return Results.Stream(
                body =>
                {
                    using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);
                    FeatureUsageSummaryCsv.Write(summary.Rows, writer);
                    return Task.CompletedTask;
                },
                "text/csv; charset=utf-8",
                FileName(query));
        }
        catch (NothingToComputeException e)
        {
            return await ReportsAsync(context, typed, e.Message, StatusCodes.Status409Conflict).ConfigureAwait(false);
        }
        catch (FeatureUsageTooLargeException e)
        {
            return await ReportsAsync(context, typed, e.Message + " Nothing was downloaded.", StatusCodes.Status422UnprocessableEntity).ConfigureAwait(false);
        }
    }

    /// <summary>For example feature_usage_summary_2026-01-01_2026-03-31_week_plan.csv.</summary>
    internal static string FileName(FeatureUsageQuery query) =>
        string.Create(CultureInfo.InvariantCulture, $"feature_usage_summary_{query.From:yyyy-MM-dd}_{query.To:yyyy-MM-dd}_{query.Grain.ToString().ToLowerInvariant()}_{query.Grouping.ToString().ToLowerInvariant()}.csv");
}
