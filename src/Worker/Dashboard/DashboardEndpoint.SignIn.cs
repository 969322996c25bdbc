using ChurnWatch.Worker.Access;
using ChurnWatch.Worker.Pages.Dashboard;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>Who may use the dashboard, signing in and out as a local user, and the audit page.</summary>
internal sealed partial class DashboardEndpoint
{
    private const string WrongSignIn = "E-mail or password is wrong.";

    /// <summary>
    /// Who asks: with local users in the store or an identity provider configured, the user of a valid session cookie
    /// (a local user must still exist), else nobody; without either, the HTTP Basic user when credentials are
    /// configured, else anyone on loopback.
    /// </summary>
    private async Task<DashboardVisitor> VisitorAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        if (await DashboardSessions.SessionAsync(context).ConfigureAwait(false) is { } session)
        {
            // A user of the identity provider (DashboardEndpoint.OpenIdConnect.cs): the role came with the session.
            if (session.Role is not null && ProviderVisitor(session.Email, session.Session, session.Role) is { } providerUser)
            {
                return providerUser;
            }

            // A local user: the role is read anew on every request, so a changed role counts at once, a removed user is signed out.
            if (session.Role is null && !signOuts.HasEnded(session.Session) && await users.GetAsync(session.Email, ct).ConfigureAwait(false) is { } user)
            {
                return SignedInVisitor(user.Email, user.Role);
            }

            await DashboardSessions.SignOutAsync(context).ConfigureAwait(false);
        }

        if (Provider.Enabled || await users.AnyAsync(ct).ConfigureAwait(false))
        {
            return new DashboardVisitor(null, MayUse: false, LocalUsers: true, OpenToMachine: false);
        }

        if (!options.Value.RequiresCredentials)
        {
            return new DashboardVisitor(null, MayUse: true, LocalUsers: false, OpenToMachine: true);
        }

