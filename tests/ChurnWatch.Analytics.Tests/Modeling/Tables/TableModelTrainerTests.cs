using System.Globalization;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Modeling.MlNet;
using ChurnWatch.Analytics.Modeling.Tables;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ChurnWatch.Analytics.Tests.Modeling.Tables;

public sealed class TableModelTrainerTests
{
    /// <summary>
    /// Churn rises with open tickets and on the Starter plan; the plan column also has 30 rare levels (one row each,
    /// 12 of them outside the 20 kept) and empty cells; nps is noise, missing on a fifth of rows.
    /// </summary>
    internal static (AccountTable Table, double[] Labels) Accounts(int rows = 800, int seed = 3)
    {
        var random = new Random(seed);
        var lines = new List<string[]>();
        for (var i = 0; i < rows; i++)
        {
            var plan = i < 30 ? $"legacy_{i:00}" : i % 11 == 0 ? string.Empty : i % 3 == 0 ? "Starter" : "Team";
            var tickets = random.Next(0, 6);
            var nps = random.NextDouble() < 0.2 ? string.Empty : random.Next(0, 11).ToString(CultureInfo.InvariantCulture);
            var logit = -2 + (0.6 * tickets) + (plan == "Starter" ? 1.2 : 0);
            var churned = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? "yes" : "no";
            lines.Add([$"A{i:0000}", plan, tickets.ToString(CultureInfo.InvariantCulture), nps, churned]);
        }

        var table = new AccountTable("accounts.csv", ["account_id", "plan", "tickets_open", "nps", "churned"], lines);
        return (table, TableLabels.Read(table, "churned", "yes"));
    }

    private static TableEvaluation Evaluate(AccountTable table, double[] labels, TableFolds folds, int seed = 42) =>
        TableModelTrainer.CrossValidate(table, TableColumn.Fit(table, ["account_id", "churned"]), labels, folds, seed, TimeProvider.System);

    [Fact]
    public void CrossValidate_InformativeColumns_BothLearnersBeatChance()
    {
        var (table, labels) = Accounts();

        var evaluation = Evaluate(table, labels, new TableFolds(5, null, null));

        Assert.Equal([MlNetLearners.LogisticRegression, MlNetLearners.LightGbm], evaluation.Reports.Select(r => r.Learner));
        Assert.All(evaluation.Reports, r => Assert.True(r.Auc > 0.75, $"{r.Learner}: AUC {r.Auc}"));
        Assert.All(evaluation.Reports, r => Assert.InRange(r.Brier, 0.1, 0.24));
    }

    [Fact]
    public void CrossValidate_GivenFolds_EachFoldHoldsOutExactlyItsRows()
    {
        var (table, labels) = Accounts(300);
        var given = Enumerable.Range(0, 300).Select(r => (r * 7) % 3).ToArray();

        var evaluation = Evaluate(table, labels, new TableFolds(3, given, null));

        foreach (var learner in MlNetLearners.All)
        {
            var heldOut = evaluation.FoldModels[learner].Select(f => Rows(f.HeldOut)).ToList();
            Assert.Equal(3, heldOut.Count);
            for (var k = 0; k < 3; k++)
            {
                Assert.Equal(Enumerable.Range(0, 300).Where(r => given[r] == k), heldOut[k]);
            }
        }
    }

    [Fact]
    public void CrossValidate_Grouped_EveryGroupInOneFold()
    {
        var (table, labels) = Accounts(400);
        var groups = Enumerable.Range(0, 400).Select(r => $"G{r / 8}").ToArray();

        var evaluation = Evaluate(table, labels, new TableFolds(5, null, groups));

        var foldOfGroup = new Dictionary<string, int>(StringComparer.Ordinal);
        var folds = evaluation.FoldModels[MlNetLearners.LogisticRegression];
        for (var k = 0; k < folds.Count; k++)
        {
            foreach (var row in Rows(folds[k].HeldOut))
            {
                Assert.Equal(k, foldOfGroup.TryAdd(groups[row], k) ? k : foldOfGroup[groups[row]]);
            }
        }

        Assert.Equal(50, foldOfGroup.Count);
    }

