using System.ComponentModel.DataAnnotations;
using ChurnWatch.Analytics.Modeling;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>
/// The checks of <see cref="ModelingOptions.Validate"/> that span several keys (thresholds in order, whole weeks),
/// reported like any other configuration error. Single-key ranges are left to the DataAnnotations validator.
/// </summary>
internal sealed class ModelingOptionsValidator : IValidateOptions<ModelingOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true))
        {
            return ValidateOptionsResult.Skip;
        }

        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ValidationException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
