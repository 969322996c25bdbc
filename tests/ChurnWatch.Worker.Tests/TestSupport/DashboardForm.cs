using System.Net;
using System.Text.RegularExpressions;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>A dashboard form posted as a browser would: its fields with the anti-forgery token the page carried.</summary>
internal static partial class DashboardForm
{
    /// <summary>The fields with the page's token; fails the test when the page carries none.</summary>
    public static FormUrlEncodedContent From(string page, params (string Name, string Value)[] fields)
    {
        var token = TokenField().Match(page);
        Assert.True(token.Success, "the page carries an anti-forgery field");
        var values = fields.ToDictionary(f => f.Name, f => f.Value);
        values[token.Groups["name"].Value] = WebUtility.HtmlDecode(token.Groups["value"].Value);
        return new FormUrlEncodedContent(values);
    }

    // The renderer may close a void element the XML way ("<input ... />"); both are the same HTML.
    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>__cw_token)\" value=\"(?<value>[^\"]+)\" ?/?>")]
    private static partial Regex TokenField();
}
