using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

using Tandem.Grains.Infrastructure;

namespace Tandem.Grains.Kpis;

/// <summary>The live KPIs in a silo: where their history goes and how often.</summary>
public static class KpisRegistration
{
    public const string Section = "Tandem:Kpis";

    public static IServiceCollection AddKpis(this IServiceCollection services)
    {
        services.TryAddSingleton<IKpiFacts, NoKpiFacts>(); // a cluster registers its PostgreSQL table first
        return services.AddValidatedOptions<KpiOptions>(Section, Problems);
    }

    private static IEnumerable<string> Problems(KpiOptions options)
    {
        if (options.SaveEvery < TimeSpan.FromMilliseconds(100) || options.SaveEvery > TimeSpan.FromMinutes(5))
        {
            yield return $"{Section}:{nameof(options.SaveEvery)} must be 100 ms to 5 minutes.";
        }

        if (options.CensusEvery < TimeSpan.FromSeconds(1) || options.CensusEvery > TimeSpan.FromHours(1))
        {
            yield return $"{Section}:{nameof(options.CensusEvery)} must be 1 second to 1 hour.";
        }
    }
}
