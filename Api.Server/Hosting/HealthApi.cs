using Microsoft.Extensions.Diagnostics.HealthChecks;

using Tandem.Grains.Interfaces.Keys;
using Tandem.Hosting.Demo;

namespace Tandem.Api.Hosting;

public static class HealthApi
{
    private const string Ready = "ready";

    public static IServiceCollection AddTandemHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<ClusterReadyCheck>("cluster", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Ready when grains answer and the catalog has locations: until then (the demo city still being seeded, or no
    /// catalog loaded yet) a client would see an empty shop.
    /// </summary>
    private sealed class ClusterReadyCheck(IGrainFactory grains, IServiceProvider services) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (services.GetService<DemoSeedStatus>() is { IsComplete: false })
            {
                return HealthCheckResult.Unhealthy("Demo data is still being seeded.");
            }

            try
            {
                var locations = await grains.Catalog().GetLocationsAsync().WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
                return locations.Count > 0
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy("The catalog has no locations yet.");
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy("Grains do not answer.", ex);
            }
        }
    }
}
