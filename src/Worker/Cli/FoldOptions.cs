using System.CommandLine;

namespace ChurnWatch.Worker.Cli;

/// <summary>The options of <c>churnwatch model evaluate | train</c> that decide the folds and the columns set aside.</summary>
/// <param name="Group">Rows sharing a value stay in one fold.</param>
/// <param name="Ignore">Columns not learned from.</param>
/// <param name="FoldFile">Folds read from a file (hidden: for bench/accuracy.sh).</param>
internal sealed record FoldOptions(Option<string?> Group, Option<string[]> Ignore, Option<string?> FoldFile)
{
    /// <summary>Columns that are not predictors, each with the option that named it (for the message when it is missing).</summary>
    public IReadOnlyList<(string Column, string Option)> Excluded(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var excluded = (parse.GetValue(Ignore) ?? []).Select(c => (c, "--ignore")).ToList();
        if (parse.GetValue(Group) is { } group)
        {
            excluded.Add((group, "--group"));
        }

        return excluded;
    }
}
