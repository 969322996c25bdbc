using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Tests.TestData;

namespace ChurnWatch.Analytics.Tests.Modeling;

/// <summary>One synthetic company, trained once for the tests that need a fitted model.</summary>
public sealed class TrainedSyntheticFixture
{
    public TrainedSyntheticFixture()
    {
        History = SyntheticCompany.Generate(accounts: 300, days: 600, seed: 2024);
        Models = ChurnModelWorkflow.Train(History, Options);
    }

    internal ModelingOptions Options { get; } = new();

    internal CompanyHistory History { get; }

    internal TrainedModels Models { get; }
}
