namespace ChurnWatch.Analytics.Readiness;

/// <summary>One thing a company's data allows or rules out, in words; a blocking one stops the pipeline from running.</summary>
/// <param name="Blocking">True when the pipeline cannot run on the data as it is (the text says what to change).</param>
/// <param name="Text">What ChurnWatch can or cannot do with the data, and why.</param>
public sealed record ReadinessFinding(bool Blocking, string Text);
