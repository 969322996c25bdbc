namespace ChurnWatch.Analytics.Adoption;

/// <summary>The period of a feature-usage summary row.</summary>
public enum UsageGrain
{
    /// <summary>A Monday-to-Sunday UTC week.</summary>
    Week = 0,

    /// <summary>A calendar month, made of the Monday weeks that start in it (distinct users are counted per week).</summary>
    Month = 1,
}
