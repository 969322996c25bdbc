using ChurnWatch.Worker.Health;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Health;

public sealed class HealthOptionsTests
{
    private static List<string> Problems(HealthOptions options) => OptionsProblems.Of(options);

    [Fact]
    public void Validate_EveryInterfaceWithoutCredentials_RefusedWhenEnabledOnly()
    {
        Assert.Equal(
            ["Password: Listening beyond loopback requires Health:Username and a Health:Password of at least 12 characters."],
            Problems(new HealthOptions { Address = "0.0.0.0" }));
        // A disabled endpoint listens nowhere, so its address needs no credentials (the dashboard's always does).
        Assert.Empty(Problems(new HealthOptions { Address = "0.0.0.0", Enabled = false }));
    }

    [Fact]
    public void Validate_EmptyAddressAndPortOutOfRange_BothNamed()
    {
        var problems = Problems(new HealthOptions { Address = "", Port = 70_000 });

        Assert.Contains(problems, p => p.StartsWith("Address: ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Port: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_AllowedHostWithSchemeOrPort_RefusedNamingIt()
    {
        Assert.Equal(
            [
                "AllowedHosts: 'http://churnwatch.example.com' is not a host name or address; give names such as churnwatch.example.com or 10.0.0.5, without scheme, port or path.",
                "AllowedHosts: 'churnwatch.example.com:8089' is not a host name or address; give names such as churnwatch.example.com or 10.0.0.5, without scheme, port or path.",
            ],
            Problems(new HealthOptions { AllowedHosts = ["http://churnwatch.example.com", "churnwatch.example.com:8089", "churnwatch.example.com", "10.0.0.5", "[::1]", "*"] }));
    }
}
