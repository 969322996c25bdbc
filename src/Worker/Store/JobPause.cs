namespace ChurnWatch.Worker.Store;

/// <summary>A paused job (<c>job_pauses</c>): since when, and the chain link held at it while paused, if any.</summary>
internal sealed record JobPause(string Job, string PausedAt, string? HeldTrigger);
