namespace ChurnWatch.Worker.Pages.Email;

/// <summary>A signal first seen this week, as the weekly email lists it.</summary>
/// <param name="Account">The account's display name.</param>
/// <param name="Kind">What the signal says, in words ("Gone dark").</param>
/// <param name="Severity">How urgent, in words ("critical").</param>
/// <param name="Evidence">The numbers that triggered it.</param>
public sealed record SummarySignal(string Account, string Kind, string Severity, string Evidence);
