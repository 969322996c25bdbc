using System.ComponentModel.DataAnnotations;
using ChurnWatch.Worker.Hosting;

namespace ChurnWatch.Worker.Health;

/// <summary>
/// The <c>/healthz</c> endpoint of <c>churnwatch run</c> (section <c>Health</c>). It listens on loopback only unless
/// <see cref="ListenerOptions.Address"/> says otherwise, and then requires HTTP Basic credentials.
/// </summary>
internal sealed class HealthOptions : ListenerOptions, IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Health";

    /// <summary>Whether <c>churnwatch run</c> serves <c>/healthz</c>. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>TCP port. Default 8089; 0 picks a free port (it is logged). Range 0 to 65535.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 8089;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => ValidateListener(Section, serves: Enabled);
}
