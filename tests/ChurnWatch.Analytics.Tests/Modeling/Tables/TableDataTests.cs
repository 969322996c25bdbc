using ChurnWatch.Analytics.Modeling.Tables;

namespace ChurnWatch.Analytics.Tests.Modeling.Tables;

public sealed class TableDataTests
{
    [Fact]
    public void Read_EmptyNumberIsMissing_TextAsItIs()
    {
        var columns = TableColumn.Fit(TableColumnTests.Table, ["id", "churned"]);

        var data = TableData.Read(TableColumnTests.Table, columns);

        Assert.Equal(["Team", "Starter", "", "Team"], data.Texts[0]!);
        Assert.True(float.IsNaN(data.Numbers[1]![1]));
        Assert.Equal(3.5f, data.Numbers[1]![2]);
        Assert.Equal([false, true], data.Missing);
    }

    [Fact]
    public void Read_TextWhereTheModelHasNumbers_NamesRowAndColumn()
    {
        var columns = TableColumn.Fit(TableColumnTests.Table, ["id", "churned"]);
        var bad = new AccountTable("new.csv", TableColumnTests.Table.Columns, [["A9", "Team", "ten", "no"]]);

        var error = Assert.Throws<TableException>(() => TableData.Read(bad, columns));

        Assert.Contains("new.csv: row 2, column 'seats': 'ten' is not a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ModelColumnMissingFromTheTable_NamesIt()
    {
        var columns = TableColumn.Fit(TableColumnTests.Table, ["id", "churned"]);
        var other = new AccountTable("new.csv", ["id", "plan"], [["A9", "Team"]]);

        var error = Assert.Throws<TableException>(() => TableData.Read(other, columns));

        Assert.Contains("new.csv: the model names column 'seats', which is not in the header (id, plan)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Skewed_CountsAreLogged_SymmetricValuesAndNegativesAreNot()
    {
        var rows = Enumerable.Range(0, 100).Select(i => new[]
        {
            (i < 90 ? i % 3 : 100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
            (i % 10).ToString(System.Globalization.CultureInfo.InvariantCulture),
            (i < 90 ? -(i % 3) : 100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
        var table = new AccountTable("t.csv", ["events", "score", "balance"], rows);

        var data = TableData.Read(table, TableColumn.Fit(table, []));

        Assert.Equal(["events"], data.Skewed());
    }
}
