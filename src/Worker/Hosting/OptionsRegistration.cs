using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Hosting;

/// <summary>
/// How every module registers its settings, the one way: bound from the section its options class names (its
/// <c>Section</c> constant), its data annotations and <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>
/// checked when the host starts, and listed for <see cref="ChurnWatchHost.ValidateOptions"/>, so a command that does
/// not start a host checks the same settings before doing any work. No list of sections to keep in step.
/// </summary>
internal static class OptionsRegistration
{
    public static OptionsBuilder<T> AddChurnWatchOptions<T>(this IServiceCollection services)
        where T : class
    {
        services.AddSingleton(new OptionsCheck(typeof(T), provider => _ = provider.GetRequiredService<IOptions<T>>().Value));
        return services.AddOptions<T>().BindConfiguration(KnownSettings.ChurnWatch.SectionOf(typeof(T))).ValidateDataAnnotations().ValidateOnStart();
    }
}
