using ChurnWatch.Analytics.Modeling.Tables;

namespace ChurnWatch.Analytics.Tests.Modeling.Tables;

public sealed class TableColumnTests
{
    internal static readonly AccountTable Table = new("t.csv", ["id", "plan", "seats", "churned"],
    [
        ["A1", "Team", "10", "yes"],
        ["A2", "Starter", "", "no"],
        ["A3", "", "3.5", "no"],
        ["A4", "Team", "7", "yes"],
    ]);

    [Fact]
    public void Fit_NumbersStayNumeric_TextKeepsItsLevelsMostFrequentFirst_EmptyIsNoLevel()
    {
        var columns = TableColumn.Fit(Table, ["id", "churned"]);

        Assert.Equal(["plan", "seats"], columns.Select(c => c.Name));
        Assert.Equal(["Team", "Starter"], columns[0].Levels!);
        Assert.Null(columns[1].Levels);
    }

    [Fact]
    public void Fit_ManyLevels_KeepsTheTwentyMostFrequent()
    {
        // level00 to level04 appear twice, the other twenty once: those five and the first fifteen by name are kept.
        var rows = Enumerable.Range(0, 30).Select(i => new[] { $"level{i % 25:00}", "1" }).ToList();
        var table = new AccountTable("t.csv", ["segment", "y"], rows);

        var levels = TableColumn.Fit(table, ["y"])[0].Levels!;

        Assert.Equal(TableColumn.MaxLevels, levels.Count);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"level{i:00}"), levels);
    }

    [Fact]
    public void Fit_OnlyExcludedColumns_SaysSo()
    {
        var error = Assert.Throws<TableException>(() => TableColumn.Fit(Table, ["id", "plan", "seats", "churned"]));

        Assert.Contains("t.csv: no columns are left to learn from", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Score")]
    [InlineData("seats#log1p")]
    public void Fit_ColumnNamedLikeMlNetsOwn_SaysToRenameOrIgnoreIt(string name)
    {
        var table = new AccountTable("t.csv", [name, "y"], [["1", "0"]]);

        var error = Assert.Throws<TableException>(() => TableColumn.Fit(table, ["y"]));

        Assert.Contains($"t.csv: column '{name}' has a name the ML.NET model uses for its own columns", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("churned", "maybe", "must hold exactly two values")]
    [InlineData("plan", "Team", "row 4 has no value in the label column 'plan'")]
    [InlineData("nope", "yes", "not in the header")]
    public void Labels_NotTwoClasses_SaysWhy(string column, string positive, string expected)
    {
        var error = Assert.Throws<TableException>(() => TableLabels.Read(Table, column, positive));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_PositiveValue_IsOne()
    {
        Assert.Equal([1, 0, 0, 1], TableLabels.Read(Table, "churned", "yes"));
    }
}
