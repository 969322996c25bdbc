using System.CommandLine;
using System.Text;
using ChurnWatch.Analytics.Scoring.Evaluation;
using Spectre.Console;
using static ChurnWatch.Worker.Cli.EvaluationText;

namespace ChurnWatch.Worker.Cli;

/// <summary>
/// <c>churnwatch reasons evaluate</c>: scores past weekly dates with a model trained before them
/// (<see cref="PastWeeksReplay"/>) and prints, per group of the first shown reason (<see cref="ReasonGroups"/>), how
/// often its accounts churned within the horizon against accounts of the same risk bands without it: whether the
/// reasons' words carry information the band does not.
/// </summary>
internal static class ReasonsEvaluateCommand
{
    private static readonly string[] GroupHeaders = ["top reason", "account-weeks", "churned", "rate", "expected at its bands' rates without it", "band-adjusted lift"];
    private static readonly string[] CellHeaders = ["band", "top reason", "account-weeks", "churned", "rate", "rate in the band without it", "lift in the band"];

    public static Command Create(IEnumerable<KeyValuePair<string, string?>>? overrides) => PastWeeksReplay.Create(
        "Replay the scores over past weeks: per risk band and group of the first reason (usage drop, support, billing, none raising), account-weeks and churn within the horizon, and each group's lift over the same bands without it.",
        "Print the tables as Markdown (for the README) instead of console tables.",
        Replay, Markdown, Print, overrides);

    /// <summary>One pass over the batches after the training: each batch scored at every date with the model trained before them.</summary>
    private static ReasonEvaluation Replay(PastWeeksReplay past)
    {
        var replay = ReasonReplay.Start(past.Dates, past.Options, past.Modeling.GraceDays);
        past.Score("Replay the reasons", replay.Add);
        return replay.Finish();
    }

    private static void Print(ReasonEvaluation e)
    {
        AnsiConsole.Write(Table(Caption(e), GroupHeaders, GroupRows(e)));
        AnsiConsole.WriteLine(Headline(e));
        AnsiConsole.Write(Table("Per risk band", CellHeaders, CellRows(e)));
    }

    /// <summary>The tables as Markdown, as the README shows them.</summary>
    public static string Markdown(ReasonEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var text = new StringBuilder();
        text.Append(Caption(evaluation)).Append("\n\n");
        MarkdownTable(text, GroupHeaders, GroupRows(evaluation), textColumns: 1);
        text.Append('\n').Append(Headline(evaluation)).Append("\n\n");
        MarkdownTable(text, CellHeaders, CellRows(evaluation), textColumns: 2);
        return text.ToString();
    }

    private static string Caption(ReasonEvaluation e) => I(
        $"{e.Dates} weekly dates {e.FirstDate:yyyy-MM-dd} to {e.LastDate:yyyy-MM-dd}, {e.AccountWeeks:N0} scored account-weeks; churn within {e.HorizonDays} days: {Percent(e.ChurnRate)}");

    private static string Headline(ReasonEvaluation e) => I(
        $"Usage drop first: {e.ChurnedIn(ReasonGroup.UsageDrop):N0} churned where {Text(e.ExpectedChurnedIn(ReasonGroup.UsageDrop), "N1")} were expected at the churn rates of the same bands without it: band-adjusted lift {Text(e.UsageDropLift, "0.00")}.");

    private static IEnumerable<string[]> GroupRows(ReasonEvaluation e) => Shown(e).Select(g => new[]
    {
        ReasonGroups.Name(g),
        I($"{e.AccountWeeksIn(g):N0}"),
        I($"{e.ChurnedIn(g):N0}"),
        Percent(e.RateIn(g)),
        Text(e.ExpectedChurnedIn(g), "N1"),
        Text(e.BandAdjustedLift(g), "0.00"),
    });

    private static IEnumerable<string[]> CellRows(ReasonEvaluation e) => e.Cells.Where(c => Shown(e).Contains(c.Group)).Select(c => new[]
    {
        c.Band.ToString().ToLowerInvariant(),
        ReasonGroups.Name(c.Group),
        I($"{c.AccountWeeks:N0}"),
        I($"{c.Churned:N0}"),
        Percent(c.Rate),
        Percent(c.OthersRate),
        Text(c.Lift, "0.00"),
    });

    // "Other" is a safety net (a raising first reason on no known behaviour topic): listed only when it holds anything.
    private static IEnumerable<ReasonGroup> Shown(ReasonEvaluation e) =>
        Enum.GetValues<ReasonGroup>().Where(g => g != ReasonGroup.Other || e.AccountWeeksIn(g) > 0);

    private static Table Table(string title, string[] headers, IEnumerable<string[]> rows)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumns(headers);
        foreach (var row in rows)
        {
            table.AddRow([.. row.Select(Markup.Escape)]);
        }

        return table;
    }

    /// <summary>A Markdown table: the first <paramref name="textColumns"/> columns left-aligned, the numbers right-aligned.</summary>
    private static void MarkdownTable(StringBuilder text, string[] headers, IEnumerable<string[]> rows, int textColumns)
    {
        text.Append("| ").AppendJoin(" | ", headers).Append(" |\n")
            .Append('|').AppendJoin('|', headers.Select((_, i) => i < textColumns ? "---" : "---:")).Append("|\n");
        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        }
    }
}
