using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tandem.Hosting.Health;

/// <summary>Ready once this silo is an active member of the cluster.</summary>
public sealed class SiloActiveCheck(ISiloStatusOracle silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(silo.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Silo is {silo.CurrentStatus}."));
}
