using ChurnWatch.Analytics.Modeling.MlNet;
using ChurnWatch.Analytics.Modeling.Tables;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace ChurnWatch.Analytics.Tests.Modeling.Tables;

public sealed class EarlyStoppedTreesTests
{
    /// <summary>
    /// 300 accounts, each observed on 8 dates with the same values and the same label, and labels that are pure noise:
    /// nothing generalises to a new account, but every row has near-copies in its own account.
    /// </summary>
    private static (TableData Data, double[] Labels, string[] Groups) CopiedAccounts()
    {
        var random = new Random(12);
        var accounts = Enumerable.Range(0, 300).Select(_ => (A: random.NextDouble(), B: random.NextDouble(), Y: random.NextDouble() < 0.3 ? 1.0 : 0.0)).ToArray();
        var rows = Enumerable.Range(0, 300 * 8).Select(r => r / 8).ToArray();
        var table = new AccountTable("t.csv", ["a", "b"], [.. rows.Select(a => new[]
        {
            accounts[a].A.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            accounts[a].B.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        })]);
        return (TableData.Read(table, TableColumn.Fit(table, [])), [.. rows.Select(a => accounts[a].Y)], [.. rows.Select(a => $"A{a}")]);
    }

    private static int Trees(TableData data, double[] labels, string[]? groups)
    {
        var ml = MlNetContext.Create(3);
        var preparation = PredictorPreparation.For(ml, data.Names, data.Levels, data.Missing, data.Present, new HashSet<string>(), forLinearModel: false);
        var settings = TableModelTrainer.TreeSettings();
        var model = (TransformerChain<BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>>>)
            new EarlyStoppedTrees(ml, preparation.Estimator, settings, 3).Fit(data.View(labels, groups));
        return model.LastTransformer.Model.SubModel.TrainedTreeEnsemble.Trees.Count;
    }

    [Fact]
    public void Fit_GroupedRows_EarlyStoppingHoldsOutWholeAccounts()
    {
        var (data, labels, groups) = CopiedAccounts();

        var byRow = Trees(data, labels, null);
        var byAccount = Trees(data, labels, groups);

        // Held-out rows whose account also trains keep rewarding memorised accounts, so the row hold-out keeps several
        // times more trees than the account hold-out, which sees noise and stops early.
        Assert.True(byRow > 3 * byAccount, $"by row {byRow} trees, by account {byAccount}");
    }
}
