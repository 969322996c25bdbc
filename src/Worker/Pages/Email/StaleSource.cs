namespace ChurnWatch.Worker.Pages.Email;

/// <summary>A source that has not delivered new data in time, named in the email's warning.</summary>
/// <param name="Source">The source, for example "usage_daily".</param>
/// <param name="NewestData">Its newest data (UTC).</param>
/// <param name="Age">How old that is at the report's generation.</param>
public sealed record StaleSource(string Source, DateTime NewestData, TimeSpan Age);
