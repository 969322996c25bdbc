using System.CommandLine;
using System.Globalization;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Modeling.Tables;
using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.TableModels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;
using TableColumn = ChurnWatch.Analytics.Modeling.Tables.TableColumn;

namespace ChurnWatch.Worker.Cli;

/// <summary>
/// <c>churnwatch model evaluate | train | score</c>: the pipeline's ML.NET learners (L-BFGS logistic regression and
/// LightGBM) on any CSV of one row per account, as ML.NET's CLI does for its own. Text columns are one-hot encoded,
/// empty cells are missing, numbers are invariant culture.
/// </summary>
internal static class ModelCommand
{
    public static Command Create(TimeProvider time)
    {
        var command = new Command("model", "Evaluate, train and apply ChurnWatch's ML.NET learners on a CSV of one row per account, or show a trained churn or renewal model.");
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
        var command = new Command("evaluate", "ML.NET k-fold cross-validation of each learner: AUC, log loss, Brier and fit seconds, then the chosen learner.")
        {
            csv, label, positive, folds, id, seed, split.Group, split.Ignore, split.FoldFile,
        };
        command.SetAction(parse => Run(() =>
        {
            var (table, columns, y) = Load(parse.GetValue(csv)!, parse.GetValue(label)!, parse.GetValue(positive)!, parse.GetValue(id), split.Excluded(parse));
            var evaluation = TableModelTrainer.CrossValidate(table, columns, y, Folds(parse, split, table, y, parse.GetValue(folds)), parse.GetValue(seed), time);
            Print(evaluation);
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
            var (table, columns, y) = Load(parse.GetValue(csv)!, parse.GetValue(label)!, parse.GetValue(positive)!, parse.GetValue(id), split.Excluded(parse));
            var evaluation = TableModelTrainer.CrossValidate(table, columns, y, Folds(parse, split, table, y, parse.GetValue(folds)), parse.GetValue(seed), time);
            Print(evaluation);
            var model = TableModelTrainer.Train(evaluation, parse.GetValue(label)!, parse.GetValue(positive)!, parse.GetValue(seed));
            PrintImportance(model);
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
            var idColumn = parse.GetValue(id) is { } idName ? table.IndexOf(idName, "--id") : -1;
            var sources = trained.Columns.Select(c => table.IndexOf(c.Name, "the model")).ToArray();
            var scores = trained.Score(table, explain: true);
            var count = ScoresCsv.WriteFile(parse.GetValue(output)!, Enumerable.Range(0, table.Rows.Count).Select(r =>
            {
                // A driver is a table column: its contributions come summed over its one-hot slots (and missing slot),
                // so "plan=Starter" is one reason, named by the row's own value.
                var contributions = scores.Contributions![r];
                var drivers = trained.Columns.Select((column, c) => (Name: DriverName(column.Name, table.Rows[r][sources[c]]), Value: contributions[c]))
                    .Where(d => d.Value > 0).OrderByDescending(d => d.Value).ThenBy(d => d.Name, StringComparer.Ordinal).Take(3)
                    .Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Name} (+{d.Value:0.000})")).ToList();
                return new ScoreRow(idColumn >= 0 ? table.Rows[r][idColumn] : (r + 1).ToString(CultureInfo.InvariantCulture), scores.Probabilities[r], drivers);
            }));
            AnsiConsole.MarkupLine(Markup.Escape($"{count} rows scored with the {trained.Learner} model; written to {parse.GetValue(output)}."));
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>
    /// Hidden, for bench/accuracy.sh: the churn training set the pipeline builds from the store (one row per account x
    /// observation date, the documented predictors, the label), written as the CSV the other commands read.
    /// </summary>
    private static Command Observations()
    {
        var output = new Option<string>("--out") { Description = "The CSV to write.", Required = true };
        var command = new Command("observations", "Write the churn training set built from the store as a CSV (account_id, observation_date, predictors, churned).")
        {
            output,
        };
        command.Hidden = true;
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(async (services, ct) =>
        {
            await services.GetRequiredService<StoreDatabase>().MigrateAsync(ct).ConfigureAwait(false);
            // A batch of accounts at a time (Store:AccountsPerBatch): rows are built and written batch by batch.
            var company = await CompanyBatches.OpenAsync(services.GetRequiredService<HistoryStore>(), services.GetRequiredService<IOptions<StoreOptions>>().Value.AccountsPerBatch, ct).ConfigureAwait(false);
            var options = services.GetRequiredService<IOptions<ModelingOptions>>().Value;
            var path = parse.GetValue(output)!;
            var columns = ChurnObservationTable.Columns(company.LedgerTimeline, options);
            int rows = 0, positives = 0;
            var accounts = new HashSet<string>(StringComparer.Ordinal);
            AccountTableCsv.Write(path, columns, ChurnObservationTable.Rows(company.LedgerTimeline, company.Timelines(ct), options).Select(row =>
            {
                rows++;
                positives += row[^1] == "1" ? 1 : 0;
                accounts.Add(row[0]);
                return row;
            }));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{rows} observations of {accounts.Count} accounts, {columns.Count - 3} predictors, {positives} churned; written to {path}"));
            return ExitCodes.Ok;
        }, null, cancellationToken));
        return command;
    }

    /// <summary>The column with the row's own value, so the reason reads on its own: "plan=Starter", "nps=(missing)".</summary>
    private static string DriverName(string column, string cell) => $"{column}={(cell.Length == 0 ? "(missing)" : cell)}";

    private static (AccountTable Table, IReadOnlyList<TableColumn> Columns, double[] Y) Load(
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

        return (table, TableColumn.Fit(table, names), y);
    }

    /// <summary>The folds: from the fold file, or drawn by ML.NET (grouped by the --group column when given).</summary>
    private static TableFolds Folds(ParseResult parse, FoldOptions split, AccountTable table, double[] y, int folds)
    {
        string[]? groups = null;
        if (parse.GetValue(split.Group) is { } group)
        {
            var column = table.IndexOf(group, "--group");
            groups = [.. table.Rows.Select(r => r[column])];
        }

        if (parse.GetValue(split.FoldFile) is { } file)
        {
            var given = FoldFile.Read(file, y.Length);
            var count = given.Max() + 1;
            for (var k = 0; k < count; k++)
            {
                var positives = y.Where((_, r) => given[r] != k).Count(v => v > 0.5);
                var training = y.Length - given.Count(f => f == k);
                if (positives == 0 || positives == training)
                {
                    throw new TableException($"{Path.GetFileName(file)}: fold {k}: the rows outside it hold only one class, so no learner can be trained without it.");
                }
            }

            return new TableFolds(count, given, groups);
        }

        if (folds is < 2 or > 20)
        {
            throw new TableException($"--folds: {folds} is out of range; expected 2 to 20.");
        }

        var positive = y.Count(v => v > 0.5);
        if (positive < folds || y.Length - positive < folds)
        {
            throw new TableException($"--folds {folds}: every fold needs both classes, but the table has {positive} positive and {y.Length - positive} negative rows.");
        }

        var distinct = groups?.Distinct(StringComparer.Ordinal).Count();
        return distinct < folds
            ? throw new TableException($"--group {parse.GetValue(split.Group)}: {distinct} distinct values cannot fill {folds} folds.")
            : new TableFolds(folds, null, groups);
    }

    private static void Print(TableEvaluation evaluation)
    {
        foreach (var e in evaluation.Reports)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{e.Learner}: AUC {e.Auc:0.0000}, log loss {e.LogLoss:0.0000}, Brier {e.Brier:0.0000}, fit {e.FitSeconds:0.00} s ({e.Folds}-fold)"));
        }

        Console.WriteLine($"chosen: {evaluation.Best.Learner}");
    }

    /// <summary>ML.NET's permutation importance of the chosen model, most first.</summary>
    private static void PrintImportance(TableModel model)
    {
        Console.WriteLine($"permutation importance of {model.Learner} (AUC lost when the column is shuffled, on the folds' held-out rows):");
        foreach (var i in model.Importance.Take(10))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {i.Column}: {i.Importance:0.0000} ± {i.StandardDeviation:0.0000}"));
        }
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
