using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

using Tandem.Grains.Infrastructure;

namespace Tandem.Grains.Experiments;

/// <summary>The experiments feature in a silo: the silo's view of the running experiments and how often it is read.</summary>
public static class ExperimentsRegistration
{
    public const string Section = "Tandem:Experiments";

    public static IServiceCollection AddExperiments(this IServiceCollection services)
    {
        services.TryAddSingleton<LiveExperiments>();
        return services.AddValidatedOptions<ExperimentOptions>(Section, Problems);
    }

    private static IEnumerable<string> Problems(ExperimentOptions options)
    {
        if (options.RefreshEvery < TimeSpan.FromMilliseconds(100) || options.RefreshEvery > TimeSpan.FromMinutes(5))
        {
            yield return $"{Section}:{nameof(options.RefreshEvery)} must be 100 ms to 5 minutes.";
        }
    }
}
