namespace ChurnWatch.Worker.Pages.Email;

/// <summary>
/// Inline styles of the weekly email. Mail clients drop <c>&lt;style&gt;</c> blocks and CSS variables (Gmail, Outlook's
/// Word engine), so every element carries its own style, in properties all of them support: fonts, colours, padding,
/// borders and widths on tables.
/// </summary>
internal static class MailStyle
{
    private const string Font = "font-family:Arial,Helvetica,sans-serif;";

    /// <summary>The outer table, centred, at most 640 pixels wide.</summary>
    public const string Page = Font + "width:100%;max-width:640px;margin:0 auto;border-collapse:collapse;color:#1f2933;background:#ffffff;";

    /// <summary>The report's title.</summary>
    public const string Title = Font + "font-size:20px;font-weight:bold;color:#1f2933;margin:0;";

    /// <summary>Secondary text under titles and in notes.</summary>
    public const string Muted = Font + "font-size:13px;color:#52606d;margin:4px 0 0 0;";

    /// <summary>A section heading.</summary>
    public const string Heading = Font + "font-size:16px;font-weight:bold;color:#1f2933;margin:24px 0 8px 0;padding:0 0 4px 0;border-bottom:1px solid #e4e7eb;";

    /// <summary>A key-figure cell.</summary>
    public const string Figure = Font + "width:25%;padding:10px;border:1px solid #e4e7eb;vertical-align:top;";

    /// <summary>The key figure that is about risk: a dark red top border, as in the report.</summary>
    public const string RiskFigure = Font + "width:25%;padding:10px;border:1px solid #e4e7eb;border-top:3px solid #9b2226;vertical-align:top;";

    /// <summary>A key figure's label.</summary>
    public const string FigureLabel = Font + "font-size:11px;color:#52606d;text-transform:uppercase;letter-spacing:0.5px;";

    /// <summary>A key figure's value.</summary>
    public const string FigureValue = Font + "font-size:22px;font-weight:bold;color:#1f2933;";

    /// <summary>A data table.</summary>
    public const string Table = Font + "width:100%;border-collapse:collapse;font-size:13px;";

    /// <summary>A header cell.</summary>
    public const string Th = Font + "text-align:left;font-size:11px;color:#52606d;text-transform:uppercase;padding:6px;border-bottom:2px solid #e4e7eb;";

    /// <summary>A numeric header cell.</summary>
    public const string ThNumber = Th + "text-align:right;";

    /// <summary>A body cell.</summary>
    public const string Td = Font + "padding:6px;border-bottom:1px solid #e4e7eb;vertical-align:top;color:#1f2933;";

    /// <summary>A numeric body cell.</summary>
    public const string TdNumber = Td + "text-align:right;white-space:nowrap;";

    /// <summary>The stale-data warning.</summary>
    public const string Warning = Font + "font-size:13px;background:#fff4e5;border:1px solid #e9a23b;padding:10px;color:#1f2933;";

    /// <summary>A chart image: a block, scaled down on narrow screens.</summary>
    public const string Image = "display:block;border:0;max-width:100%;height:auto;";
}
