namespace ChurnWatch.Analytics.Scoring;

/// <summary>
/// What a driver of a score is about. The first three are what the account <em>is</em> (structure: its contract, plan
/// and age), the rest what it <em>does</em> (behaviour). Only behaviour is given as a reason: an account manager can
/// act on falling usage or an overdue invoice, not on a contract type, which the report states once as context.
/// </summary>
public enum ReasonTopic
{
    /// <summary>Annual contract or month-to-month, and when the renewal is due.</summary>
    Contract = 0,

    /// <summary>Plan tier, licensed seats and the size of the subscription (MRR).</summary>
    Plan = 1,

    /// <summary>How long the company has been a customer.</summary>
    Tenure = 2,

    /// <summary>Weekly active users and their trend.</summary>
    ActiveUsers = 3,

    /// <summary>Usage events, overall and per feature, and their trend.</summary>
    Usage = 4,

    /// <summary>Breadth of use: features used, key features adopted and when, seats in use.</summary>
    Adoption = 5,

    /// <summary>Days since the last activity.</summary>
    Activity = 6,

    /// <summary>Support tickets: volume, urgency, SLA, resolution time, escalation, satisfaction.</summary>
    Support = 7,

    /// <summary>Invoices past due and failed payments.</summary>
    Billing = 8,

    /// <summary>The subscription's change in MRR (expansion or contraction).</summary>
    Revenue = 9,
}
