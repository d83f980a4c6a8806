using System.Net;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

using Tandem.Hosting.Configuration;

namespace Tandem.Tests.Api;

/// <summary>A silo's /metrics has no sign-in: it answers callers on the same machine only, unless opened on purpose.</summary>
public sealed class SiloMetricsTests
{
    [Theory]
    [InlineData("127.0.0.1", false, HttpStatusCode.OK)]
    [InlineData("::1", false, HttpStatusCode.OK)]
    [InlineData("10.1.2.3", false, HttpStatusCode.NotFound)]
    [InlineData("203.0.113.9", false, HttpStatusCode.NotFound)]
    [InlineData("10.1.2.3", true, HttpStatusCode.OK)]
    public async Task Metrics_answer_remote_callers_only_when_allowed(string caller, bool allowRemote, HttpStatusCode expected)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration[Observability.AllowRemoteKey] = allowRemote ? "true" : "false";
        await using var app = builder.Build();
        app.Use((http, next) =>
        {
            http.Connection.RemoteIpAddress = IPAddress.Parse(caller);
            return next(http);
        });
        app.UseLocalOnlyMetrics(app.Configuration);
        app.MapGet(Observability.MetricsPath, () => "# metrics");
        app.MapGet("/health/live", () => "Healthy");
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var client = app.GetTestClient();

        var metrics = await client.GetAsync(new Uri(Observability.MetricsPath, UriKind.Relative), TestContext.Current.CancellationToken);
        var health = await client.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal((expected, HttpStatusCode.OK), (metrics.StatusCode, health.StatusCode));
    }
}
