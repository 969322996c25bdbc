namespace ChurnWatch.Analytics.Scoring.Evaluation;

/// <summary>What an account's first shown reason is about, in the groups the reasons' replay compares (<see cref="ReasonGroups.Of"/>).</summary>
public enum ReasonGroup
{
    /// <summary>The first reason raises the risk and is about falling or low use: active users, usage, adoption or activity.</summary>
    UsageDrop = 0,

    /// <summary>The first reason raises the risk and is about support tickets.</summary>
    Support = 1,

    /// <summary>The first reason raises the risk and is about invoices, payments or a fall in MRR.</summary>
    Billing = 2,

    /// <summary>No reason, or a protective first reason (what keeps a low-risk account safe).</summary>
    NoneRaising = 3,

    /// <summary>The first reason raises the risk on any other topic (none on today's scores: reasons are never structure).</summary>
    Other = 4,
}
