using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChurnWatch.Worker.Pages;

/// <summary>
/// Renders a Razor component to an HTML string with ASP.NET Core's <see cref="HtmlRenderer"/>: the one way ChurnWatch
/// writes HTML. The renderer encodes every value a component writes with <c>@</c>, so no caller encodes by hand.
/// </summary>
internal static class PageRenderer
{
    // Components here take all they show as parameters and inject nothing, so one service provider serves all. The
    // encoder still encodes markup characters (< > & " ') but writes other text as it is: names in any script stay
    // readable in the file, and "×" or "–" are not turned into numeric references.
    private static readonly IServiceProvider Services = new ServiceCollection()
        .AddLogging()
        .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
        .BuildServiceProvider();

    /// <summary>The HTML of <typeparamref name="TComponent"/> with <paramref name="parameters"/>.</summary>
    public static string Render<TComponent>(IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        ArgumentNullException.ThrowIfNull(parameters);
        // The callers are synchronous writers running on pool threads without a synchronisation context, so waiting
        // here cannot deadlock; HtmlRenderer runs the component on its own dispatcher.
        return RenderAsync<TComponent>(parameters).GetAwaiter().GetResult();
    }

    /// <summary>The HTML of <typeparamref name="TComponent"/> with <paramref name="parameters"/>.</summary>
    public static async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        ArgumentNullException.ThrowIfNull(parameters);
        await using var renderer = new HtmlRenderer(Services, Services.GetRequiredService<ILoggerFactory>() ?? NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }
}
