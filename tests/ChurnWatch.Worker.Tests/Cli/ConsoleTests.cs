namespace ChurnWatch.Worker.Tests.Cli;

/// <summary>Tests that redirect or write the process-wide console run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleTests
{
    public const string Name = "Console";
}
