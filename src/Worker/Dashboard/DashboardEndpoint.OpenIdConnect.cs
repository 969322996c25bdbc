using ChurnWatch.Worker.Access;
using ChurnWatch.Worker.Pages.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>Sign-in with the company's identity provider (<see cref="DashboardIdentityProvider"/>): the link's target, the provider's answer, and the visitor it makes.</summary>
internal sealed partial class DashboardEndpoint
{
    /// <summary>What the audit trail's detail says of a sign-in through the identity provider.</summary>
    private const string ThroughProvider = "openid connect";

    private DashboardOpenIdConnectOptions Provider => options.Value.OpenIdConnect;

    /// <summary>The handler's events: ChurnWatch decides who gets a session, and answers every way the flow can end.</summary>
    private OpenIdConnectEvents ProviderEvents() => new()
    {
        OnTicketReceived = ProviderSignInAsync,
        OnRemoteFailure = ProviderFailureAsync,
        // Signing out at the provider does not end a ChurnWatch session (it ends by sign-out or idle time), so the
        // handler's front-channel sign-out address answers like any unknown address.
        OnRemoteSignOut = c =>
        {
            c.Response.StatusCode = StatusCodes.Status404NotFound;
            c.HandleResponse();
            return Task.CompletedTask;
        },
    };

    /// <summary>GET /signin/oidc: off to the provider (a link, not a form: the pages' form-action 'self' also stops a form's redirect to another site).</summary>
    private async Task<IResult> ProviderChallengeAsync(HttpContext context)
    {
        var visitor = Visitor(context);
        var back = DashboardSessions.LocalReturn(context.Request.Query["return"].FirstOrDefault());
        if (!Provider.Enabled)
        {
            return Results.Content(await Message(context, "No sign-in here", "", "No identity provider is configured (Dashboard:OpenIdConnect:Authority).", "/signin", "Back to sign-in").ConfigureAwait(false), Html, statusCode: StatusCodes.Status404NotFound);
        }

        if (visitor.MayUse)
        {
            return Results.Redirect(back);
        }

        try
        {
            // The handler reads the provider's discovery document first (once, then cached), so this is where an
            // unreachable or misnamed provider shows.
            await context.ChallengeAsync(DashboardIdentityProvider.Scheme, new AuthenticationProperties { RedirectUri = back }).ConfigureAwait(false);
            return Results.Empty;
        }
        catch (Exception e) when (e is not OperationCanceledException && !context.Response.HasStarted)
        {
            LogProviderUnreachable(logger, Provider.Authority, e);
            var text = $"{Provider.DisplayName} could not be reached at {Provider.Authority}, so nobody can sign in with it now. Try again later; the worker's log says why.";
            return Results.Content(await Message(context, "Identity provider unreachable", "", text, "/signin", "Back to sign-in").ConfigureAwait(false), Html, statusCode: StatusCodes.Status502BadGateway);
        }
    }

    /// <summary>
    /// The provider vouched for a user: a session with the role their groups give, or a refusal that says why. The
    /// handler's own sign-in is skipped (HandleResponse): ChurnWatch's session carries only the e-mail and the role.
    /// </summary>
    private async Task ProviderSignInAsync(TicketReceivedContext received)
    {
        received.HandleResponse();
        var context = received.HttpContext;
        var ct = context.RequestAborted;
        var claims = received.Principal;
        var email = claims?.FindFirst(Provider.EmailClaim)?.Value is { Length: > 0 } given ? UserStore.Key(given) : null;
        var role = email is null || claims is null ? null : Provider.RoleOf(claims.FindAll(Provider.GroupsClaim).Select(c => c.Value));
        if (email is null || role is null)
        {
            // The e-mail tried, cut short like the form's: it comes from the provider, but it is stored as given.
            var tried = email is { Length: > 100 } ? email[..100] : email ?? "";
            var why = email is null
                ? $"{Provider.DisplayName} did not say this account's e-mail address (claim '{Provider.EmailClaim}'), so ChurnWatch cannot tell who you are. Ask an admin to check the sign-in settings."
                : $"ChurnWatch has no role for {email}: the account is in none of the groups that give access to the dashboard. Ask an admin to add you to one of the configured groups.";
            await audit.RecordAsync(AuditSources.Anonymous, AuditActions.SignInFailed, tried, Address(context), email is null ? $"{ThroughProvider}: no e-mail claim" : $"{ThroughProvider}: no role for this account", ct).ConfigureAwait(false);
            LogProviderRefused(logger, tried, email is null ? "no e-mail claim" : "in no group of Dashboard:OpenIdConnect:Roles");
            await WritePageAsync(context, StatusCodes.Status403Forbidden, await Message(context, "Sign-in refused", "", why, "/signin", "Back to sign-in").ConfigureAwait(false)).ConfigureAwait(false);
            return;
        }

        // Escaped (a header takes ASCII only): the path came through the provider as the state's return address.
        var back = new Uri(new Uri("http://dashboard"), DashboardSessions.LocalReturn(received.ReturnUri)).PathAndQuery;
        await DashboardSessions.SignInAsync(context, email, role).ConfigureAwait(false);
        await audit.RecordAsync(email, AuditActions.SignInSucceeded, email, Address(context), $"{ThroughProvider} as {role}", ct).ConfigureAwait(false);
        // A same-site hop rather than a redirect, so the Strict session cookie comes along (DashboardIdentityProvider).
        context.Response.Headers["Refresh"] = "0; url=" + back;
        await WritePageAsync(context, StatusCodes.Status200OK, await Render<SignedInPage>(context, new()
        {
            [nameof(SignedInPage.Email)] = email,
            [nameof(SignedInPage.Return)] = back,
        }).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>The flow did not finish (cancelled at the provider, a stale or replayed answer, the provider unreachable): nobody signed in.</summary>
    private async Task ProviderFailureAsync(RemoteFailureContext failure)
    {
        failure.HandleResponse();
        // The handler's message names the step that failed, never the client secret.
        LogProviderFailed(logger, failure.Failure?.Message ?? "unknown");
        var context = failure.HttpContext;
        var text = $"Signing in with {Provider.DisplayName} did not finish (it was cancelled, took too long, or its answer could not be checked); nobody is signed in. Try again; the worker's log says more.";
        await WritePageAsync(context, StatusCodes.Status400BadRequest, await Message(context, "Sign-in did not finish", "", text, "/signin", "Back to sign-in").ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>
    /// The visitor of a session started through the identity provider: the role it carries (the user is not in the
    /// store), while the provider is still configured and the session was not ended; else null (signed out).
    /// </summary>
    private DashboardVisitor? ProviderVisitor(string email, string session, string role) =>
        Provider.Enabled && !signOuts.HasEnded(session) && UserRoles.Parse(role) is { } known
            ? SignedInVisitor(email, known)
            : null;

    private static async Task WritePageAsync(HttpContext context, int statusCode, string html)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = Html;
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(html, context.RequestAborted).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard sign-in with the identity provider refused for '{Email}': {Reason}")]
    private static partial void LogProviderRefused(ILogger logger, string email, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dashboard sign-in: the identity provider at {Authority} could not be reached")]
    private static partial void LogProviderUnreachable(ILogger logger, string authority, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard sign-in with the identity provider did not finish: {Reason}")]
    private static partial void LogProviderFailed(ILogger logger, string reason);
}
