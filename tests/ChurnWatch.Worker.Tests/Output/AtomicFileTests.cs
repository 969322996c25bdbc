using ChurnWatch.Worker.Output;

namespace ChurnWatch.Worker.Tests.Output;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cw-atomic-" + Guid.NewGuid().ToString("N"));

    public AtomicFileTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void WriteText_NewFile_WritesContentAndLeavesNoTempFile()
    {
        var path = Path.Combine(_folder, "report.html");

        AtomicFile.WriteText(path, w => w.Write("<p>hello</p>"));

        Assert.Equal("<p>hello</p>", File.ReadAllText(path));
        Assert.Equal(["report.html"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void WriteText_ExistingFile_IsReplaced()
    {
        var path = Path.Combine(_folder, "report.html");
        File.WriteAllText(path, "old");

        AtomicFile.WriteText(path, w => w.Write("new"));

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Write_WriterThrowsHalfway_KeepsOldContentAndNoTempFile()
    {
        var path = Path.Combine(_folder, "report.html");
        File.WriteAllText(path, "old");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteText(path, w =>
        {
            w.Write("half a rep");
            w.Flush();
            throw new InvalidOperationException("interrupted");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["report.html"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void WriteText_Utf8_HasNoByteOrderMark()
    {
        var path = Path.Combine(_folder, "a.csv");

        AtomicFile.WriteText(path, w => w.Write("é"));

        Assert.Equal([0xC3, 0xA9], File.ReadAllBytes(path));
    }
}
