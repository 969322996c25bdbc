using ChurnWatch.Analytics.Signals;

namespace ChurnWatch.Worker.Reports;

/// <summary>Plain-word names of signal kinds and severities for pages; CSVs keep the enum names, which never change.</summary>
internal static class SignalLabels
{
    /// <summary>For example "Gone dark".</summary>
    public static string Kind(SignalKind kind) => kind switch
    {
        SignalKind.NeverActivated => "Never activated",
        SignalKind.GoneDark => "Gone dark",
        SignalKind.Declining => "Declining usage",
        SignalKind.SeatSaturation => "Seat saturation",
        SignalKind.StrongGrowth => "Strong growth",
        SignalKind.PlanFit => "Plan fit",
        SignalKind.SupportRisk => "Support risk",
        SignalKind.BillingRisk => "Billing risk",
        SignalKind.RenewalAtRisk => "Renewal at risk",
        SignalKind.RiskJump => "Risk jump",
        _ => kind.ToString(),
    };

    /// <summary>The CSS class of a severity.</summary>
    public static string SeverityClass(SignalSeverity severity) => severity switch
    {
        SignalSeverity.Critical => "critical",
        SignalSeverity.Warning => "warning",
        _ => "info",
    };
}
