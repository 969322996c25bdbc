namespace ChurnWatch.Worker.Store;

/// <summary>A run asked for by <c>churnwatch jobs trigger</c>, the dashboard or a resume (<c>job_requests</c>), waiting for a node to take it.</summary>
/// <param name="ChainFlag">1 when the run goes on with the job's chain after it succeeded, else 0 (as stored).</param>
internal sealed record JobRequest(long RequestId, string Job, long ChainFlag, string FiredBy)
{
    public bool Chain => ChainFlag != 0;
}
