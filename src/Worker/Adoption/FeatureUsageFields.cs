namespace ChurnWatch.Worker.Adoption;

/// <summary>How the fields of a <see cref="FeatureUsageQuery"/> are named where it was typed (options, form labels), for its errors.</summary>
internal sealed record FeatureUsageFields(string From, string To, string Grain, string By);
