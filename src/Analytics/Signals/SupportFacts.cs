namespace ChurnWatch.Analytics.Signals;

/// <summary>An account's support tickets as of a date, counted the way the support-risk rule reads them.</summary>
/// <param name="UrgentOpenTooLong">Urgent tickets open at the date and opened at least <see cref="SignalOptions.UrgentTicketOpenDays"/> days before.</param>
/// <param name="OldestUrgentOpenDays">Age in days of the oldest urgent ticket open at the date; 0 when none.</param>
/// <param name="SlaBreaches">Tickets opened in the support window that breached their SLA.</param>
/// <param name="L3Escalations">Tickets opened in the support window that reached L3.</param>
/// <param name="LowCsatTickets">Tickets resolved in the support window rated at or below <see cref="SignalOptions.LowCsat"/>.</param>
public sealed record SupportFacts(int UrgentOpenTooLong, int OldestUrgentOpenDays, int SlaBreaches, int L3Escalations, int LowCsatTickets);
