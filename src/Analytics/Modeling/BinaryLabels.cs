namespace ChurnWatch.Analytics.Modeling;

/// <summary>Checks and converts the 0/1 labels the learning code takes as doubles.</summary>
internal static class BinaryLabels
{
    /// <summary>
    /// The labels as booleans. Throws when the lengths differ from <paramref name="expectedLength"/> or a label is
    /// not exactly 0 or 1 (a NaN or 0.5 label is a caller bug, not an outcome).
    /// </summary>
    public static bool[] ToBooleans(ReadOnlySpan<double> labels, int expectedLength, string parameterName)
    {
        if (labels.Length != expectedLength)
        {
            throw new ArgumentException($"{expectedLength} predictions but {labels.Length} labels.", parameterName);
        }

        var result = new bool[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            result[i] = labels[i] switch
            {
                0.0 => false,
                1.0 => true,
                _ => throw new ArgumentException($"Label {i} is {labels[i]}; labels must be 0 or 1.", parameterName),
            };
        }

        return result;
    }
}
