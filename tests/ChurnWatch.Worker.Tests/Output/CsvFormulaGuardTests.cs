using ChurnWatch.Worker.Output;

namespace ChurnWatch.Worker.Tests.Output;

public sealed class CsvFormulaGuardTests
{
    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("-1e5", "'-1e5")]
    [InlineData("-A1", "'-A1")]
    [InlineData("-", "'-")]
    [InlineData("-.", "'-.")]
    [InlineData("-1.2.3", "'-1.2.3")]
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
    [InlineData("-2")]
    [InlineData("-0.25")]
    [InlineData("-.5")]
    [InlineData("")]
    [InlineData(null)]
    public void Protect_OrdinaryTextOrNegativeNumber_IsUnchanged(string? value)
    {
        Assert.Equal(value, CsvFormulaGuard.Protect(value));
    }
}
