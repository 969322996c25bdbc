using ChurnWatch.Analytics.Simulation;

namespace ChurnWatch.Analytics.Tests.Simulation;

public sealed class SampleCompanyOptionsTests
{
    [Fact]
    public void Validate_Defaults_DoesNotThrow() => new SampleCompanyOptions().Validate();

    [Theory]
    [InlineData(0, 24, "Accounts")]
    [InlineData(100_000, 24, "Accounts")]
    [InlineData(10, 0, "Months")]
    [InlineData(10, 121, "Months")]
    public void Validate_OutOfRange_ThrowsNamingTheOption(int accounts, int months, string expected)
    {
        var options = new SampleCompanyOptions { Accounts = accounts, Months = months };

        var error = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);

        Assert.Equal(expected, error.ParamName);
    }

    [Fact]
    public void Validate_EndBefore2000_ThrowsNamingEnd()
    {
        var options = new SampleCompanyOptions { End = new DateOnly(1999, 12, 1) };

        Assert.Equal("End", Assert.Throws<ArgumentOutOfRangeException>(options.Validate).ParamName);
    }

    [Fact]
    public void WindowStart_TwelveMonthsBeforeEnd_IsMidnightUtc()
    {
        var options = new SampleCompanyOptions { Months = 12, End = new DateOnly(2026, 3, 1) };

        Assert.Equal(new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc), options.WindowStart);
        Assert.Equal(DateTimeKind.Utc, options.WindowStart.Kind);
    }
}
