using ChurnWatch.Worker.Ingestion;

namespace ChurnWatch.Worker.Tests.Ingestion;

public sealed class SourceRowReaderTests
{
    private static readonly SourceRowReader Row = new("tickets", "T1");

    [Theory]
    [InlineData(true, true)]
    [InlineData("TRUE", true)]
    [InlineData(" 0 ", false)]
    [InlineData(1L, true)]
    [InlineData(0, false)]
    [InlineData(1.0, true)]
    public void Flag_EveryWayASourceWritesOneOrZero_IsRead(object value, bool expected) =>
        Assert.Equal(expected, Row.Flag(value, "sla_breached"));

    [Fact]
    public void Flag_NumericWithAScale_IsReadByValue()
    {
        // A NUMERIC column gives 1.0m, whose text is "1.0".
        Assert.True(Row.Flag(1.0m, "sla_breached"));
        Assert.False(Row.Flag(0.00m, "sla_breached"));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData(2L)]
    [InlineData(double.NaN)]
    public void Flag_AnythingElse_RefusesTheRowNamingTheColumn(object value)
    {
        var error = Assert.Throws<SourceDataException>(() => Row.Flag(value, "sla_breached"));

        Assert.Equal("sla_breached", error.Column);
        Assert.EndsWith("is not a flag; expected true/false or 1/0.", error.Reason, StringComparison.Ordinal);
    }
}
