namespace ChurnWatch.Analytics.Scoring;

/// <summary>Maps a churn probability to a band.</summary>
public static class RiskBands
{
    /// <summary>High from <paramref name="high"/>, Medium from <paramref name="medium"/>, else Low.</summary>
    public static RiskBand For(double probability, double medium, double high) =>
        probability >= high ? RiskBand.High : probability >= medium ? RiskBand.Medium : RiskBand.Low;
}
