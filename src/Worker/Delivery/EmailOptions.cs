using System.ComponentModel.DataAnnotations;
using System.Net.Mail;

namespace ChurnWatch.Worker.Delivery;

/// <summary>
/// Sending each account manager their weekly report by email (section <c>Email</c>). Off by default. The password is
/// read from configuration (an environment variable such as <c>CHURNWATCH__Email__Password</c>, not a file in source
/// control) and never logged or printed.
/// </summary>
internal sealed class EmailOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Email";

    /// <summary>Send the reports. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>The SMTP server's host name. Required when <see cref="Enabled"/>.</summary>
    public string? Host { get; set; }

    /// <summary>The SMTP port. Default 587 (submission with STARTTLS); range 1 to 65535.</summary>
    [Range(1, 65_535)]
    public int Port { get; set; } = 587;

    /// <summary>
    /// Upgrade the connection with STARTTLS before logging in. Default true. .NET's SMTP client has no implicit TLS
    /// (port 465): use a port that offers STARTTLS. Turn off only for a relay on the same machine or network.
    /// </summary>
    public bool UseStartTls { get; set; } = true;

    /// <summary>User name for SMTP authentication; empty sends without logging in.</summary>
    public string? Username { get; set; }

    /// <summary>Password for SMTP authentication. Required with <see cref="Username"/>. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>The sender address, e.g. <c>ChurnWatch &lt;churnwatch@example.com&gt;</c>. Required when <see cref="Enabled"/>.</summary>
    public string? From { get; set; }

    /// <summary>How long one message may take to send. Default 30 seconds; range 1 second to 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Written instead of the password wherever options are shown.</summary>
    public override string ToString() =>
        $"Email(Enabled={Enabled}, Host={Host}, Port={Port}, UseStartTls={UseStartTls}, Username={Username}, Password={(string.IsNullOrEmpty(Password) ? "(none)" : "***")}, From={From})";

    /// <inheritdoc />
    // The checks that span keys: what sending needs once it is enabled.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && string.IsNullOrWhiteSpace(Host))
        {
            yield return new ValidationResult($"{Section}:{nameof(Host)}: give the SMTP server's host name, or set {Section}:{nameof(Enabled)} to false.", [nameof(Host)]);
        }

        if (Enabled && string.IsNullOrWhiteSpace(From))
        {
            yield return new ValidationResult($"{Section}:{nameof(From)}: give the sender address, e.g. churnwatch@example.com.", [nameof(From)]);
        }
        else if (!string.IsNullOrWhiteSpace(From) && !MailAddress.TryCreate(From, out _))
        {
            yield return new ValidationResult($"{Section}:{nameof(From)}: '{From}' is not an email address.", [nameof(From)]);
        }

        if (!string.IsNullOrEmpty(Username) && string.IsNullOrEmpty(Password))
        {
            // Never echo the password; its absence is the problem here.
            yield return new ValidationResult($"{Section}:{nameof(Password)}: a user name is set but no password (set it in CHURNWATCH__Email__Password).", [nameof(Password)]);
        }

        if (!string.IsNullOrEmpty(Username) && !UseStartTls)
        {
            // .NET's SMTP client sends credentials only inside STARTTLS; without it the login would silently not happen.
            yield return new ValidationResult($"{Section}:{nameof(UseStartTls)}: a user name is set, and credentials are sent only over STARTTLS; set it to true (or remove the user name for an unauthenticated relay).", [nameof(UseStartTls)]);
        }
    }
}
