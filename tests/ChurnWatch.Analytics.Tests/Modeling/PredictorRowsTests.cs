using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Modeling.MlNet;
using ChurnWatch.Analytics.Tests.Modeling.MlNet;

namespace ChurnWatch.Analytics.Tests.Modeling;

/// <summary>
/// A training's predictors kept in a temporary file and streamed to ML.NET: every row must read back as written, and a
/// model fitted from the file must be the model fitted from the same rows in memory.
/// </summary>
public sealed class PredictorRowsTests
{
    [Fact]
    public void Append_InUnevenBatches_ReadsBackEveryRowInAnyOrder()
    {
        // 300 predictors: a reader's 1 MiB buffer holds 873 rows, so 2,500 rows cross several buffers.
        const int width = 300, rows = 2_500;
        var random = new Random(5);
        var values = new double[rows * width];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = random.NextDouble() < 0.1 ? double.NaN : (random.NextDouble() - 0.5) * 1e6;
        }

        using var file = new PredictorRows([.. Enumerable.Range(0, width).Select(c => $"f{c}")]);
        var at = 0;
        foreach (var batch in new[] { 1, 700, 1_799 })
        {
            file.Append(values.AsSpan(at * width, batch * width));
            at += batch;
        }

        var expected = values.Select(v => (float)v).ToArray();
        Assert.Equal(rows, file.Count);
        Assert.Equal(expected, file.ReadAll());
        var reader = file.OpenReader();
        var row = new float[width];
        foreach (var r in Enumerable.Range(0, rows).OrderBy(_ => random.Next()).Take(400))
        {
            reader.Read(r, row);
            Assert.Equal(expected.AsSpan(r * width, width).ToArray(), row);
            Assert.Equal(row, file.Row(r));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => reader.Read(rows, row));
        Assert.Throws<ArgumentException>(() => file.Append(new double[width + 1]));
    }

    [Fact]
    public void Dispose_DeletesTheFile()
    {
        var file = new PredictorRows(["a", "b"]);
        file.Append([1, 2, 3, 4]);
        Assert.True(File.Exists(file.Path));

        file.Dispose();

        Assert.False(File.Exists(file.Path));
    }

    [Theory]
    [InlineData(MlNetLearners.LogisticRegression)]
    [InlineData(MlNetLearners.LightGbm)]
    public void Fit_StreamedFromTheFile_IsTheModelFittedOnTheSameRowsInMemory(string learner)
    {
        var (x, labels) = MlNetClassifierTests.Data(1_200, seed: 11);
        using var file = new PredictorRows(x.ColumnNames);
        for (var r = 0; r < x.Rows; r++)
        {
            file.Append(x.Row(r));
        }

        // Every row but each seventh, weighted as a sample would be; days order the rows for early stopping.
        int[] picked = [.. Enumerable.Range(0, x.Rows).Where(r => r % 7 != 0)];
        var y = picked.Select(r => labels[r]).ToArray();
        var weights = picked.Select(r => labels[r] > 0.5 ? 1.0 : 2.5).ToArray();
        var days = picked.Select(r => r / 20).ToArray();
        var options = new ModelingOptions();
        options.Trees.Trees = 40;
        options.Trees.EarlyStoppingRounds = 5;
        var countLike = new HashSet<string>(["events"], StringComparer.Ordinal);

        var inMemory = MlNetLearners.Fit(learner, x.SelectRows(picked), y, days, countLike, options, weights);
        var streamed = MlNetLearners.Fit(learner, new PredictorTable(file, picked, y, weights), days, countLike, options);

        Assert.Equal(inMemory.MlNetModel, streamed.MlNetModel);
        Assert.Equal(inMemory.SlotPredictors, streamed.SlotPredictors);
        Assert.Equal(inMemory.TreeCovers is null, streamed.TreeCovers is null);
        if (inMemory.TreeCovers is not null)
        {
            Assert.Equal(inMemory.TreeCovers, streamed.TreeCovers!);
            // Covers count each training row once per tree: the root of every tree saw all of them.
            Assert.All(streamed.TreeCovers!, cover => Assert.Equal(picked.Length, cover[0]));
        }
    }
}
