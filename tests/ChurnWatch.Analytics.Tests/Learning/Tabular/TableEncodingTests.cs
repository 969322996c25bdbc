using ChurnWatch.Analytics.Learning.Tabular;

namespace ChurnWatch.Analytics.Tests.Learning.Tabular;

public sealed class TableEncodingTests
{
    private static readonly AccountTable Table = new("t.csv", ["id", "plan", "seats", "churned"],
    [
        ["A1", "Team", "10", "yes"],
        ["A2", "Starter", "", "no"],
        ["A3", "", "3.5", "no"],
        ["A4", "Team", "7", "yes"],
    ]);

    [Fact]
    public void Fit_NumbersStayNumeric_TextBecomesOneColumnPerLevel()
    {
        var encoding = TableEncoding.Fit(Table, ["id", "churned"]);

        Assert.Equal(["plan=Team", "plan=(empty)", "plan=Starter", "seats"], encoding.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Encode_EmptyNumberIsMissing_EmptyTextIsItsOwnLevel()
    {
        var x = TableEncoding.Fit(Table, ["id", "churned"]).Encode(Table);

        Assert.Equal([0, 0, 1, 0], Enumerable.Range(0, 4).Select(r => x[r, 1]));
        Assert.True(double.IsNaN(x[1, 3]));
        Assert.Equal(3.5, x[2, 3]);
    }

    [Fact]
    public void Encode_ManyLevels_RareOnesShareOther()
    {
        var rows = Enumerable.Range(0, 30).Select(i => new[] { $"level{i % 25:00}", "1" }).ToList();
        var table = new AccountTable("t.csv", ["segment", "y"], rows);

        var encoding = TableEncoding.Fit(table, ["y"]);
        var x = encoding.Encode(new AccountTable("new.csv", ["segment", "y"], [["never-seen", "0"]]));

        Assert.Equal(TableEncoding.MaxCategories + 1, encoding.Columns.Count);
        Assert.Equal(1, x[0, encoding.Columns.Count - 1]);
    }

    [Fact]
    public void Encode_TextWhereTheModelHadNumbers_NamesRowAndColumn()
    {
        var encoding = TableEncoding.Fit(Table, ["id", "churned"]);
        var bad = new AccountTable("new.csv", Table.Columns, [["A9", "Team", "ten", "no"]]);

        var error = Assert.Throws<TableException>(() => encoding.Encode(bad));

        Assert.Contains("new.csv: row 2, column 'seats': 'ten'", error.Message, StringComparison.Ordinal);
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
