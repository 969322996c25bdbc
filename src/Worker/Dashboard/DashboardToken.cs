namespace ChurnWatch.Worker.Dashboard;

/// <summary>The anti-forgery form field of one response: its name and value (the matching cookie is set beside it).</summary>
public sealed record DashboardToken(string FieldName, string Value);
