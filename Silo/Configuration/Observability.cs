using OpenTelemetry.Metrics;
using Tandem.Grains.Infrastructure;

namespace Tandem.Silo.Configuration;

/// <summary>
/// Metrics for Prometheus at <c>/metrics</c>: ASP.NET Core, the .NET runtime, Orleans (<c>Microsoft.Orleans</c>)
/// and Tandem's own meter (reservations, order transitions, stream lag).
/// </summary>
public static class Observability
{
    public const string MetricsPath = "/metrics";

    public static IHostApplicationBuilder AddTandemMetrics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter("Microsoft.Orleans")
            .AddMeter(TandemMetrics.MeterName)
            .AddPrometheusExporter());
        return builder;
    }

    public static IEndpointConventionBuilder MapTandemMetrics(this IEndpointRouteBuilder app) =>
        app.MapPrometheusScrapingEndpoint(MetricsPath);
}
