namespace ChurnWatch.Analytics.Simulation;

/// <summary>The customer segments of the sample company, as they appear in <c>accounts.segment</c>.</summary>
public static class SampleSegments
{
    /// <summary>Small businesses: a handful of seats, mostly monthly, mostly paying by card.</summary>
    public const string Smb = "SMB";

    /// <summary>Mid-sized companies: tens of seats, monthly or annual, card or invoice.</summary>
    public const string MidMarket = "MidMarket";

    /// <summary>Large companies: many seats, mostly annual, always invoiced, with a negotiated discount.</summary>
    public const string Enterprise = "Enterprise";
}
