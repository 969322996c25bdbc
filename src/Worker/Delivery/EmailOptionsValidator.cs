using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Delivery;

/// <summary>The checks of <see cref="EmailOptions"/> that span keys: what sending needs once it is enabled.</summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Enabled && string.IsNullOrWhiteSpace(options.Host))
        {
            failures.Add($"{EmailOptions.Section}:{nameof(EmailOptions.Host)}: give the SMTP server's host name, or set {EmailOptions.Section}:{nameof(EmailOptions.Enabled)} to false.");
        }

        if (options.Enabled && string.IsNullOrWhiteSpace(options.From))
        {
            failures.Add($"{EmailOptions.Section}:{nameof(EmailOptions.From)}: give the sender address, e.g. churnwatch@example.com.");
        }
        else if (!string.IsNullOrWhiteSpace(options.From) && !MailAddress.TryCreate(options.From, out _))
        {
            failures.Add($"{EmailOptions.Section}:{nameof(EmailOptions.From)}: '{options.From}' is not an email address.");
        }

        if (!string.IsNullOrEmpty(options.Username) && string.IsNullOrEmpty(options.Password))
        {
            // Never echo the password; its absence is the problem here.
            failures.Add($"{EmailOptions.Section}:{nameof(EmailOptions.Password)}: a user name is set but no password (set it in CHURNWATCH__Email__Password).");
        }

        if (!string.IsNullOrEmpty(options.Username) && !options.UseStartTls)
        {
            // .NET's SMTP client sends credentials only inside STARTTLS; without it the login would silently not happen.
            failures.Add($"{EmailOptions.Section}:{nameof(EmailOptions.UseStartTls)}: a user name is set, and credentials are sent only over STARTTLS; set it to true (or remove the user name for an unauthenticated relay).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
