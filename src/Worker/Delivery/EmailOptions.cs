using System.ComponentModel.DataAnnotations;

namespace ChurnWatch.Worker.Delivery;

/// <summary>
/// Sending each account manager their weekly report by email (section <c>Email</c>). Off by default. The password is
/// read from configuration (an environment variable such as <c>CHURNWATCH__Email__Password</c>, not a file in source
/// control) and never logged or printed.
/// </summary>
internal sealed class EmailOptions
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
}
