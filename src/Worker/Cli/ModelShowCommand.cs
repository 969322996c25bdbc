using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Modeling.Tables;
using ChurnWatch.Worker.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ChurnWatch.Worker.Cli;

/// <summary>
/// <c>churnwatch model show [FILE]</c>: what a churn or renewal model file says about itself: the learner the
/// backtest chose and every candidate's figures, the calibration, and the predictors the model leans on; or, for a model
/// of an account table (<c>churnwatch model train</c>), each learner's cross-validation and the permutation importance.
/// </summary>
internal static class ModelShowCommand
{
    /// <summary>Predictors listed by default: enough to see what drives the model, short enough to read.</summary>
    private const int DefaultTop = 15;

    /// <summary>Model files are named <c>&lt;target&gt;-&lt;id&gt;.json</c> by the training step.</summary>
    private static readonly string[] ModelFilePrefixes = ["churn-", "nonrenewal-"];

    public static Command Create()
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "A model file (data/models/<target>-<id>.json, or a table model written by 'churnwatch model train'). Default: the newest churn and renewal models in Store:DataFolder/models.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var top = new Option<int>("--top") { Description = "How many predictors of the global importance to list.", DefaultValueFactory = _ => DefaultTop };
        var command = new Command("show", "Print a trained churn or renewal model: learner, training window, each candidate's backtest, calibration and global predictor importance.")
        {
            file, top,
        };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(
            (services, _) =>
            {
                var count = parse.GetValue(top);
                if (count < 1)
                {
                    return Task.FromResult(CommandHost.Fail(ExitCodes.BadArguments, $"--top {count}: give a number of predictors of at least 1."));
                }

                var folder = Path.Combine(services.GetRequiredService<IOptions<StoreOptions>>().Value.DataFolder, "models");
                var paths = parse.GetValue(file) is { } given ? [given] : NewestModels(folder);
                if (paths.Length == 0)
                {
                    return Task.FromResult(CommandHost.Fail(ExitCodes.Failed, $"No model files in {folder}: run 'churnwatch demo' (or the training job) first, or give a model file."));
                }

                var models = new List<(string Path, object Model)>();
                foreach (var path in paths)
                {
                    if (Read(path, out var model) is { } error)
                    {
                        return Task.FromResult(CommandHost.Fail(ExitCodes.BadSourceData, error));
                    }

                    models.Add((path, model!));
                }

                // Console.Out as it is now (not the one Spectre captured at start-up), so output can be redirected.
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
                if (Console.IsOutputRedirected)
                {
                    console.Profile.Width = ChurnWatchCommandLine.RedirectedWidth;
                }
                foreach (var (path, model) in models)
                {
                    if (model is TableModel table)
                    {
                        Write(console, path, table, count);
                    }
                    else
                    {
                        Write(console, path, (RiskModel)model, count);
                    }
                }

                return Task.FromResult(ExitCodes.Ok);
            },
            null,
            cancellationToken));
        return command;
    }

    private static string[] NewestModels(string folder)
    {
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json") : [];
        return [.. ModelFilePrefixes
            .Select(prefix => files.Where(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal)).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault())
            .OfType<string>()];
    }

    /// <summary>Reads the model file (a churn or renewal model, or a table model); returns the error to print, or null.</summary>
    private static string? Read(string path, out object? model)
    {
        model = null;
        try
        {
            var json = File.ReadAllText(path);
            model = TableModelSerializer.IsTableModel(json) ? TableModelSerializer.Deserialize(json, path) : RiskModelSerializer.Deserialize(json);
            return null;
        }
        catch (TableException e)
        {
            return e.Message;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{path}: cannot read the model file ({e.Message}).";
        }
        catch (JsonException e)
        {
            return $"{path} is not a ChurnWatch churn or renewal model file: {e.Message}";
        }
    }

    /// <summary>A model of an account table (<c>churnwatch model train</c>): what it predicts, each learner's cross-validation, importance.</summary>
    private static void Write(IAnsiConsole console, string path, TableModel model, int top)
    {
        string F(double value, string format) => double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);
        var text = model.Columns.Count(c => c.IsText);
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{path}: table model predicting {model.Label} = {model.Positive}, {model.Learner}, reads {model.Columns.Count} columns ({model.Columns.Count - text} numeric, {text} text), ChurnWatch {model.ChurnWatchVersion}")));
        var candidates = new Spectre.Console.Table().Title("Cross-validation of each learner (pooled out-of-fold predictions)")
            .AddColumns("Learner", "Folds", "AUC", "Log loss", "Brier", "Chosen");
        foreach (var c in model.CrossValidation)
        {
            candidates.AddRow(Markup.Escape(c.Learner), c.Folds.ToString(CultureInfo.InvariantCulture), F(c.Auc, "0.0000"), F(c.LogLoss, "0.0000"), F(c.Brier, "0.0000"), c.Learner == model.Learner ? "yes" : string.Empty);
        }

        console.Write(candidates);
        var importance = new Spectre.Console.Table().Title("Permutation importance (the folds' models on their held-out rows)")
            .AddColumns("Column", "AUC lost when shuffled");
        foreach (var i in model.Importance.Take(top))
        {
            importance.AddRow(Markup.Escape(i.Column), $"{F(i.Importance, "0.0000")} ± {F(i.StandardDeviation, "0.0000")}");
        }

        console.Write(importance);
    }

    private static void Write(IAnsiConsole console, string path, RiskModel model, int top)
    {
        string F(double value, string format) => double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{path}: {model.Target} model, {model.Learner}, trained on {model.TrainRows:N0} rows observed {model.TrainFrom:yyyy-MM-dd} to {model.TrainTo:yyyy-MM-dd} (base rate {model.TrainBaseRate:P1}), data as of {model.DataAsOf:yyyy-MM-dd HH:mm} UTC, ChurnWatch {model.ChurnWatchVersion}")));

        var candidates = new Table().Title("Backtest of each learner (same time split)")
            .AddColumns("Learner", "AUC", "PR-AUC", "Log loss", "Brier", "Top-decile lift", "Calibration", "Chosen");
        foreach (var c in model.Candidates)
        {
            candidates.AddRow(
                Markup.Escape(c.Learner), F(c.Auc, "0.000"), F(c.AveragePrecision, "0.000"), F(c.LogLoss, "0.0000"), F(c.Brier, "0.0000"), F(c.TopDecileLift, "0.0") + "x",
                Markup.Escape(c.CalibrationMethod is null ? "-" : $"{c.CalibrationMethod} ({F(c.UncalibratedLogLoss ?? double.NaN, "0.0000")} -> {F(c.CalibratedLogLoss ?? double.NaN, "0.0000")})"),
                c.Learner == model.Learner ? "yes" : string.Empty);
        }

        if (model.Backtest is { } b)
        {
            candidates.Caption(Markup.Escape($"trained to {b.TrainTo:yyyy-MM-dd}, tested on {b.TestRows:N0} rows observed {b.TestFrom:yyyy-MM-dd} to {b.TestTo:yyyy-MM-dd}: the lowest log loss after calibration is chosen"));
        }

        console.Write(candidates);
        if (model.Importance.Count == 0)
        {
            console.MarkupLine("No global importance: the history was too short for a backtest to measure it on.");
            return;
        }

        var importance = new Table().Title("Global importance on the backtest's test period")
            .AddColumns("Predictor", "Mean |contribution| (logit)", "AUC lost when shuffled");
        foreach (var i in model.Importance.Take(top))
        {
            importance.AddRow(Markup.Escape(i.Predictor), F(i.MeanAbsoluteContribution, "0.000"), $"{F(i.PermutationAucDrop, "0.0000")} ± {F(i.PermutationAucDropSpread, "0.0000")}");
        }

        console.Write(importance);
    }
}