    [Fact]
    public void Train_SameTableAndSeed_SameBytes()
    {
        var (table, labels) = Accounts(400);
        var folds = new TableFolds(3, null, null);

        var first = TableModelSerializer.Serialize(TableModelTrainer.Train(Evaluate(table, labels, folds), "churned", "yes", 42));
        var second = TableModelSerializer.Serialize(TableModelTrainer.Train(Evaluate(table, labels, folds), "churned", "yes", 42));

        Assert.Equal(first, second);
        var read = TableModelSerializer.Deserialize(first, "model.json");
        Assert.Equal(first, TableModelSerializer.Serialize(read));
    }

    [Fact]
    public void Train_LevelsOutsideTheKeptOnes_ScoreAsOther()
    {
        var (table, labels) = Accounts();
        var model = TableModelTrainer.Train(Evaluate(table, labels, new TableFolds(3, null, null)), "churned", "yes", 42);

        // Team, Starter and legacy_00 to legacy_17 are kept (one row each: ties go by name); legacy_29, a level never
        // seen and an empty cell are the same all-zero one-hot vector.
        Assert.DoesNotContain("legacy_29", model.Columns[0].Levels!);
        var rows = new AccountTable("new.csv", table.Columns, [["X1", "legacy_29", "2", "5", "no"], ["X2", "Platinum", "2", "5", "no"], ["X3", "", "2", "5", "no"], ["X4", "Starter", "2", "5", "no"]]);
        var p = model.Score(rows, explain: false).Probabilities;

        Assert.Equal(p[0], p[1]);
        Assert.Equal(p[0], p[2]);
        Assert.NotEqual(p[0], p[3]);
    }

    [Theory]
    [InlineData(MlNetLearners.LogisticRegression)]
    [InlineData(MlNetLearners.LightGbm)]
    public void Score_ContributionsPerColumn_AddUpToTheLogit(string learner)
    {
        var (table, labels) = Accounts();
        var evaluation = Evaluate(table, labels, new TableFolds(3, null, null));
        var forced = new TableEvaluation(evaluation.Data, evaluation.Labels, evaluation.Folds,
            [.. evaluation.Reports.Select(r => r with { LogLoss = r.Learner == learner ? 0 : 1 })], evaluation.FoldModels);
        var model = TableModelTrainer.Train(forced, "churned", "yes", 42);

        var scores = model.Score(table, explain: true);

        Assert.Equal(learner, model.Learner);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            Assert.Equal(3, scores.Contributions![r].Length);
            var logit = scores.Bias + scores.Contributions[r].Sum();
            Assert.Equal(scores.Logits[r], logit, 1e-4 * Math.Max(1, Math.Abs(logit)));
        }
    }

    [Fact]
    public void Train_PermutationImportance_TheCauseFirst_NoiseNearZero()
    {
        var (table, labels) = Accounts();

        var model = TableModelTrainer.Train(Evaluate(table, labels, new TableFolds(3, null, null)), "churned", "yes", 42);

        Assert.Equal("tickets_open", model.Importance[0].Column);
        Assert.True(model.Importance[0].Importance > 0.1, $"{model.Importance[0]}");
        Assert.InRange(model.Importance.Single(i => i.Column == "nps").Importance, -0.02, 0.02);
    }

    [Fact]
    public void Train_SavedZip_LoadsInPlainMlNetAndScoresRawRows()
    {
        var (table, labels) = Accounts(400);
        var model = TableModelTrainer.Train(Evaluate(table, labels, new TableFolds(3, null, null)), "churned", "yes", 42);

        // What the README shows a .NET developer: load the zip, hand it the table's columns (numbers as float, NaN
        // for empty; text as text), read Probability.
        var ml = new MLContext();
        using var zip = new MemoryStream(model.Classifier.MlNetModel);
        var loaded = ml.Model.Load(zip, out var inputSchema);
        var data = TableData.Read(table, model.Columns);
        var output = loaded.Transform(data.View());
        var probabilities = output.GetColumn<float>("Probability").ToArray();

        Assert.Equal(["plan", "tickets_open", "nps"], inputSchema.Select(c => c.Name));
        Assert.Equal(TextDataViewType.Instance, inputSchema["plan"].Type);
        Assert.Equal(model.Score(table, explain: false).Probabilities.Select(p => (float)p), probabilities);
    }

    private static List<int> Rows(IDataView scored) =>
        [.. scored.GetColumn<int>(TableDataView.RowColumn)];
}
