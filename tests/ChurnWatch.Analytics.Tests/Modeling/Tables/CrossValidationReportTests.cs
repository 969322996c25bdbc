using ChurnWatch.Analytics.Modeling.Tables;

namespace ChurnWatch.Analytics.Tests.Modeling.Tables;

public sealed class CrossValidationReportTests
{
    [Fact]
    public void Best_LowestLogLossFirst_ThenHighestAuc()
    {
        CrossValidationReport[] reports =
        [
            new("lbfgs_logistic_regression", 5, 0.7920, 0.1668, 0.0438, 1),
            new("lightgbm", 5, 0.7907, 0.1646, 0.0434, 1),
            new("other", 5, 0.7950, 0.1646, 0.0434, 1),
        ];

        Assert.Equal("other", CrossValidationReport.Best(reports).Learner);
        Assert.Equal("lightgbm", CrossValidationReport.Best(reports[..2]).Learner);
    }
}
