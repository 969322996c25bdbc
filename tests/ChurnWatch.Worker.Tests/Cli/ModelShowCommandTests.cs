using System.CommandLine;
using System.Globalization;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Modeling.MlNet;
using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Worker.Cli;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Cli;

[Collection(ConsoleTests.Name)]
public sealed class ModelShowCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static BacktestReport Report(string learner, double auc) =>
        new(learner, "churn", new DateOnly(2025, 1, 6), new DateOnly(2025, 12, 29), new DateOnly(2026, 4, 6), new DateOnly(2026, 6, 29),
            5000, 1200, 0.05, auc, 0.15, 0.04, 3.5, []) { AveragePrecision = 0.2, CalibrationMethod = "platt", UncalibratedLogLoss = 0.16, CalibratedLogLoss = 0.15 };

    /// <summary>A model file as training writes it: two candidates, the linear one chosen, importance for both predictors.</summary>
    private string ModelFile()
    {
        var random = new Random(1);
        var values = Enumerable.Range(0, 400).Select(i => i % 2 == 0 ? random.NextDouble() - 0.5 : random.Next(30, 900)).ToArray();
        var labels = Enumerable.Range(0, 200).Select(r => values[r * 2] < -0.2 ? 1.0 : 0.0).ToArray();
        var classifier = MlNetLearners.Fit(MlNetLearners.LogisticRegression, new PredictorMatrix(["wau_change", "tenure_days"], values), labels, new int[200], new HashSet<string>(), new ModelingOptions());
        var chosen = Report(RiskModel.LogisticRegressionLearner, 0.8123);
        var model = new RiskModel(
            RiskModel.CurrentFormatVersion, ModelTarget.Churn, RiskModel.LogisticRegressionLearner, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
            new DateOnly(2025, 1, 6), new DateOnly(2026, 6, 29), 9000, 0.044, 90, 30, 365, new PredictorSettings([], []), [.. classifier.ColumnNames], classifier, chosen)
        {
            Candidates = [chosen, Report(RiskModel.LightGbmLearner, 0.7987)],
            Importance = [new PredictorImportance("wau_change", 0.91, 0.08, 0.01), new PredictorImportance("tenure_days", 0.12, 0.004, 0.002)],
        };
        var path = _folder.File("churn-abc.json");
        File.WriteAllText(path, RiskModelSerializer.Serialize(model));
        return path;
    }

    private static Task<(int ExitCode, string Output, string Error)> InvokeAsync(params string[] args) =>
        CommandRun.InvokeAsync(new RootCommand { ModelCommand.Create(TimeProvider.System) }, args);

    [Fact]
    public async Task Show_ModelFile_PrintsEachCandidateAndTheTopPredictors()
    {
        var (exitCode, output, _) = await InvokeAsync("model", "show", ModelFile(), "--top", "1");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("0.812", output, StringComparison.Ordinal);
        Assert.Contains("0.799", output, StringComparison.Ordinal);
        Assert.Contains("wau_change", output, StringComparison.Ordinal);
        Assert.Contains(0.91.ToString("0.000", CultureInfo.InvariantCulture), output, StringComparison.Ordinal);
        Assert.DoesNotContain("tenure_days", output, StringComparison.Ordinal); // --top 1
    }

    [Fact]
    public async Task Show_NotAModelFile_ExitsBadDataNamingTheFile()
    {
        var path = _folder.File("notes.json");
        await File.WriteAllTextAsync(path, "{\"hello\": 1}");

        var (exitCode, _, error) = await InvokeAsync("model", "show", path);

        Assert.Equal(ExitCodes.BadSourceData, exitCode);
        Assert.Contains(path, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_OlderFormatModelFile_ExitsBadDataSayingToRetrain()
    {
        var path = _folder.File("churn-old.json");
        await File.WriteAllTextAsync(path, "{\"format_version\": 2, \"target\": \"churn\", \"classifier\": {\"kind\": \"logistic_regression_l2\"}}");

        var (exitCode, _, error) = await InvokeAsync("model", "show", path);

        Assert.Equal(ExitCodes.BadSourceData, exitCode);
        Assert.Contains($"{path} is not a ChurnWatch churn or renewal model file: The model file is in an older format (version 2, from a ChurnWatch before ML.NET became its model engine); retrain to replace it: `churnwatch jobs trigger train`", error.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_TopBelowOne_ExitsBadArguments()
    {
        var (exitCode, _, error) = await InvokeAsync("model", "show", ModelFile(), "--top", "0");

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains("--top 0", error, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
