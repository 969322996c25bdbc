using System.ComponentModel.DataAnnotations;
using ChurnWatch.Worker.Configuration;

namespace ChurnWatch.Worker.Tests.Configuration;

public sealed class OutputOptionsTests
{
    private static bool IsValid(OutputOptions options) =>
        Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true);

    [Fact]
    public void Defaults_AreValid_ThirtySixHoursAndNinetyDays()
    {
        var options = new OutputOptions();

        Assert.True(IsValid(options));
        Assert.Equal(TimeSpan.FromHours(36), options.StaleAfter);
        Assert.Equal(90, options.RenewalWindowDays);
    }

    [Fact]
    public void StaleAfter_Zero_IsInvalid()
    {
        Assert.False(IsValid(new OutputOptions { StaleAfter = TimeSpan.Zero }));
    }

    [Fact]
    public void RenewalWindowDays_AboveAYear_IsInvalid()
    {
        Assert.False(IsValid(new OutputOptions { RenewalWindowDays = 400 }));
    }

    [Fact]
    public void Folder_AFile_NamesTheKey()
    {
        using var folder = new TestSupport.TempFolder();
        File.WriteAllText(folder.File("out"), "");

        Assert.Equal([$"Folder: '{folder.File("out")}' is a file; give a folder (it is created if missing)."], TestSupport.OptionsProblems.Of(new OutputOptions { Folder = folder.File("out") }));
    }
}
