using ChurnWatch.Worker.Delivery;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Delivery;

public class EmailOptionsValidationTests
{
    private static List<string> Failures(EmailOptions options) => OptionsProblems.Messages(options);

    [Fact]
    public void Validate_Disabled_NeedsNothing() => Assert.Empty(Failures(new EmailOptions()));

    [Fact]
    public void Validate_EnabledWithoutHostOrSender_NamesBothKeys()
    {
        var failures = Failures(new EmailOptions { Enabled = true });

        Assert.Contains(failures, f => f.StartsWith("Email:Host:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Email:From:", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SenderNotAnAddress_SaysSo()
    {
        var failure = Assert.Single(Failures(new EmailOptions { Enabled = true, Host = "smtp.example.com", From = "not an address" }));

        Assert.Equal("Email:From: 'not an address' is not an email address.", failure);
    }

    [Fact]
    public void Validate_UserWithoutPassword_NamesThePasswordKey()
    {
        var failure = Assert.Single(Failures(new EmailOptions { Enabled = true, Host = "smtp.example.com", From = "cw@example.com", Username = "cw" }));

        Assert.StartsWith("Email:Password:", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LoginWithoutStartTls_NamesTheTlsKey()
    {
        var failure = Assert.Single(Failures(new EmailOptions { Enabled = true, Host = "smtp.example.com", From = "cw@example.com", Username = "cw", Password = "pw", UseStartTls = false }));

        Assert.StartsWith("Email:UseStartTls:", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_WithPassword_HidesIt()
    {
        var text = new EmailOptions { Username = "cw", Password = "hunter2-secret" }.ToString();

        Assert.DoesNotContain("hunter2-secret", text, StringComparison.Ordinal);
        Assert.Contains("Password=***", text, StringComparison.Ordinal);
    }
}
