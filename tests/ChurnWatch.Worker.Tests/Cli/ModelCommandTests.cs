using System.CommandLine;
using System.Globalization;
using ChurnWatch.Analytics.Modeling.Tables;
using ChurnWatch.Worker.Cli;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Cli;

[Collection(ConsoleTests.Name)]
public sealed class ModelCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <summary>A table where churn rises with open tickets and is higher on the Starter plan, with some empty cells.</summary>
    private string Table(int rows = 600)
    {
        var random = new Random(3);
        var lines = new List<string> { "account_id,plan,tickets_open,nps,churned" };
        for (var i = 0; i < rows; i++)
        {
            var plan = i % 3 == 0 ? "Starter" : "Team";
            var tickets = random.Next(0, 6);
            var nps = random.NextDouble() < 0.2 ? string.Empty : random.Next(0, 11).ToString(CultureInfo.InvariantCulture);
            var logit = -2 + (0.6 * tickets) + (plan == "Starter" ? 0.8 : 0);
            var churned = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? "yes" : "no";
            lines.Add($"A{i:0000},{plan},{tickets},{nps},{churned}");
        }

        var path = _folder.File("accounts.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static Task<(int ExitCode, string Output, string Error)> InvokeAsync(params string[] args) =>
        CommandRun.InvokeAsync(new RootCommand { ModelCommand.Create(TimeProvider.System) }, args);

    [Fact]
    public async Task Evaluate_PrintsOneLinePerLearnerAndTheChoice()
    {
        var (exitCode, output, _) = await InvokeAsync("model", "evaluate", "--csv", Table(), "--label", "churned", "--positive", "yes", "--id", "account_id");

        Assert.Equal(ExitCodes.Ok, exitCode);
        var auc = double.Parse(output.Split("AUC ")[1].Split(',')[0], CultureInfo.InvariantCulture);
        Assert.True(auc > 0.7, output);
        Assert.Contains("chosen: lbfgs_logistic_regression", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainThenScore_WritesAProbabilityAndDriversPerRow_Deterministically()
    {
        var table = Table();
        var (model, again, scores) = (_folder.File("model.json"), _folder.File("again.json"), _folder.File("scores.csv"));

        Assert.Equal(ExitCodes.Ok, (await InvokeAsync("model", "train", "--csv", table, "--label", "churned", "--positive", "yes", "--id", "account_id", "--out", model)).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await InvokeAsync("model", "train", "--csv", table, "--label", "churned", "--positive", "yes", "--id", "account_id", "--out", again)).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await InvokeAsync("model", "score", "--model", model, "--csv", table, "--id", "account_id", "--out", scores)).ExitCode);

        Assert.Equal(await File.ReadAllTextAsync(model), await File.ReadAllTextAsync(again));
        var lines = await File.ReadAllLinesAsync(scores);
        Assert.Equal(601, lines.Length);
        Assert.Equal("id,probability,driver_1,driver_2,driver_3", lines[0]);
        var stored = TableModelSerializer.Deserialize(await File.ReadAllTextAsync(model), "model.json");
        Assert.Equal("churned", stored.Label);
        Assert.Equal(["lbfgs_logistic_regression", "lightgbm"], stored.CrossValidation.Select(c => c.Learner));
        Assert.Equal("tickets_open", stored.Importance[0].Column);
        // accounts with more open tickets score higher on average: the model learned the cause
        var byTickets = File.ReadAllLines(table).Skip(1).Zip(lines.Skip(1))
            .GroupBy(p => int.Parse(p.First.Split(',')[2], CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Average(p => double.Parse(p.Second.Split(',')[1], CultureInfo.InvariantCulture)));
        Assert.True(byTickets[5] > byTickets[0] + 0.3, string.Join(", ", byTickets));
    }

    [Fact]
    public async Task Train_InteractionOnlyTreesCanLearn_ChoosesTreesAndScoresWithThem()
    {
        // churn when usage is low on a big contract or high on a small one: no single column separates the classes
        var random = new Random(8);
        var lines = new List<string> { "account_id,usage,seats,churned" };
        for (var i = 0; i < 1500; i++)
        {
            var (usage, seats) = (random.NextDouble(), random.NextDouble());
            var interaction = (usage < 0.5) ^ (seats < 0.5);
            var churned = random.NextDouble() < (interaction ? 0.85 : 0.1) ? "1" : "0";
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"A{i},{usage:0.000},{seats:0.000},{churned}"));
        }

        var table = _folder.File("xor.csv");
        await File.WriteAllLinesAsync(table, lines);
        var (model, scores) = (_folder.File("trees.json"), _folder.File("trees-scores.csv"));

        var (exitCode, output, _) = await InvokeAsync("model", "train", "--csv", table, "--label", "churned", "--positive", "1", "--id", "account_id", "--out", model);
        Assert.Equal(ExitCodes.Ok, (await InvokeAsync("model", "score", "--model", model, "--csv", table, "--id", "account_id", "--out", scores)).ExitCode);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("chosen: lightgbm", output, StringComparison.Ordinal);
        Assert.Equal("lightgbm", TableModelSerializer.Deserialize(await File.ReadAllTextAsync(model), "trees.json").Classifier.Learner);
        var scored = (await File.ReadAllLinesAsync(scores)).Skip(1).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToList();
        var risky = lines.Skip(1).Select(l => l.Split(',')).Select(c => (double.Parse(c[1], CultureInfo.InvariantCulture) < 0.5) ^ (double.Parse(c[2], CultureInfo.InvariantCulture) < 0.5)).ToList();
        Assert.True(scored.Where((_, i) => risky[i]).Average() > scored.Where((_, i) => !risky[i]).Average() + 0.5);
    }

    [Theory]
    [InlineData("account_id,churned\nA1,yes\nA2,no,extra\n", "line 3 has 3 cells but the header has 2")]
    [InlineData("", "the file is empty")]
    [InlineData("account_id,churned\n", "no rows")]
    [InlineData("account_id,churned\nA1,yes\nA2,maybe\nA3,no\n", "exactly two values")]
    public async Task Evaluate_BadTable_OneClearErrorAndExitCode4(string content, string expected)
    {
        var path = _folder.File("bad.csv");
        await File.WriteAllTextAsync(path, content);

        var (exitCode, _, error) = await InvokeAsync("model", "evaluate", "--csv", path, "--label", "churned", "--positive", "yes");

        Assert.Equal(ExitCodes.BadSourceData, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("bad.csv", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_MissingLabelColumn_NamesTheColumns()
    {
        var (exitCode, _, error) = await InvokeAsync("model", "evaluate", "--csv", Table(), "--label", "cancelled", "--positive", "yes");

        Assert.Equal(ExitCodes.BadSourceData, exitCode);
        Assert.Contains("'cancelled', which is not in the header (account_id, plan, tickets_open, nps, churned)", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// 150 accounts observed on 12 dates each: a numeric account code, a date, and a label that is the account's
    /// coin flip, so nothing carries over to an account the model has not seen.
    /// </summary>
    private string AccountsOnManyDates()
    {
        var random = new Random(21);
        var lines = new List<string> { "account_id,account_code,observation_date,churned" };
        for (var a = 0; a < 150; a++)
        {
            var churned = random.NextDouble() < 0.4 ? 1 : 0;
            for (var d = 0; d < 12; d++)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"A{a:000},{(a * 7919) % 1000},2026-{1 + (d % 12):00}-01,{churned}"));
            }
        }

        var path = _folder.File("observations.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static double Auc(string output, string learner) =>
        double.Parse(output.Split(learner + ": AUC ")[1].Split(',')[0], CultureInfo.InvariantCulture);

    [Fact]
    public async Task Evaluate_AccountsOnManyDates_GroupedFoldsGiveNoCreditForRecognisingAnAccount()
    {
        var table = AccountsOnManyDates();

        var (byRowExit, byRow, _) = await InvokeAsync("model", "evaluate", "--csv", table, "--label", "churned", "--positive", "1", "--id", "account_id", "--ignore", "observation_date");
        var (byAccountExit, byAccount, _) = await InvokeAsync("model", "evaluate", "--csv", table, "--label", "churned", "--positive", "1", "--group", "account_id", "--ignore", "observation_date");

        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok), (byRowExit, byAccountExit));
        // Row folds put an account's other dates in training: the trees recognise its code and "predict" its label.
        Assert.True(Auc(byRow, "lightgbm") > 0.9, byRow);
        // Folds by account leave only the coin flips to learn, which nothing predicts.
        Assert.InRange(Auc(byAccount, "lightgbm"), 0.3, 0.7);
        Assert.InRange(Auc(byAccount, "lbfgs_logistic_regression"), 0.3, 0.7);
    }

    [Fact]
    public async Task Evaluate_FoldFile_ScoresOnTheGivenFolds()
    {
        var table = Table(rows: 90);
        var folds = _folder.File("folds.csv");
        await File.WriteAllLinesAsync(folds, ["fold", .. Enumerable.Range(0, 90).Select(r => (r % 3).ToString(CultureInfo.InvariantCulture))]);

        var (exitCode, output, _) = await InvokeAsync("model", "evaluate", "--csv", table, "--label", "churned", "--positive", "yes", "--id", "account_id", "--fold-file", folds);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("(3-fold)", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fold\n0\n1\n", "2 fold numbers for a table of 90 rows")]
    [InlineData("step\n0\n", "the fold file names column 'fold'")]
    public async Task Evaluate_BadFoldFile_OneClearError(string content, string expected)
    {
        var folds = _folder.File("folds.csv");
        await File.WriteAllTextAsync(folds, content);

        var (exitCode, _, error) = await InvokeAsync("model", "evaluate", "--csv", Table(rows: 90), "--label", "churned", "--positive", "yes", "--fold-file", folds);

        Assert.Equal(ExitCodes.BadSourceData, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_IgnoredColumnNotInTheTable_NamesTheOption()
    {
        var (exitCode, _, error) = await InvokeAsync("model", "evaluate", "--csv", Table(), "--label", "churned", "--positive", "yes", "--ignore", "signup_date");

        Assert.Equal(ExitCodes.BadSourceData, exitCode);
        Assert.Contains("--ignore names column 'signup_date', which is not in the header", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_Drivers_AreDistinctTableColumnsWithTheRowsOwnValues()
    {
        var table = Table();
        var (model, scores) = (_folder.File("drivers.json"), _folder.File("drivers.csv"));
        Assert.Equal(ExitCodes.Ok, (await InvokeAsync("model", "train", "--csv", table, "--label", "churned", "--positive", "yes", "--id", "account_id", "--out", model)).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await InvokeAsync("model", "score", "--model", model, "--csv", table, "--id", "account_id", "--out", scores)).ExitCode);

        var header = File.ReadLines(table).First().Split(',');
        var rows = File.ReadLines(table).Skip(1).Select(l => l.Split(',')).ToList();
        var scored = (await File.ReadAllLinesAsync(scores)).Skip(1).Select(l => l.Split(',')).ToList();
        for (var r = 0; r < rows.Count; r++)
        {
            var drivers = scored[r][2..].Where(d => d.Length > 0).Select(d => d[..d.IndexOf(" (+", StringComparison.Ordinal)].Split('=')).ToList();
            // One driver per table column (never plan=Starter and plan≠Team side by side), named with the row's value.
            Assert.Equal(drivers.Count, drivers.Select(d => d[0]).Distinct().Count());
            foreach (var driver in drivers)
            {
                var cell = rows[r][Array.IndexOf(header, driver[0])];
                Assert.Equal(cell.Length == 0 ? "(missing)" : cell, driver[1]);
            }
        }

        // The plan raises Starter accounts' scores: it is among their drivers.
        Assert.Contains(scored.Where((_, r) => rows[r][1] == "Starter"), s => s.Any(d => d.StartsWith("plan=Starter (+", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Train_PrintsThePermutationImportanceOfTheChosenModel()
    {
        var (exitCode, output, _) = await InvokeAsync("model", "train", "--csv", Table(), "--label", "churned", "--positive", "yes", "--id", "account_id", "--out", _folder.File("importance.json"));

        Assert.Equal(ExitCodes.Ok, exitCode);
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        var first = Array.FindIndex(lines, l => l.StartsWith("permutation importance of lbfgs_logistic_regression", StringComparison.Ordinal));
        Assert.True(first >= 0, output);
        Assert.StartsWith("  tickets_open: ", lines[first + 1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_ModelFromTheHandWrittenLearners_SaysToRetrain()
    {
        var old = _folder.File("old.json");
        await File.WriteAllTextAsync(old, "{\"format_version\": 1, \"label\": \"churned\"}");

        var (exitCode, _, error) = await InvokeAsync("model", "score", "--model", old, "--csv", Table(), "--out", _folder.File("old-scores.csv"));

        Assert.Equal(ExitCodes.BadSourceData, exitCode);
        Assert.Contains("old.json is not a ChurnWatch table model file: The model file is in an older format (version 1", error.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("`churnwatch model train` on the table", error.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_TableWithTextWhereTheModelHadNumbers_NamesRowAndColumn()
    {
        var model = _folder.File("text.json");
        Assert.Equal(ExitCodes.Ok, (await InvokeAsync("model", "train", "--csv", Table(), "--label", "churned", "--positive", "yes", "--id", "account_id", "--out", model)).ExitCode);
        var bad = _folder.File("bad-rows.csv");
        await File.WriteAllLinesAsync(bad, ["account_id,plan,tickets_open,nps", "B1,Team,2,7", "B2,Team,many,7"]);

        var (exitCode, _, error) = await InvokeAsync("model", "score", "--model", model, "--csv", bad, "--out", _folder.File("bad-scores.csv"));

        Assert.Equal(ExitCodes.BadSourceData, exitCode);
        Assert.Contains("bad-rows.csv: row 3, column 'tickets_open': 'many' is not a number", error.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_TableModel_PrintsEachLearnersCrossValidationAndTheImportance()
    {
        var model = _folder.File("show.json");
        var (_, trained, _) = await InvokeAsync("model", "train", "--csv", Table(), "--label", "churned", "--positive", "yes", "--id", "account_id", "--out", model);

        var (exitCode, output, _) = await InvokeAsync("model", "show", model, "--top", "1");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("table model predicting churned = yes, lbfgs_logistic_regression", output.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        // The figures train printed are the ones stored.
        var lightGbmAuc = trained.Split("lightgbm: AUC ")[1].Split(',')[0];
        Assert.Contains(lightGbmAuc, output, StringComparison.Ordinal);
        Assert.Contains("tickets_open", output, StringComparison.Ordinal);
        Assert.DoesNotContain("nps", output, StringComparison.Ordinal); // --top 1
    }

    public void Dispose() => _folder.Dispose();
}
