using ChurnWatch.Worker.Reports.Csv;

namespace ChurnWatch.Worker.Tests.Reports.Csv;

public sealed class CsvFormulaGuardTests
{
    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@x", "'@x")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    public void Protect_FormulaStart_GetsApostrophe(string value, string expected)
    {
        Assert.Equal(expected, CsvFormulaGuard.Protect(value));
    }

    [Theory]
    [InlineData("Northwind")]
    [InlineData("a=b")]
    [InlineData("'already text")]
    [InlineData(" =leading space")]
    [InlineData("")]
    [InlineData(null)]
    public void Protect_OrdinaryText_IsUnchanged(string? value)
    {
        Assert.Equal(value, CsvFormulaGuard.Protect(value));
    }
}
