using System.ComponentModel.DataAnnotations;
using ChurnWatch.Analytics.Modeling;

namespace ChurnWatch.Analytics.Tests.Modeling;

public class ModelingOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass() => new ModelingOptions().Validate();

    [Fact]
    public void Validate_IntervalNotMultipleOfSeven_NamesTheOption()
    {
        var error = Assert.Throws<ValidationException>(() => new ModelingOptions { ObservationIntervalDays = 10 }.Validate());

        Assert.Contains(nameof(ModelingOptions.ObservationIntervalDays), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OutOfRange_Throws() =>
        Assert.Throws<ValidationException>(() => new ModelingOptions { HorizonDays = 1000 }.Validate());

    [Fact]
    public void Validate_MediumAboveHigh_Throws() =>
        Assert.Throws<ValidationException>(() => new ModelingOptions { MediumRiskThreshold = 0.5, HighRiskThreshold = 0.4 }.Validate());

    [Fact]
    public void Validate_TreeSettingOutOfRange_NamesTheNestedKey()
    {
        var options = new ModelingOptions();
        options.Trees.MaxDepth = 40;

        var error = Assert.Throws<ValidationException>(options.Validate);

        Assert.StartsWith("Modeling:Trees:MaxDepth: ", error.Message, StringComparison.Ordinal);
    }
}
