using System.CommandLine;
using System.Globalization;
using ChurnWatch.Analytics.Learning;
using ChurnWatch.Analytics.Learning.Evaluation;
using ChurnWatch.Analytics.Learning.Linear;
using ChurnWatch.Analytics.Learning.Tabular;
using ChurnWatch.Analytics.Features;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Worker.Reports.Csv;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ChurnWatch.Worker.Tabular;
using Spectre.Console;

namespace ChurnWatch.Worker.Cli;

/// <summary>
/// <c>churnwatch model evaluate | train | score</c>: ChurnWatch's learners on any CSV of one row per account, as
/// ML.NET's CLI does for its own. Text columns are categorical, empty cells are missing, numbers are invariant culture.
/// </summary>
internal static class ModelCommand
{
    /// <summary>The learners every command compares, in a fixed order.</summary>
    public static IReadOnlyList<IBinaryLearner> Learners() => [new LogisticLearner(), new Analytics.Learning.Trees.TreesLearner()];

    public static Command Create(TimeProvider time)
    {
        var command = new Command("model", "Evaluate, train and apply ChurnWatch's learners on a CSV of one row per account, or show a trained churn or renewal model.");
        command.Subcommands.Add(Evaluate(time));
        command.Subcommands.Add(Train(time));
        command.Subcommands.Add(Score());
        command.Subcommands.Add(ModelShowCommand.Create());
        command.Subcommands.Add(Observations());
        return command;
    }

    private static (Option<string> Csv, Option<string> Label, Option<string> Positive, Option<string?> Id, Option<int> Seed, Option<int> Folds, FoldOptions Split) TableOptions()
    {
        var csv = new Option<string>("--csv") { Description = "The table: a CSV with a header row and one row per account.", Required = true };
        var label = new Option<string>("--label") { Description = "The column to predict.", Required = true };
        var positive = new Option<string>("--positive") { Description = "The label value of the positive class, e.g. churned or 1.", Required = true };
        var id = new Option<string?>("--id") { Description = "A column that identifies rows: not learned from, copied to the scores." };
        var seed = new Option<int>("--seed") { Description = "Seed of the folds and of randomised learners.", DefaultValueFactory = _ => 42 };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds, 2 to 20.", DefaultValueFactory = _ => 5 };
        var split = new FoldOptions(
            new Option<string?>("--group")
            {
                Description = "Rows with the same value in this column stay in one fold, e.g. an account observed on several dates (its rows are nearly copies of each other); not learned from.",
            },
            new Option<string[]>("--ignore") { Description = "A column not to learn from (repeatable), e.g. a date.", AllowMultipleArgumentsPerToken = false },
            new Option<string?>("--fold-file")
            {
                // For bench/accuracy.sh: other tools read the same file, so every side is scored on the very same splits.
                Description = "A CSV with a 'fold' column: one fold number (0 to k-1) per table row, in the table's order; replaces --folds (a --group still reaches the learners).",
                Hidden = true,
            });
        return (csv, label, positive, id, seed, folds, split);
    }

