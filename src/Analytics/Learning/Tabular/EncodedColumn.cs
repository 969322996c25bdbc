namespace ChurnWatch.Analytics.Learning.Tabular;

/// <summary>One numeric input column made from a table column: the number itself, or "is this category" (0/1).</summary>
/// <param name="Source">The table column it comes from.</param>
/// <param name="Category">Null for a numeric column; otherwise the category this 0/1 column stands for.</param>
public sealed record EncodedColumn(string Source, string? Category)
{
    /// <summary>The category every level outside the kept ones falls into.</summary>
    public const string Other = "(other)";

    /// <summary>The category of an empty cell in a text column.</summary>
    public const string Empty = "(empty)";

    public string Name => Category is null ? Source : $"{Source}={Category}";
}