        var basic = await BasicSignInAsync(context).ConfigureAwait(false);
        return new DashboardVisitor(basic, MayUse: basic is not null, LocalUsers: false, OpenToMachine: false);
    }

    /// <summary>
    /// A signed-in user with <paramref name="role"/>: every account for the roles that see all, else their own and,
    /// for a team lead, those of the teams they lead (<see cref="DashboardOptions.Teams"/>).
    /// </summary>
    private DashboardVisitor SignedInVisitor(string email, string role) =>
        new(email, MayUse: true, LocalUsers: true, OpenToMachine: false)
        {
            Role = role,
            Owners = RoleTable.SeesAllAccounts(role) ? null
                : role == UserRoles.TeamLead ? options.Value.OwnersLedBy(email)
                : new HashSet<string>([email], StringComparer.OrdinalIgnoreCase),
        };

    private static bool IsSignInPath(HttpRequest request) =>
        request.Path.Equals("/signin", StringComparison.OrdinalIgnoreCase) || request.Path.Equals("/signout", StringComparison.OrdinalIgnoreCase)
        || request.Path.Equals(DashboardIdentityProvider.ChallengePath, StringComparison.OrdinalIgnoreCase) || request.Path.Equals(DashboardIdentityProvider.CallbackPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Answers a request that may not use the dashboard: the Basic challenge without local users; with them, a page
    /// request goes to the sign-in page (and back once signed in), and anything else (a form) gets 401 and does nothing.
    /// </summary>
    private static async Task RefuseAsync(HttpContext context, DashboardVisitor visitor)
    {
        if (!visitor.LocalUsers)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"churnwatch dashboard\"";
            return;
        }

        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            var here = request.PathBase + request.Path + request.QueryString;
            context.Response.Redirect("/signin?return=" + Uri.EscapeDataString(here.ToString()));
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("Sign in first at /signin; nothing changed.\n", context.RequestAborted).ConfigureAwait(false);
    }

    private async Task<IResult> SignInPageAsync(HttpContext context, IAntiforgery antiforgery, CancellationToken ct)
    {
        var visitor = Visitor(context);
        var back = DashboardSessions.LocalReturn(context.Request.Query["return"].FirstOrDefault());
        if (!visitor.LocalUsers)
        {
            return Results.Content(await Message(context, "No sign-in here", "", "No local users are set up, so there is nothing to sign in to (churnwatch users add).", "/", "Back to the overview").ConfigureAwait(false), Html, statusCode: StatusCodes.Status404NotFound);
        }

        return visitor.MayUse ? Results.Redirect(back) : await SignInFormAsync(context, antiforgery, back, null, null, StatusCodes.Status200OK, ct).ConfigureAwait(false);
    }

    private async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, CancellationToken ct)
    {
        var visitor = Visitor(context);
        if (!visitor.LocalUsers)
        {
            return Results.NotFound();
        }

        var form = await context.Request.ReadFormAsync(ct).ConfigureAwait(false);
        var email = (form["email"].FirstOrDefault() ?? "").Trim();
        var password = form["password"].FirstOrDefault() ?? "";
        var back = DashboardSessions.LocalReturn(form["return"].FirstOrDefault());
        // The e-mail tried, never the password; cut short, as a guesser could send anything.
        var tried = email.Length > 100 ? email[..100] : email;
        if (email.Length == 0 || password.Length == 0 || !await users.VerifyAsync(email, password, ct).ConfigureAwait(false))
        {
            await audit.RecordAsync(AuditSources.Anonymous, AuditActions.SignInFailed, tried, Address(context), "", ct).ConfigureAwait(false);
            // One sentence for both: which of the two was wrong would tell a guesser which e-mails are users.
            return await SignInFormAsync(context, antiforgery, back, tried, WrongSignIn, StatusCodes.Status401Unauthorized, ct).ConfigureAwait(false);
        }

        var key = UserStore.Key(email);
        await DashboardSessions.SignInAsync(context, key).ConfigureAwait(false);
        await audit.RecordAsync(key, AuditActions.SignInSucceeded, key, Address(context), "", ct).ConfigureAwait(false);
        return Results.Redirect(back);
    }

    private async Task<IResult> SignOutAsync(HttpContext context, CancellationToken ct)
    {
        if (Who(context) is { } user && Visitor(context).HasSession)
        {
            if (context.User.FindFirst(DashboardSessions.SessionClaim)?.Value is { } session)
            {
                signOuts.End(session);
            }

            await DashboardSessions.SignOutAsync(context).ConfigureAwait(false);
            await audit.RecordAsync(user, AuditActions.SignedOut, user, Address(context), "", ct).ConfigureAwait(false);
        }

        return Results.Redirect("/signin");
    }

    // The provider's link when one is configured; the form when the store holds local users.
    private async Task<IResult> SignInFormAsync(HttpContext context, IAntiforgery antiforgery, string back, string? email, string? error, int statusCode, CancellationToken ct) =>
        await Page<SignInPage>(
            context,
            new()
            {
                [nameof(SignInPage.Token)] = Token(context, antiforgery),
                [nameof(SignInPage.Return)] = back,
                [nameof(SignInPage.Email)] = email,
                [nameof(SignInPage.Error)] = error,
                [nameof(SignInPage.Provider)] = Provider.Enabled ? Provider.DisplayName : null,
                [nameof(SignInPage.LocalForm)] = !Provider.Enabled || await users.AnyAsync(ct).ConfigureAwait(false),
            },
            statusCode).ConfigureAwait(false);

    private async Task<IResult> AuditPageAsync(HttpContext context, CancellationToken ct)
    {
        // Not there at all for those who may not see it, as a page that does not exist.
        if (!Visitor(context).RunsJobs)
        {
            return await NoSuchPageAsync(context).ConfigureAwait(false);
        }

        return await Page<AuditPage>(context, new()
        {
            [nameof(AuditPage.Events)] = await audit.ListAsync(null, AuditPageSize, ct).ConfigureAwait(false),
            [nameof(AuditPage.Limit)] = AuditPageSize,
        }).ConfigureAwait(false);
    }
}
