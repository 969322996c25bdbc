namespace ChurnWatch.Worker.Pipeline;

/// <summary>Where pipeline steps report how far they are: a progress bar on a terminal, nothing in tests.</summary>
internal interface IPipelineProgress
{
    /// <summary>A step starts; later <see cref="Report"/> calls belong to it.</summary>
    void Begin(string step);

    /// <summary>The current step is this far, 0 to 1.</summary>
    void Report(double fraction);

    /// <summary>The current step is done.</summary>
    void End();
}
