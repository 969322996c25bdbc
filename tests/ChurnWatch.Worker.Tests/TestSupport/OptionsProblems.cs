using System.ComponentModel.DataAnnotations;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>What data-annotation validation (attributes, then <see cref="IValidatableObject"/>) says of a settings object.</summary>
public static class OptionsProblems
{
    /// <summary>As "Member: message" lines.</summary>
    public static List<string> Of(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => $"{string.Join(",", r.MemberNames)}: {r.ErrorMessage}").ToList();
    }

    /// <summary>The messages alone (those of cross-key checks name their keys themselves).</summary>
    public static List<string> Messages(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage ?? "").ToList();
    }
}
