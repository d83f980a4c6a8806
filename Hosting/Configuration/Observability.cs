using OpenTelemetry.Metrics;

using Tandem.Grains.Infrastructure;

namespace Tandem.Hosting.Configuration;

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

    /// <summary>Lets a silo's metrics be scraped from other machines (off by default: only loopback callers).</summary>
    public const string AllowRemoteKey = "Tandem:Metrics:AllowRemote";

    public static IEndpointConventionBuilder MapTandemMetrics(this IEndpointRouteBuilder app) =>
        app.MapPrometheusScrapingEndpoint(MetricsPath);

    /// <summary>
    /// A silo's /metrics has no sign-in, so it answers only callers on this machine unless <see cref="AllowRemoteKey"/>
    /// is set (for a scraper inside a network the operator closed, e.g. by deploy/k8s/network-policy.yaml); others get 404.
    /// </summary>
    public static IApplicationBuilder UseLocalOnlyMetrics(this IApplicationBuilder app, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>(AllowRemoteKey))
        {
            return app;
        }

        return app.Use((http, next) =>
            http.Request.Path.StartsWithSegments(MetricsPath) && http.Connection.RemoteIpAddress is { } caller && !System.Net.IPAddress.IsLoopback(caller)
                ? Results.NotFound().ExecuteAsync(http)
                : next(http));
    }
}
