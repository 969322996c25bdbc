using System.Net;
using ChurnWatch.Worker.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>
/// A browser-like HTTP client of a dashboard with local users: it keeps cookies (the session and the anti-forgery
/// one) and does not follow redirects, so a test sees where the dashboard sends it.
/// </summary>
internal sealed class SignInClient : IDisposable
{
    private readonly HttpClientHandler _handler = new() { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };

    public SignInClient(string url)
    {
        Url = url;
        Http = new HttpClient(_handler);
    }

    public string Url { get; }

    public HttpClient Http { get; }

    public CookieContainer Cookies => _handler.CookieContainer;

    /// <summary>Adds local users to the store of <paramref name="host"/>, as <c>churnwatch users add</c> does.</summary>
    public static async Task AddUsersAsync(IHost host, params (string Email, string Role, string Password)[] users)
    {
        var store = host.Services.GetRequiredService<UserStore>();
        foreach (var (email, role, password) in users)
        {
            Assert.True(await store.AddAsync(email, role, password, CancellationToken.None));
        }
    }

    /// <summary>Fetches the sign-in page (for its token) and posts the form; the response, not followed.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password, string back = "/")
    {
        var page = await Http.GetStringAsync($"{Url}/signin?return={Uri.EscapeDataString(back)}");
        return await Http.PostAsync(Url + "/signin", DashboardForm.From(page, ("email", email), ("password", password), ("return", back)));
    }

    /// <summary>Posts a form of <paramref name="pagePath"/> to <paramref name="action"/> with that page's token.</summary>
    public async Task<HttpResponseMessage> PostFromAsync(string pagePath, string action, params (string Name, string Value)[] fields)
    {
        var page = await Http.GetStringAsync(Url + pagePath);
        return await Http.PostAsync(Url + action, DashboardForm.From(page, fields));
    }

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }
}
