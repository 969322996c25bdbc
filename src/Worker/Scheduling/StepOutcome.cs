namespace ChurnWatch.Worker.Scheduling;

/// <summary>How one scheduled run of a job ended; a chain goes on only after <see cref="Succeeded"/>.</summary>
internal sealed record StepOutcome(string Status, long? Rows, string? Error, int Attempts)
{
    public bool Succeeded => Status == "succeeded";
}
