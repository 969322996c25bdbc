using ChurnWatch.Worker.Reports;

namespace ChurnWatch.Worker.Tests.Reports;

public sealed class ReportFileNameTests
{
    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..\\..\\windows\\system32")]
    [InlineData("/etc/passwd")]
    [InlineData("a/../../b@x.com")]
    [InlineData("\"&<>")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("index")]
    public void ForOwner_HostileEmail_StaysInsideFolderWithSafeCharacters(string email)
    {
        var name = ReportFileName.ForOwner(email);

        Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*-[0-9a-f]{8}\\.html$", name);
        Assert.Equal(name, Path.GetFileName(name));
        Assert.NotEqual(ReportFileName.Index, name);
        var folder = Path.GetFullPath("/srv/reports");
        Assert.StartsWith(folder + Path.DirectorySeparatorChar, Path.GetFullPath(Path.Combine(folder, name)), StringComparison.Ordinal);
    }

    [Fact]
    public void ForOwner_TraversalAttempt_KeepsOnlyTheReadableWords()
    {
        Assert.StartsWith("etc-passwd-", ReportFileName.ForOwner("../../etc/passwd"), StringComparison.Ordinal);
    }

    [Fact]
    public void ForOwner_Email_IsLowerCaseWithDashes()
    {
        var name = ReportFileName.ForOwner("Jane.Doe@Example.com");

        Assert.StartsWith("jane-doe-example-com-", name, StringComparison.Ordinal);
        Assert.Equal(name, ReportFileName.ForOwner(" jane.doe@example.com "));
    }

    [Fact]
    public void ForOwner_EmailsThatDifferOnlyInPunctuation_GetDifferentFiles()
    {
        Assert.NotEqual(ReportFileName.ForOwner("a.b@x.com"), ReportFileName.ForOwner("a-b@x.com"));
    }
}
