using System.ComponentModel.DataAnnotations;

namespace ChurnWatch.Worker.Configuration;

/// <summary>The company's source database (section <c>Source</c>).</summary>
internal sealed class SourceOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Source";

    /// <summary>Source provider. Default <see cref="SourceProvider.Sqlite"/>.</summary>
    public SourceProvider Provider { get; set; } = SourceProvider.Sqlite;

    /// <summary>
    /// Connection string to the source. Default: the generated sample company, <c>Data Source=data/sample-company.db</c>.
    /// Never logged or printed: it may hold a password.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = "Data Source=data/sample-company.db";
}
