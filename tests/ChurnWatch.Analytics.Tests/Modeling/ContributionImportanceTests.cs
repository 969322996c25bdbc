using ChurnWatch.Analytics.Modeling;

namespace ChurnWatch.Analytics.Tests.Modeling;

public sealed class ContributionImportanceTests
{
    [Fact]
    public void MeanAbsoluteContribution_HandExample_MeanOfAbsoluteValuesPerColumn()
    {
        IReadOnlyList<double>[] rows = [[1.0, -2.0], [-3.0, 0.0], [0.5, 4.0]];

        var importance = ContributionImportance.MeanAbsoluteContribution(["a", "b"], rows);

        Assert.Equal([new ColumnImportance("a", 1.5, 0), new ColumnImportance("b", 2.0, 0)], importance);
    }

    [Fact]
    public void MeanAbsoluteContribution_RowOfWrongLength_Throws() =>
        Assert.Throws<ArgumentException>(() => ContributionImportance.MeanAbsoluteContribution(["a", "b"], [[1.0]]));
}