    private static Command Evaluate(TimeProvider time)
    {
        var (csv, label, positive, id, seed, folds, split) = TableOptions();
        var command = new Command("evaluate", "Stratified k-fold cross-validation of each learner: AUC, log loss, Brier and fit seconds, then the chosen learner.")
        {
            csv, label, positive, folds, id, seed, split.Group, split.Ignore, split.FoldFile,
        };
        command.SetAction(parse => Run(() =>
        {
            var (table, x, y, _) = Load(parse.GetValue(csv)!, parse.GetValue(label)!, parse.GetValue(positive)!, parse.GetValue(id), split.Excluded(parse));
            var groups = Groups(parse, split, table);
            var evaluations = CrossValidate(x, y, Folds(parse, split, groups, y, parse.GetValue(folds), parse.GetValue(seed)), groups, parse.GetValue(seed), time);
            Print(evaluations);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Train(TimeProvider time)
    {
        var (csv, label, positive, id, seed, folds, split) = TableOptions();
        var output = new Option<string>("--out") { Description = "The model file to write (JSON).", Required = true };
        var command = new Command("train", "Cross-validate the learners, fit the best on every row and write the model file.")
        {
            csv, label, positive, output, folds, id, seed, split.Group, split.Ignore, split.FoldFile,
        };
        command.SetAction(parse => Run(() =>
        {
            var (table, x, y, encoding) = Load(parse.GetValue(csv)!, parse.GetValue(label)!, parse.GetValue(positive)!, parse.GetValue(id), split.Excluded(parse));
            var groups = Groups(parse, split, table);
            var evaluations = CrossValidate(x, y, Folds(parse, split, groups, y, parse.GetValue(folds), parse.GetValue(seed)), groups, parse.GetValue(seed), time);
            Print(evaluations);
            var best = CrossValidation.Best(evaluations);
            var classifier = Learners().Single(l => l.Name == best.Learner).Fit(x, y, parse.GetValue(seed), groups);
            var model = new TableModel(TableModel.CurrentFormatVersion, TableModelSerializer.Version, parse.GetValue(label)!, parse.GetValue(positive)!, encoding, classifier, evaluations);
            Output.AtomicFile.WriteText(parse.GetValue(output)!, writer => writer.Write(TableModelSerializer.Serialize(model)));
            AnsiConsole.MarkupLine(Markup.Escape($"Model written to {parse.GetValue(output)}."));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Score()
    {
        var model = new Option<string>("--model") { Description = "A model file written by 'churnwatch model train'.", Required = true };
        var csv = new Option<string>("--csv") { Description = "The table to score, with the columns the model was trained on.", Required = true };
        var id = new Option<string?>("--id") { Description = "A column copied to the scores to identify rows (default: the row number)." };
        var output = new Option<string>("--out") { Description = "The scores CSV to write.", Required = true };
        var command = new Command("score", "Write each row's probability and its top three drivers.") { model, csv, id, output };
        command.SetAction(parse => Run(() =>
        {
            var path = parse.GetValue(model)!;
            var trained = TableModelSerializer.Deserialize(File.Exists(path) ? File.ReadAllText(path) : throw new TableException($"{path}: no such model file."), Path.GetFileName(path));
            var table = AccountTableCsv.Read(parse.GetValue(csv)!);
            var x = trained.Encoding.Encode(table);
            var idColumn = parse.GetValue(id) is { } idName ? table.IndexOf(idName, "--id") : -1;
            var sources = trained.Encoding.Columns.Select(c => c.Source).Distinct(StringComparer.Ordinal)
                .ToDictionary(c => c, c => table.IndexOf(c, "the model"), StringComparer.Ordinal);
            var count = ScoresCsv.WriteFile(parse.GetValue(output)!, Enumerable.Range(0, x.Rows).Select(r =>
            {
                var contributions = trained.Classifier.Contributions(x.Row(r), out _);
                // A driver is a table column, not one of its 0/1 category columns: "plan=Starter" raising the score
                // and "plan≠Team" raising it again are one reason, so they are summed and named by the row's value.
                var drivers = trained.Encoding.Columns.Select((column, c) => (column.Source, Value: contributions[c]))
                    .GroupBy(d => d.Source, StringComparer.Ordinal)
                    .Select(g => (Name: DriverName(g.Key, table.Rows[r][sources[g.Key]]), Value: g.Sum(d => d.Value)))
                    .Where(d => d.Value > 0).OrderByDescending(d => d.Value).ThenBy(d => d.Name, StringComparer.Ordinal).Take(3)
                    .Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Name} (+{d.Value:0.000})")).ToList();
                return new ScoreRow(idColumn >= 0 ? table.Rows[r][idColumn] : (r + 1).ToString(CultureInfo.InvariantCulture), trained.Classifier.PredictProbability(x.Row(r)), drivers);
            }));
            AnsiConsole.MarkupLine(Markup.Escape($"{count} rows scored with the {trained.Classifier.Learner} model; written to {parse.GetValue(output)}."));
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>
    /// Hidden, for bench/accuracy.sh: the churn training set the pipeline builds from the store (one row per account x
    /// observation date, the documented features, the label), written as the CSV the other commands read.
    /// </summary>
    private static Command Observations()
    {
        var output = new Option<string>("--out") { Description = "The CSV to write.", Required = true };
        var command = new Command("observations", "Write the churn training set built from the store as a CSV (account_id, observation_date, features, churned).")
        {
            output,
        };
        command.Hidden = true;
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(async (services, ct) =>
        {
            await services.GetRequiredService<StoreDatabase>().MigrateAsync(ct).ConfigureAwait(false);
            var history = await services.GetRequiredService<HistoryStore>().LoadAsync(ct).ConfigureAwait(false);
            var options = services.GetRequiredService<IOptions<ModelingOptions>>().Value;
            var path = parse.GetValue(output)!;
            var table = ChurnObservationTable.Build(CompanyTimeline.Build(history), options, Path.GetFileName(path));
            AccountTableCsv.Write(path, table);
            var positives = table.Rows.Count(r => r[^1] == "1");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{table.Rows.Count} observations of {table.Rows.Select(r => r[0]).Distinct(StringComparer.Ordinal).Count()} accounts, {table.Columns.Count - 3} features, {positives} churned; written to {path}"));
            return ExitCodes.Ok;
        }, null, cancellationToken));
        return command;
    }

    /// <summary>The column with the row's own value, so the reason reads on its own: "plan=Starter", "nps=(missing)".</summary>
    private static string DriverName(string column, string cell) => $"{column}={(cell.Length == 0 ? "(missing)" : cell)}";

    private static (AccountTable Table, FeatureMatrix X, double[] Y, TableEncoding Encoding) Load(
        string csv, string label, string positive, string? id, IReadOnlyList<(string Column, string Option)> excluded)
    {
        var table = AccountTableCsv.Read(csv);
        var y = TableLabels.Read(table, label, positive);
        var names = new List<string> { label };
        foreach (var (column, option) in id is null ? excluded : [(id, "--id"), .. excluded])
        {
            table.IndexOf(column, option);
            names.Add(column);
        }

        var encoding = TableEncoding.Fit(table, names);
        return (table, encoding.Encode(table), y, encoding);
    }

    /// <summary>Each row's --group key, or null without --group.</summary>
    private static string[]? Groups(ParseResult parse, FoldOptions split, AccountTable table)
    {
        if (parse.GetValue(split.Group) is not { } group)
        {
            return null;
        }

        var column = table.IndexOf(group, "--group");
        return [.. table.Rows.Select(r => r[column])];
    }

    /// <summary>Each row's fold: from the fold file, grouped by the --group column, or stratified by row.</summary>
    private static int[] Folds(ParseResult parse, FoldOptions split, string[]? groups, double[] y, int folds, int seed)
    {
        if (parse.GetValue(split.FoldFile) is { } file)
        {
            return FoldFile.Read(file, y.Length);
        }

        if (folds is < 2 or > 20)
        {
            throw new TableException($"--folds: {folds} is out of range; expected 2 to 20.");
        }

        var positives = y.Count(v => v > 0.5);
        if (positives < folds || y.Length - positives < folds)
        {
            throw new TableException($"--folds {folds}: every fold needs both classes, but the table has {positives} positive and {y.Length - positives} negative rows.");
        }

        if (groups is null)
        {
            return CrossValidation.StratifiedFolds(y, folds, seed);
        }

        var distinct = groups.Distinct(StringComparer.Ordinal).Count();
        return distinct < folds
            ? throw new TableException($"--group {parse.GetValue(split.Group)}: {distinct} distinct values cannot fill {folds} folds.")
            : StratifiedGroupKFold.Split(y, groups, folds, seed);
    }

    private static IReadOnlyList<LearnerEvaluation> CrossValidate(FeatureMatrix x, double[] y, int[] fold, string[]? groups, int seed, TimeProvider time)
    {
        for (var k = 0; k <= fold.Max(); k++)
        {
            var positives = y.Where((_, r) => fold[r] != k).Count(v => v > 0.5);
            var training = y.Length - fold.Count(f => f == k);
            if (positives == 0 || positives == training)
            {
                throw new TableException($"Fold {k}: the rows outside it hold only one class, so no learner can be trained without it.");
            }
        }

        return CrossValidation.Evaluate(x, y, Learners(), fold, seed, time, groups);
    }

    private static void Print(IReadOnlyList<LearnerEvaluation> evaluations)
    {
        foreach (var e in evaluations)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{e.Learner}: AUC {e.Auc:0.0000}, log loss {e.LogLoss:0.0000}, Brier {e.Brier:0.0000}, fit {e.FitSeconds:0.00} s ({e.Folds}-fold)"));
        }

        Console.WriteLine($"chosen: {CrossValidation.Best(evaluations).Learner}");
    }

    private static Task<int> Run(Func<int> work)
    {
        try
        {
            return Task.FromResult(work());
        }
        catch (TableException e)
        {
            return Task.FromResult(CommandHost.Fail(ExitCodes.BadSourceData, e.Message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(CommandHost.Fail(ExitCodes.Failed, $"Failed: {e.Message}"));
        }
    }
}
