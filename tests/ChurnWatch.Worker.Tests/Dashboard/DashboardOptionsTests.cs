using ChurnWatch.Worker.Dashboard;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Dashboard;

public sealed class DashboardOptionsTests
{
    private static List<string> Problems(DashboardOptions options) => OptionsProblems.Of(options);

    [Fact]
    public void Validate_Defaults_LoopbackWithoutCredentialsIsFine()
    {
        var options = new DashboardOptions();

        Assert.Empty(Problems(options));
        Assert.Equal(("127.0.0.1", 8090, false), (options.Address, options.Port, options.RequiresCredentials));
    }

    [Theory]
    [InlineData("0.0.0.0", null, null)]
    [InlineData("10.1.2.3", "admin", null)]
    [InlineData("::", "admin", "short")]
    public void Validate_BeyondLoopbackWithoutStrongCredentials_NamesTheKey(string address, string? user, string? password)
    {
        var options = new DashboardOptions { Address = address, Username = user, Password = password };

        Assert.Equal(["Password: Listening beyond loopback requires Dashboard:Username and a Dashboard:Password of at least 12 characters."], Problems(options));
    }

    [Fact]
    public void Validate_BeyondLoopbackWithCredentials_RequiresThem()
    {
        var options = new DashboardOptions { Address = "0.0.0.0", Username = "admin", Password = "a long enough secret" };

        Assert.Empty(Problems(options));
        Assert.True(options.RequiresCredentials);
    }

    [Fact]
    public void Validate_NotAnAddress_Refused()
    {
        Assert.Equal(["Address: Not an IP address (for example 127.0.0.1, or 0.0.0.0 for every interface)."], Problems(new DashboardOptions { Address = "localhost" }));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(1441)]
    public void Validate_IdleTimeoutOutOfRange_NamesTheKey(int minutes)
    {
        Assert.Equal(["IdleTimeoutMinutes: The field IdleTimeoutMinutes must be between 5 and 1440."], Problems(new DashboardOptions { IdleTimeoutMinutes = minutes }));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(1440)]
    public void Validate_IdleTimeoutAtTheBounds_Fine(int minutes)
    {
        Assert.Empty(Problems(new DashboardOptions { IdleTimeoutMinutes = minutes }));
    }

    [Fact]
    public void IdleTimeout_Default_ThirtyMinutes()
    {
        Assert.Equal(30, new DashboardOptions().IdleTimeoutMinutes);
    }

    [Fact]
    public void Validate_TeamWithoutNameOrLeadOrWithANonEmail_NamesTheTeamAndWhatWasExpected()
    {
        var options = new DashboardOptions { Teams = [new DashboardTeam { Name = " ", Members = ["ann@example.com", "bob"] }] };

        Assert.Equal(
            [
                "Teams: Dashboard:Teams:0:Name is empty; give each team a name.",
                "Teams: Dashboard:Teams:0:Leads is empty; a team needs the e-mail of at least one lead.",
                "Teams: Dashboard:Teams:0: 'bob' is not an e-mail address; leads and members are given by e-mail, as accounts' owners are.",
            ],
            Problems(options));
    }

    [Fact]
    public void OwnersLedBy_ALeadOfTwoTeams_SeesTheirOwnAndBothTeamsMembersButNotATeamTheyDoNotLead()
    {
        var options = new DashboardOptions
        {
            Teams =
            [
                new DashboardTeam { Name = "East", Leads = ["Lee@Example.com"], Members = ["ann@example.com"] },
                new DashboardTeam { Name = "West", Leads = ["lee@example.com", "max@example.com"], Members = ["bob@example.com"] },
                new DashboardTeam { Name = "North", Leads = ["max@example.com"], Members = ["cara@example.com"] },
            ],
        };

        var owners = options.OwnersLedBy("lee@example.com");

        Assert.Equal(["ann@example.com", "bob@example.com", "lee@example.com"], owners.Order(StringComparer.Ordinal));
        Assert.Contains("ANN@example.com", owners);
        Assert.DoesNotContain("cara@example.com", owners);
    }

    [Fact]
    public void Validate_TrustedProxyNotAnAddress_NamesTheKeyAndWhatWasExpected()
    {
        Assert.Equal(
            ["TrustedProxies: Dashboard:TrustedProxies: 'proxy.internal' is not an IP address; give the proxy's address as it connects, for example 10.0.0.5."],
            Problems(new DashboardOptions { TrustedProxies = ["10.0.0.5", "proxy.internal"] }));
    }
}
