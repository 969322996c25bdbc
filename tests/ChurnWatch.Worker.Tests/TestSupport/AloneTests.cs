namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>
/// Tests whose moments depend on wall time (killing a process mid-run) run in this collection, alone: xUnit runs
/// collections that disable parallelisation after the others, so no other test competes for the cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneTests
{
    public const string Name = "Alone";
}
