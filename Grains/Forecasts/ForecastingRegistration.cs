using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

using Tandem.Grains.Demand;
using Tandem.Grains.Forecasts.Signals;
using Tandem.Grains.Infrastructure;

namespace Tandem.Grains.Forecasts;

/// <summary>The forecasting feature in a silo: its options, bound from <see cref="Section"/> and checked before the silo starts, and its signal source.</summary>
public static class ForecastingRegistration
{
    public const string Section = "Tandem:Forecasts";

    public static IServiceCollection AddForecasting(this IServiceCollection services)
    {
        services.AddValidatedOptions<ForecastingOptions>(Section, Problems);
        services.AddSingleton(sp => SourceFor(sp.GetRequiredService<IOptions<ForecastingOptions>>().Value));
        services.TryAddSingleton<IDemandFacts, NoDemandFacts>(); // a cluster registers its PostgreSQL tables first
        return services;
    }

    /// <summary>The source a setting names: none, the simulated one, an http(s) address, else a file.</summary>
    public static IDemandSignalSource SourceFor(ForecastingOptions options) => options.Signals switch
    {
        "" => new NoSignalSource(),
        "simulated" => new SimulatedSignalSource(options.SignalSeed),
        var s when Uri.TryCreate(s, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" => new HttpSignalSource(new HttpClient { Timeout = TimeSpan.FromSeconds(10) }, url),
        var path => new FileSignalSource(path),
    };

    private static IEnumerable<string> Problems(ForecastingOptions options)
    {
        if (options.Every < TimeSpan.FromMinutes(1))
        {
            yield return $"{Section}:{nameof(options.Every)} must be at least a minute (a reminder's shortest period).";
        }

        if (options.RetrainEvery < options.Every)
        {
            yield return $"{Section}:{nameof(options.RetrainEvery)} must be at least {nameof(options.Every)}.";
        }

        if (!(options.ServiceLevel is > 0.5 and < 1))
        {
            yield return $"{Section}:{nameof(options.ServiceLevel)} must lie between 0.5 and 1.";
        }

        if (options.Paths is < 100 or > 1_000_000)
        {
            yield return $"{Section}:{nameof(options.Paths)} must be 100–1,000,000.";
        }

        if (options.LeadTimes.Count == 0 || options.LeadTimes.Any(l => l is < 1 or > 365))
        {
            yield return $"{Section}:{nameof(options.LeadTimes)} must list lead times of 1–365 days.";
        }

        if (options.ObservedLeadTimesFrom is < 1 or > Interfaces.Supply.ISupplyPlanGrain.KeptLeadTimes)
        {
            yield return $"{Section}:{nameof(options.ObservedLeadTimesFrom)} must be 1–{Interfaces.Supply.ISupplyPlanGrain.KeptLeadTimes}.";
        }

        if (options.TrainingWeeks is < 1 or > 52)
        {
            yield return $"{Section}:{nameof(options.TrainingWeeks)} must be 1–52.";
        }

        if (options.ModelDays < 57 || options.ModelCells < 1)
        {
            yield return $"{Section}:{nameof(options.ModelDays)} must be at least 57 (a held-out month after four weeks) and {nameof(options.ModelCells)} positive.";
        }
    }
}
