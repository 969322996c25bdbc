namespace ChurnWatch.Analytics.Adoption;

/// <summary>How a feature-usage summary cuts the customers.</summary>
public enum UsageGrouping
{
    /// <summary>All customers together (group <c>all</c>).</summary>
    All = 0,

    /// <summary>By the plan of the account's largest subscription running in the period.</summary>
    Plan = 1,

    /// <summary>By the account's segment (its current value: the source keeps no history of it).</summary>
    Segment = 2,

    /// <summary>One group per account.</summary>
    Account = 3,
}
