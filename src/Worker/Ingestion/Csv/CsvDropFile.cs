namespace ChurnWatch.Worker.Ingestion.Csv;

/// <summary>A file waiting in a drop folder.</summary>
/// <param name="Entity">The entity folder it lies in (<c>tickets</c>).</param>
/// <param name="Path">Its full path.</param>
/// <param name="Sha256">The SHA-256 of its content, lower-case hex: what makes it "already imported".</param>
internal sealed record CsvDropFile(string Entity, string Path, string Sha256)
{
    public string FileName => System.IO.Path.GetFileName(Path);
}
