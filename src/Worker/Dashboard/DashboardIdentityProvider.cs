using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>
/// Sign-in with the company's OpenID Connect identity provider (<see cref="DashboardOpenIdConnectOptions"/>): ASP.NET
/// Core's handler runs the authorization code flow with PKCE; what the provider says of the user is turned into a
/// ChurnWatch session (or a refusal) by the dashboard itself (DashboardEndpoint.OpenIdConnect.cs), so the handler
/// never signs anyone in on its own.
/// </summary>
internal static class DashboardIdentityProvider
{
    public const string Scheme = "churnwatch-oidc";

    /// <summary>The link on the sign-in page: sends the browser to the provider.</summary>
    public const string ChallengePath = "/signin/oidc";

    /// <summary>Where the provider sends the browser back; the redirect URI to register is https://&lt;dashboard host&gt;/signin-oidc.</summary>
    public const string CallbackPath = "/signin-oidc";

    public static void AddTo(IServiceCollection services, DashboardOpenIdConnectOptions settings, TimeProvider timeProvider, OpenIdConnectEvents events)
    {
        services.AddAuthentication().AddOpenIdConnect(Scheme, o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.RequireHttpsMetadata = !settings.IsLoopbackAuthority;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            // Left at its default: a pushed authorization request (PAR) when the provider offers one, so the request's
            // parameters go to the provider directly, authenticated by the client secret, not through the browser.
            o.PushedAuthorizationBehavior = PushedAuthorizationBehavior.UseIfAvailable;
            o.CallbackPath = CallbackPath;
            o.Scope.Clear();
            foreach (var scope in settings.Scopes())
            {
                o.Scope.Add(scope);
            }

            // The claims under the names the provider gives them, so EmailClaim and GroupsClaim are the provider's words.
            o.MapInboundClaims = false;
            o.GetClaimsFromUserInfoEndpoint = true;
            o.ClaimActions.MapUniqueJsonKey(settings.EmailClaim, settings.EmailClaim);
            o.ClaimActions.MapJsonKey(settings.GroupsClaim, settings.GroupsClaim);
            o.SaveTokens = false;
            o.DisableTelemetry = true;
            o.TimeProvider = timeProvider;

            // SameSite: the session cookie is SameSite=Strict, and the provider's answer arrives by a cross-site
            // navigation. The answer comes as a GET (response_mode=query, not the default form_post, a cross-site POST
            // that carries no Lax cookie), and the correlation and nonce cookies that must come back with it are Lax
            // rather than the default None: a None cookie must be Secure, which a browser refuses over plain http (a
            // provider on loopback in the tests, a dashboard behind a TLS proxy that forwards http). The Strict session
            // cookie, set on that answer, would not come with the redirect that follows it (the chain started on the
            // provider's site); so the answer is a page of our own that moves on by itself, a same-site hop
            // (DashboardEndpoint.OpenIdConnect.cs).
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

            // Never used: the dashboard starts its own session in OnTicketReceived and handles the response there.
            o.SignInScheme = DashboardSessions.Scheme;
            o.Events = events;
        });
    }
}
