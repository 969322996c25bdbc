namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>The browser tests share one Chromium (<see cref="ChromiumFixture"/>) and run one at a time within it.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Browser";
}
