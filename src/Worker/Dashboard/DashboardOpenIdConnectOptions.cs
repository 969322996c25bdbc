using System.ComponentModel.DataAnnotations;
using System.Net;
using ChurnWatch.Worker.Access;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>
/// Signing in to the dashboard with the company's OpenID Connect identity provider (section
/// <c>Dashboard:OpenIdConnect</c>): the authorization code flow with PKCE, the user's e-mail and groups from the
/// provider's claims, and a role from <see cref="Roles"/>. Off while <see cref="Authority"/> is empty (the default).
/// </summary>
internal sealed class DashboardOpenIdConnectOptions
{
    /// <summary>The section's path, for messages.</summary>
    public const string Path = DashboardOptions.Section + ":OpenIdConnect";

    /// <summary>
    /// The provider's issuer URL, whose <c>/.well-known/openid-configuration</c> the dashboard reads, for example
    /// <c>https://login.example.com/realms/staff</c>. HTTPS, except on a loopback address (tests). Default empty: off.
    /// </summary>
    public string Authority { get; set; } = "";

    /// <summary>The client ID the provider gave ChurnWatch. Required when <see cref="Authority"/> is set.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>
    /// The client secret the provider gave ChurnWatch. Required when <see cref="Authority"/> is set. Set it from the
    /// environment (<c>CHURNWATCH__Dashboard__OpenIdConnect__ClientSecret</c>), not in appsettings.json; it is never
    /// logged, shown on a page or written to the audit trail.
    /// </summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>The provider's name on the sign-in button ("Sign in with …"). Default "your identity provider".</summary>
    public string DisplayName { get; set; } = "your identity provider";

    /// <summary>The claim that holds the user's e-mail address, which becomes their ChurnWatch user name. Default <c>email</c>.</summary>
    public string EmailClaim { get; set; } = "email";

    /// <summary>The claim that lists the user's groups (one claim per group, or a JSON array). Default <c>groups</c>.</summary>
    public string GroupsClaim { get; set; } = "groups";

    /// <summary>
    /// The scope asked for, besides <c>openid email profile</c>, so the provider sends the groups claim. Default
    /// <c>groups</c> (Okta; a Keycloak client scope of that name with a group mapper). Empty for a provider that sends the
    /// groups without one or has none (Entra ID, Google Workspace): they refuse a scope they do not know.
    /// </summary>
    public string GroupsScope { get; set; } = "groups";

    /// <summary>
    /// The provider's groups that give each role: role name (<c>admin</c>, <c>finance</c>, <c>team_lead</c>,
    /// <c>account_manager</c>) to group names, compared without regard to case, for example
    /// <c>"admin": ["cw-admins"]</c>. A user in the groups of several roles gets the most privileged of them, in the order
    /// admin, finance, team_lead, account_manager. Default empty.
    /// </summary>
    public Dictionary<string, List<string>> Roles { get; set; } = [];

    /// <summary>
    /// The role of a user who is in none of the <see cref="Roles"/> groups (for a provider that sends no groups).
    /// Default empty: such a user is refused.
    /// </summary>
    public string DefaultRole { get; set; } = "";

    /// <summary>Whether sign-in with the provider is on: <see cref="Authority"/> is set.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>Whether <see cref="Authority"/> may be plain HTTP: only on a loopback address (a provider in a test).</summary>
    public bool IsLoopbackAuthority =>
        Uri.TryCreate(Authority, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));

    /// <summary>The scopes asked for: openid, email, profile and <see cref="GroupsScope"/> when set.</summary>
    public IReadOnlyList<string> Scopes() =>
        string.IsNullOrWhiteSpace(GroupsScope) ? ["openid", "email", "profile"] : ["openid", "email", "profile", GroupsScope.Trim()];

    /// <summary>
    /// The role of a user in <paramref name="groups"/>: the most privileged role one of whose groups they are in, else
    /// <see cref="DefaultRole"/>; null when neither gives one (the user is refused).
    /// </summary>
    public string? RoleOf(IEnumerable<string> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var mine = groups.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var role in ByPrivilege)
        {
            if (Roles.FirstOrDefault(r => UserRoles.Parse(r.Key) == role).Value is { } roleGroups && roleGroups.Any(mine.Contains))
            {
                return role;
            }
        }

        return UserRoles.Parse(DefaultRole);
    }

    /// <summary>The roles, most privileged first: who is in the groups of several gets the first.</summary>
    private static readonly string[] ByPrivilege = [UserRoles.Admin, UserRoles.Finance, UserRoles.TeamLead, UserRoles.AccountManager];

    /// <summary>The settings for a log line or a message, the client secret masked.</summary>
    public override string ToString() =>
        $"OpenIdConnect(Authority={Authority}, ClientId={ClientId}, ClientSecret={(string.IsNullOrEmpty(ClientSecret) ? "(none)" : "***")}, DisplayName={DisplayName}, EmailClaim={EmailClaim}, GroupsClaim={GroupsClaim}, GroupsScope={GroupsScope}, DefaultRole={DefaultRole})";

    /// <summary>The problems of these settings, each naming its key; none while sign-in with a provider is off.</summary>
    public IEnumerable<ValidationResult> Validate()
    {
        if (!Enabled)
        {
            yield break;
        }

        const string Member = "OpenIdConnect";
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            yield return new ValidationResult(
                $"{Path}:Authority '{Authority}' is not the URL of an identity provider; give its issuer, for example https://login.example.com/realms/staff.", [$"{Member}:Authority"]);
        }
        else if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopbackAuthority)
        {
            yield return new ValidationResult(
                $"{Path}:Authority must use https:// (it is {Authority}); plain http:// is only accepted for a provider on this machine (localhost, 127.0.0.1).", [$"{Member}:Authority"]);
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return new ValidationResult($"{Path}:ClientId is required when {Path}:Authority is set: the client ID the identity provider gave ChurnWatch.", [$"{Member}:ClientId"]);
        }

        // The message never repeats the value: it is a secret.
        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            yield return new ValidationResult(
                $"{Path}:ClientSecret is required when {Path}:Authority is set: set CHURNWATCH__Dashboard__OpenIdConnect__ClientSecret in the environment.", [$"{Member}:ClientSecret"]);
        }

        if (string.IsNullOrWhiteSpace(EmailClaim) || string.IsNullOrWhiteSpace(GroupsClaim))
        {
            yield return new ValidationResult($"{Path}:EmailClaim and {Path}:GroupsClaim must name a claim (defaults: email, groups).", [$"{Member}:{(string.IsNullOrWhiteSpace(EmailClaim) ? "EmailClaim" : "GroupsClaim")}"]);
        }

        foreach (var role in Roles.Keys.Where(k => UserRoles.Parse(k) is null))
        {
            yield return new ValidationResult(
                $"{Path}:Roles:{role} is not a role; the roles are {string.Join(", ", UserRoles.All)}.", [$"{Member}:Roles"]);
        }

        if (DefaultRole.Length > 0 && UserRoles.Parse(DefaultRole) is null)
        {
            yield return new ValidationResult(
                $"{Path}:DefaultRole '{DefaultRole}' is not a role; the roles are {string.Join(", ", UserRoles.All)}, or leave it empty to refuse users in none of the groups.", [$"{Member}:DefaultRole"]);
        }

        if (Roles.Count == 0 && DefaultRole.Length == 0)
        {
            yield return new ValidationResult(
                $"{Path}:Roles is empty and {Path}:DefaultRole is not set, so every user of the identity provider would be refused; map groups to roles, for example Roles:admin:0 = cw-admins.", [$"{Member}:Roles"]);
        }
    }
}
