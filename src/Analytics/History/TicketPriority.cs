namespace ChurnWatch.Analytics.History;

/// <summary>Support ticket priority, as the source contract spells it (urgent/high/normal/low).</summary>
public enum TicketPriority
{
    /// <summary>low</summary>
    Low = 0,
    /// <summary>normal</summary>
    Normal = 1,
    /// <summary>high</summary>
    High = 2,
    /// <summary>urgent</summary>
    Urgent = 3,
}
