using Microsoft.Extensions.DependencyInjection;

using Tandem.Grains.Infrastructure;

namespace Tandem.Grains.Intent;

/// <summary>Purchase intent in a silo: the served model and its watcher, the session log's writer, and their options (<see cref="Section"/>).</summary>
public static class IntentRegistration
{
    public const string Section = "Tandem:Intent";

    public static IServiceCollection AddIntent(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(IntentModels)))
        {
            return services;
        }

        services.AddValidatedOptions<IntentOptions>(Section, Problems);
        services.AddSingleton<IntentModels>();
        services.AddSingleton<SessionLogWriter>();
        services.AddHostedService<IntentModelWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionLogWriter>());
        return services;
    }

    private static IEnumerable<string> Problems(IntentOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ModelFolder))
        {
            yield return $"{Section}:{nameof(options.ModelFolder)} must name a folder.";
        }

        if (options.Log && string.IsNullOrWhiteSpace(options.LogFolder))
        {
            yield return $"{Section}:{nameof(options.LogFolder)} must name a folder while {Section}:{nameof(options.Log)} is on.";
        }

        if (options.ReloadEvery <= TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(options.ReloadEvery)} must be positive.";
        }
    }
}
