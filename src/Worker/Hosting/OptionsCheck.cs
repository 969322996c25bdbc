namespace ChurnWatch.Worker.Hosting;

/// <summary>A registered options class and how to resolve it, which validates it (<see cref="OptionsRegistration"/>).</summary>
internal sealed record OptionsCheck(Type Options, Action<IServiceProvider> Resolve);
