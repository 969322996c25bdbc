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

    [Fact]
    public void Write_AbandonedTempFileOfAnInterruptedWrite_IsDeletedByTheNextWriteIntoItsFolder()
    {
        var abandoned = Leftover(".report.html.0123456789ab.cwtmp", TimeSpan.FromHours(2));
        var other = Leftover("notes.txt", TimeSpan.FromHours(2));
        Directory.CreateDirectory(Path.Combine(_folder, "managers"));
        var below = Leftover(Path.Combine("managers", ".a.html.0123456789ab.cwtmp"), TimeSpan.FromHours(2));

        AtomicFile.WriteText(Path.Combine(_folder, "index.html"), w => w.Write("index"));

        Assert.False(File.Exists(abandoned));
        Assert.Equal(["index.html", "notes.txt"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(other));
        Assert.True(File.Exists(below)); // another folder: its own next write cleans it
    }

    [Fact]
    public void Write_RecentTempFile_IsKept()
    {
        var recent = Leftover(".report.html.0123456789ab.cwtmp", TimeSpan.FromMinutes(50));

        AtomicFile.WriteText(Path.Combine(_folder, "index.html"), w => w.Write("index"));

        Assert.True(File.Exists(recent));
    }

    [Fact]
    public void Write_OldTempFileAWriterStillHoldsOpen_IsKept()
    {
        var held = Leftover(".report.html.0123456789ab.cwtmp", TimeSpan.FromHours(2));

        // As AtomicFile's own writer holds it (a slow writer that has not written for an hour).
        using (new FileStream(held, FileMode.Open, FileAccess.Write, FileShare.None))
        {
            AtomicFile.WriteText(Path.Combine(_folder, "index.html"), w => w.Write("index"));

            Assert.True(File.Exists(held));
        }

        Assert.Equal([".report.html.0123456789ab.cwtmp"], AtomicFile.RemoveAbandoned(_folder, TimeProvider.System));
        Assert.False(File.Exists(held));
    }

    private string Leftover(string name, TimeSpan age)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, "half a rep");
        File.SetLastWriteTimeUtc(path, TimeProvider.System.GetUtcNow().UtcDateTime - age);
        return path;
    }
}
