using ChurnWatch.Analytics.Modeling;

namespace ChurnWatch.Analytics.Tests.Modeling;

public sealed class IndependentFitsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Map_AnyDegree_ResultsInItemOrder(int degree)
    {
        // The earlier items take longest, so run at once they finish last.
        var squares = IndependentFits.Map([5, 4, 3, 2, 1], degree, n =>
        {
            Thread.Sleep(n * 10);
            return n * n;
        });

        Assert.Equal([25, 16, 9, 4, 1], squares);
    }

    [Fact]
    public void Map_OneRunThrows_ThrowsItsExceptionUnwrapped()
    {
        var error = Assert.Throws<InvalidOperationException>(() => IndependentFits.Map([1, 2], 2, n => n == 2 ? throw new InvalidOperationException("two") : n));

        Assert.Equal("two", error.Message);
    }

    [Fact]
    public void Both_FirstThrows_WaitsForTheSecondAndThrowsTheFirstsException()
    {
        var secondFinished = false;

        var error = Assert.Throws<ArgumentException>(() => IndependentFits.Both<int, int>(
            2,
            () => throw new ArgumentException("first"),
            () =>
            {
                Thread.Sleep(50);
                secondFinished = true;
                return 2;
            }));

        Assert.Equal("first", error.Message);
        Assert.True(secondFinished);
    }

    [Fact]
    public void Both_DegreeTwo_ReturnsBothResults()
    {
        Assert.Equal((1, "two"), IndependentFits.Both(2, () => 1, () => "two"));
    }
}
