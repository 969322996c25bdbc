using System.ComponentModel.DataAnnotations;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>What data-annotation validation says of a settings object, as "Member: message" lines.</summary>
public static class OptionsProblems
{
    public static List<string> Of(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => $"{string.Join(",", r.MemberNames)}: {r.ErrorMessage}").ToList();
    }
}
