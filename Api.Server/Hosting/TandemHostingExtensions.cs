using Microsoft.Extensions.DependencyInjection.Extensions;

using Orleans.Dashboard;

using Scalar.AspNetCore;

using Tandem.Api.Catalog;
using Tandem.Api.Couriers;
using Tandem.Api.Dispatch;
using Tandem.Api.Experiments;
using Tandem.Api.Forecasts;
using Tandem.Api.Http;
using Tandem.Api.Hubs;
using Tandem.Api.Identity;
using Tandem.Api.Inventory;
using Tandem.Api.Kpis;
using Tandem.Api.Lineage;
using Tandem.Api.Orders;
using Tandem.Api.Push;
using Tandem.Api.Recommendations;
using Tandem.Api.Returns;
using Tandem.Api.Relay;
using Tandem.Api.Sessions;
using Tandem.Api.Supply;
using Tandem.Api.Weather;
using Tandem.Contracts.Json;
using Tandem.Grains.Push;
using Tandem.Hosting.Configuration;

namespace Tandem.Api.Hosting;

public static class TandemHostingExtensions
{
    /// <summary>
    /// Everything the Api process needs. With no cluster configured (no <c>ConnectionStrings:Tandem</c>) it
    /// co-hosts an in-memory silo using the same silo configuration as a silo-only node; with one it is a
    /// stateless Orleans client of the cluster, unless <c>Tandem:Api:HostSilo</c> asks it to co-host a
    /// PostgreSQL-backed silo (a single-node deployment).
    /// </summary>
    public static WebApplicationBuilder AddTandem(this WebApplicationBuilder builder)
    {
        var hostSilo = TandemClusterOptions.ConnectionString(builder.Configuration) is null
            || builder.Configuration.GetValue<bool>("Tandem:Api:HostSilo");
        if (hostSilo)
        {
            builder.AddTandemSilo();
        }
        else
        {
            builder.UseOrleansClient(client => client.UseTandemCluster(builder.Configuration));
            builder.AddTandemMetrics();
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));

        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = AuthProblems.Describe);
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<UnavailableExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o => TandemJson.Configure(o.SerializerOptions));
        builder.Services.AddOpenApi(o => o.AddBearerSecurity().DescribeWhatTandemWrites().AddHubPayloadSchemas());
        builder.AddTandemAuthentication();
        builder.Services.AddPush();
        builder.Services.AddTandemCors(builder.Configuration);
        builder.Services.AddTandemRateLimits(builder.Configuration);
        builder.Services.AddSignalR().AddJsonProtocol(o => TandemJson.Configure(o.PayloadSerializerOptions));
        builder.Services.AddTandemHealthChecks();
        builder.Services.AddTandemRelay();
        builder.Services.AddLineage();
        return builder;
    }

    public static WebApplication MapTandem(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebClientFiles();
        app.UseRouting();
        app.UseNotFoundForMissingPages();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseBodyLimits();
        app.UseWebSockets();

        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        app.MapWebClients();

        app.MapHealthApi();
        app.MapTandemMetrics().RequireAuthorization(Roles.Ops);
        if (SiloConfiguration.DashboardEnabled(app.Configuration))
        {
            app.MapOrleansDashboard("/dashboard").RequireAuthorization(Roles.Ops);
        }

        if (AuthenticationSetup.DevTokensEnabled(app.Configuration))
        {
            app.MapDevTokenApi();
        }
        app.MapCatalogApi();
        app.MapInventoryApi();
        app.MapOrdersApi();
        app.MapReturnsApi();
        app.MapCouriersApi();
        app.MapDispatchApi();
        app.MapPushApi();
        app.MapSessionsApi();
        app.MapRecommendationsApi();
        app.MapPromotionsApi();
        app.MapWeatherApi();
        app.MapForecastsApi();
        app.MapSupplyApi();
        app.MapExperimentsApi();
        app.MapKpisApi();
        app.MapLineageApi();
        app.MapTandemHubs();
        return app;
    }
}
