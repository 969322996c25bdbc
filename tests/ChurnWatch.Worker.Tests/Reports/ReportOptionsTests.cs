using System.ComponentModel.DataAnnotations;
using ChurnWatch.Worker.Reports;

namespace ChurnWatch.Worker.Tests.Reports;

public sealed class ReportOptionsTests
{
    private static bool IsValid(ReportOptions options) =>
        Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true);

    [Fact]
    public void Defaults_AreValid_ThirtySixHoursAndNinetyDays()
    {
        var options = new ReportOptions();

        Assert.True(IsValid(options));
        Assert.Equal(TimeSpan.FromHours(36), options.StaleAfter);
        Assert.Equal(90, options.RenewalWindowDays);
    }

    [Fact]
    public void StaleAfter_Zero_IsInvalid()
    {
        Assert.False(IsValid(new ReportOptions { StaleAfter = TimeSpan.Zero }));
    }

    [Fact]
    public void RenewalWindowDays_AboveAYear_IsInvalid()
    {
        Assert.False(IsValid(new ReportOptions { RenewalWindowDays = 400 }));
    }
}
