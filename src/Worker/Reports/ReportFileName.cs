using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChurnWatch.Worker.Reports;

/// <summary>
/// File names for per-manager pages, derived from the owner's email. The readable part keeps only [a-z0-9] and
/// single dashes, so no email can climb out of the output folder or clash with the index; a short hash of the
/// full email follows because "a.b@x.com" and "a-b@x.com" would otherwise share a file and one manager would get
/// another's accounts.
/// </summary>
internal static class ReportFileName
{
    /// <summary>The index page's name; never produced by <see cref="ForOwner"/>, which always adds a hash.</summary>
    public const string Index = "index.html";

    private const int MaxReadableLength = 60;

    /// <summary>For example "jane.doe@example.com" gives "jane-doe-example-com-1a2b3c4d.html".</summary>
    public static string ForOwner(string ownerEmail) => Stem(ownerEmail) + ".html";

    /// <summary>The page's table as CSV, beside the page: "jane-doe-example-com-1a2b3c4d.csv".</summary>
    public static string CsvForOwner(string ownerEmail) => Stem(ownerEmail) + ".csv";

    /// <summary>
    /// The summary body of the page's weekly email (HTML and chart images as one MIME part), beside the page:
    /// "jane-doe-example-com-1a2b3c4d.email.mime".
    /// </summary>
    public static string EmailForOwner(string ownerEmail) => Stem(ownerEmail) + ".email.mime";

    private static string Stem(string ownerEmail)
    {
        ArgumentNullException.ThrowIfNull(ownerEmail);
        var normalised = ownerEmail.Trim().ToLowerInvariant();
        var readable = new StringBuilder(normalised.Length);
        foreach (var c in normalised)
        {
            var keep = c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
            if (keep)
                readable.Append(c);
            else if (readable.Length > 0 && readable[^1] != '-')
                readable.Append('-');
        }

        var stem = readable.ToString().Trim('-');
        if (stem.Length > MaxReadableLength)
            stem = stem[..MaxReadableLength].TrimEnd('-');
        if (stem.Length == 0)
            stem = "owner";

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(normalised));
        var suffix = Convert.ToHexStringLower(hash.AsSpan(0, 4));
        return string.Create(CultureInfo.InvariantCulture, $"{stem}-{suffix}");
    }
}
