namespace ChurnWatch.Worker.Scheduling;

/// <summary>One run of a job as the scheduler starts it.</summary>
/// <param name="Job">The job's name.</param>
/// <param name="Trigger">What started it: a <c>Schedule</c> key, <c>chain after ingest</c>, <c>manual (jobs trigger)</c>.</param>
/// <param name="Node">The node that runs it.</param>
/// <param name="HangfireJobId">The Hangfire background job; a second run of one id is the recovery of a run whose node died.</param>
/// <param name="Chain">Whether the job's chain goes on after it.</param>
internal sealed record StepRun(string Job, string? Trigger, string Node, string? HangfireJobId, bool Chain);
