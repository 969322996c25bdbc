using System.Security.Claims;
using System.Threading.RateLimiting;
using ChurnWatch.Worker.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>
/// Sign-in sessions of local users: an ASP.NET Core authentication cookie (HttpOnly, SameSite=Strict, Secure behind
/// TLS) that ends after <see cref="DashboardOptions.IdleTimeoutMinutes"/> without a request, and a rate limit on
/// sign-in attempts per client address, so a password cannot be guessed at speed.
/// </summary>
internal static class DashboardSessions
{
    public const string Scheme = "churnwatch-session";

    /// <summary>The rate-limiting policy of POST /signin.</summary>
    public const string SignInPolicy = "churnwatch-sign-in";

    /// <summary>Sign-in attempts allowed per client address in <see cref="AttemptWindow"/>.</summary>
    public const int AttemptsPerWindow = 5;

    public static readonly TimeSpan AttemptWindow = TimeSpan.FromMinutes(1);

    public static void AddTo(IServiceCollection services, DashboardOptions options, TimeProvider timeProvider)
    {
        services.AddAuthentication(Scheme).AddCookie(Scheme, o =>
        {
            o.Cookie.Name = "churnwatch-session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(options.IdleTimeoutMinutes);
            o.SlidingExpiration = true;
            o.TimeProvider = timeProvider;
            // The dashboard's access rule decides where a request without a session goes; the handler never redirects.
            o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (c, ct) =>
            {
                c.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                return new ValueTask(c.HttpContext.Response.WriteAsync(
                    $"Too many sign-in attempts from this address: at most {AttemptsPerWindow} a minute. Wait a minute and try again.\n", ct));
            };
            o.AddPolicy(SignInPolicy, c => RateLimitPartition.GetFixedWindowLimiter(ClientAddress(c), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = AttemptsPerWindow,
                Window = AttemptWindow,
                QueueLimit = 0,
            }));
        });
    }

    /// <summary>The claim of a session's random id, so that one session can be ended (<see cref="DashboardSignOuts"/>).</summary>
    public const string SessionClaim = "churnwatch:session";

    /// <summary>
    /// The claim of the role of a user who signed in with the identity provider (<see cref="DashboardOpenIdConnectOptions"/>):
    /// such a user is not in the store, so the role, taken from their groups at sign-in, travels in the session. A local
    /// user's session has none: their role is read from the store on every request.
    /// </summary>
    public const string RoleClaim = "churnwatch:role";

    /// <summary>The user's e-mail, the session's id and, for a user of the identity provider, the role, from a valid session cookie; or null.</summary>
    public static async Task<(string Email, string Session, string? Role)?> SessionAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(Scheme).ConfigureAwait(false);
        if (!result.Succeeded || result.Principal.Identity?.Name is not { } email || result.Principal.FindFirst(SessionClaim)?.Value is not { } session)
        {
            return null;
        }

        // The anti-forgery tokens of a signed-in page are bound to the user, so both sides must see the same one.
        context.User = result.Principal;
        return (email, session, result.Principal.FindFirst(RoleClaim)?.Value);
    }

    /// <summary>
    /// Starts a session for <paramref name="email"/> (a fresh cookie and id: no earlier session carries over); with
    /// <paramref name="role"/> for a user of the identity provider, whom the store does not know.
    /// </summary>
    public static Task SignInAsync(HttpContext context, string email, string? role = null)
    {
        List<Claim> claims = [new Claim(ClaimTypes.Name, UserStore.Key(email)), new Claim(SessionClaim, Guid.NewGuid().ToString("N"))];
        if (role is not null)
        {
            claims.Add(new Claim(RoleClaim, role));
        }

        var identity = new ClaimsIdentity(claims, Scheme);
        return context.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });
    }

    /// <summary>Deletes the session cookie (and stops its renewal in this response); the request is anonymous from here.</summary>
    public static async Task SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(Scheme).ConfigureAwait(false);
        context.User = new ClaimsPrincipal(new ClaimsIdentity());
    }

    /// <summary>
    /// A local path to return to after signing in, or "/": an absolute URL, a protocol-relative one (//host) or a
    /// backslash trick (/\host) would send the user to another site once signed in.
    /// </summary>
    public static string LocalReturn(string? value) =>
        value is { Length: > 0 } v && v[0] == '/' && (v.Length == 1 || (v[1] != '/' && v[1] != '\\')) && !v.Any(char.IsControl) ? v : "/";

    /// <summary>The client's IP address (an IPv4 client as IPv4), for the audit trail and the rate limit.</summary>
    public static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : "unknown";
}
