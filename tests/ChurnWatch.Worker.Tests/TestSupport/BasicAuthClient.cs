using System.Net.Http.Headers;
using System.Text;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>An HTTP client that sends HTTP Basic credentials with every request, as a browser or probe would.</summary>
public static class BasicAuthClient
{
    public static HttpClient Create(string user, string password)
    {
        var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }
}
