using ChurnWatch.Worker.Access;
using ChurnWatch.Worker.Dashboard;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Dashboard;

/// <summary>The settings of sign-in with an identity provider (Dashboard:OpenIdConnect): checked at start, each message naming its key.</summary>
public sealed class DashboardOpenIdConnectOptionsTests
{
    private const string Secret = "a-client-secret-never-shown";

    private static DashboardOptions With(string authority, Action<DashboardOpenIdConnectOptions>? change = null)
    {
        var options = new DashboardOptions
        {
            OpenIdConnect = new DashboardOpenIdConnectOptions
            {
                Authority = authority,
                ClientId = "churnwatch",
                ClientSecret = Secret,
                Roles = new() { [UserRoles.Admin] = ["cw-admins"] },
            },
        };
        change?.Invoke(options.OpenIdConnect);
        return options;
    }

    [Fact]
    public void Validate_Defaults_OffAndFine()
    {
        var options = new DashboardOptions();

        Assert.Empty(OptionsProblems.Of(options));
        Assert.False(options.OpenIdConnect.Enabled);
        Assert.Equal(("your identity provider", "email", "groups", "groups", ""), (options.OpenIdConnect.DisplayName, options.OpenIdConnect.EmailClaim, options.OpenIdConnect.GroupsClaim, options.OpenIdConnect.GroupsScope, options.OpenIdConnect.DefaultRole));
    }

    [Theory]
    [InlineData("https://login.example.com/realms/staff")]
    [InlineData("http://localhost:8080")]
    [InlineData("http://127.0.0.1:9000/issuer")]
    [InlineData("http://[::1]:9000")]
    public void Validate_HttpsOrLoopback_Fine(string authority)
    {
        Assert.Empty(OptionsProblems.Of(With(authority)));
    }

    [Theory]
    [InlineData("login.example.com")]
    [InlineData("ftp://login.example.com")]
    [InlineData("https://login.example.com/?tenant=1")]
    public void Validate_NotAnIssuerUrl_NamesTheKey(string authority)
    {
        Assert.Equal(
            [$"OpenIdConnect:Authority: Dashboard:OpenIdConnect:Authority '{authority}' is not the URL of an identity provider; give its issuer, for example https://login.example.com/realms/staff."],
            OptionsProblems.Of(With(authority)));
    }

    [Theory]
    [InlineData("http://login.example.com")]
    [InlineData("http://10.0.0.5:8080")]
    public void Validate_HttpBeyondLoopback_RequiresHttps(string authority)
    {
        Assert.Equal(
            [$"OpenIdConnect:Authority: Dashboard:OpenIdConnect:Authority must use https:// (it is {authority}); plain http:// is only accepted for a provider on this machine (localhost, 127.0.0.1)."],
            OptionsProblems.Of(With(authority)));
    }

    [Fact]
    public void Validate_UnknownRoleName_NamesTheKeyAndTheRoles()
    {
        var options = With("https://login.example.com", o => o.Roles["superuser"] = ["cw-root"]);

        Assert.Equal(
            ["OpenIdConnect:Roles: Dashboard:OpenIdConnect:Roles:superuser is not a role; the roles are account_manager, team_lead, finance, admin."],
            OptionsProblems.Of(options));
    }

    [Fact]
    public void Validate_UnknownDefaultRole_NamesTheKey()
    {
        var options = With("https://login.example.com", o => o.DefaultRole = "viewer");

        Assert.Equal(
            ["OpenIdConnect:DefaultRole: Dashboard:OpenIdConnect:DefaultRole 'viewer' is not a role; the roles are account_manager, team_lead, finance, admin, or leave it empty to refuse users in none of the groups."],
            OptionsProblems.Of(options));
    }

    [Fact]
    public void Validate_NoClientIdSecretOrRoles_NamesEachKeyAndTheSecretsVariable()
    {
        var options = With("https://login.example.com", o => (o.ClientId, o.ClientSecret, o.Roles) = ("", "", []));

        Assert.Equal(
            [
                "OpenIdConnect:ClientId: Dashboard:OpenIdConnect:ClientId is required when Dashboard:OpenIdConnect:Authority is set: the client ID the identity provider gave ChurnWatch.",
                "OpenIdConnect:ClientSecret: Dashboard:OpenIdConnect:ClientSecret is required when Dashboard:OpenIdConnect:Authority is set: set CHURNWATCH__Dashboard__OpenIdConnect__ClientSecret in the environment.",
                "OpenIdConnect:Roles: Dashboard:OpenIdConnect:Roles is empty and Dashboard:OpenIdConnect:DefaultRole is not set, so every user of the identity provider would be refused; map groups to roles, for example Roles:admin:0 = cw-admins.",
            ],
            OptionsProblems.Of(options));
    }

    [Fact]
    public void RoleOf_GroupsOfSeveralRoles_TheMostPrivileged()
    {
        var options = With("https://login.example.com", o => o.Roles = new()
        {
            [UserRoles.AccountManager] = ["cw-am"],
            ["team-lead"] = ["cw-leads"],
            [UserRoles.Finance] = ["CW-Finance"],
            [UserRoles.Admin] = ["cw-admins"],
        }).OpenIdConnect;

        string[][] users = [["cw-am", "cw-admins", "cw-finance"], ["cw-am", "cw-finance"], ["cw-am", "cw-leads"], ["cw-am", "other"], ["other"]];

        Assert.Equal([UserRoles.Admin, UserRoles.Finance, UserRoles.TeamLead, UserRoles.AccountManager, null], users.Select(options.RoleOf));
    }

    [Fact]
    public void RoleOf_InNoMappedGroup_TheDefaultRole()
    {
        var options = With("https://login.example.com", o => o.DefaultRole = "Account-Manager").OpenIdConnect;

        Assert.Equal((UserRoles.AccountManager, UserRoles.Admin), (options.RoleOf([]), options.RoleOf(["cw-admins"])));
    }

    [Fact]
    public void Scopes_GroupsScopeEmpty_OnlyTheStandardOnes()
    {
        var options = With("https://login.example.com").OpenIdConnect;
        var withGroups = options.Scopes();
        options.GroupsScope = "";

        Assert.Equal(["openid", "email", "profile", "groups"], withGroups);
        Assert.Equal(["openid", "email", "profile"], options.Scopes());
    }

    [Fact]
    public void ToString_ClientSecretSet_Masked()
    {
        var text = With("https://login.example.com").OpenIdConnect.ToString();

        Assert.Contains("ClientSecret=***", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DashboardCommand_HttpAuthorityBeyondLoopback_RefusesToStartNamingTheKeyNotTheSecret()
    {
        using var folder = new TempFolder();
        var (exitCode, output, error) = await ChurnWatchProcess.RunAsync(folder.Path, ["dashboard", "--port", "0"], TimeSpan.FromSeconds(60),
            ("CHURNWATCH__Store__DataFolder", folder.File("data")),
            ("CHURNWATCH__Dashboard__OpenIdConnect__Authority", "http://login.example.com"),
            ("CHURNWATCH__Dashboard__OpenIdConnect__ClientId", "churnwatch"),
            ("CHURNWATCH__Dashboard__OpenIdConnect__ClientSecret", Secret),
            ("CHURNWATCH__Dashboard__OpenIdConnect__Roles__admin__0", "cw-admins"));

        Assert.Equal(3, exitCode);
        Assert.StartsWith(
            "Configuration error: Dashboard:OpenIdConnect:Authority must use https:// (it is http://login.example.com); plain http:// is only accepted for a provider on this machine (localhost, 127.0.0.1).",
            error,
            StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error + output, StringComparison.Ordinal);
    }
}
