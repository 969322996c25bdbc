using ChurnWatch.Worker.Dashboard;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace ChurnWatch.Worker.Pages.Dashboard;

/// <summary>
/// Renders a dashboard page with its visitor cascaded to <see cref="DashboardLayout"/> (navigation, audit link,
/// sign-out, the open-machine banner), so no page has to pass who is asking through its own parameters.
/// </summary>
public sealed class DashboardFrame : ComponentBase
{
    /// <summary>Who asks.</summary>
    [Parameter, EditorRequired] public DashboardVisitor Visitor { get; set; } = DashboardVisitor.Unknown;

    /// <summary>The page component.</summary>
    [Parameter, EditorRequired] public Type Page { get; set; } = default!;

    /// <summary>The page's parameters.</summary>
    [Parameter, EditorRequired] public IReadOnlyDictionary<string, object?> Values { get; set; } = new Dictionary<string, object?>();

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.OpenComponent<CascadingValue<DashboardVisitor>>(0);
        builder.AddComponentParameter(1, nameof(CascadingValue<DashboardVisitor>.Value), Visitor);
        builder.AddComponentParameter(2, nameof(CascadingValue<DashboardVisitor>.IsFixed), true);
        builder.AddComponentParameter(3, nameof(CascadingValue<DashboardVisitor>.ChildContent), (RenderFragment)(page =>
        {
            page.OpenComponent(0, Page);
            foreach (var (name, value) in Values)
            {
                page.AddComponentParameter(1, name, value);
            }

            page.CloseComponent();
        }));
        builder.CloseComponent();
    }
}
