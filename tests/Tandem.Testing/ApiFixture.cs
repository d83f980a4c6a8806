using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

using Orleans.Streams.Filtering;

using Tandem.Api.Hosting;
using Tandem.Api.Identity;
using Tandem.Contracts.Inventory;
using Tandem.Contracts.Json;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Streams;
using Tandem.Hosting.Demo;

namespace Tandem.Tests.Infrastructure;

/// <summary>
/// The Api as a user starts it (embedded silo, demo city), on free silo ports, behind the in-memory test server or
/// on a real Kestrel port. It is hosted from Tandem.Api.Server as the Api executable hosts it, with the web clients
/// from the Api folder.
/// </summary>
public class ApiFixture : IAsyncLifetime
{
    private readonly Lock _startLock = new();
    private WebApplication? _app;

    public static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary>The one origin the test Api allows cross-origin calls from.</summary>
    public const string AllowedOrigin = "https://shop.tandem.test";

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>Where the app listens when it runs on a real port, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Serve on a real Kestrel port (browsers and the simulator need one) instead of the in-memory test server.</summary>
    protected virtual bool OnRealPort => false;

    /// <summary>How long a courier has to answer an offer: short here, so a test sees one expire.</summary>
    protected virtual TimeSpan OfferTimeout => TimeSpan.FromSeconds(4);

    /// <summary>The running app's services; the first use starts the app (as a test server starts on first use).</summary>
    public IServiceProvider Services => Started().Services;

    /// <summary>The in-memory test server (not there when the app runs on a real port).</summary>
    public TestServer Server => (TestServer)Services.GetRequiredService<IServer>();

    /// <summary>An anonymous client of the app.</summary>
    public HttpClient CreateClient()
    {
        Started();
        return OnRealPort ? new HttpClient { BaseAddress = new Uri(BaseUrl) } : Server.CreateClient();
    }

    public virtual async ValueTask InitializeAsync()
    {
        using var client = CreateClient();
        await Services.GetRequiredService<DemoSeedStatus>().Completion.WaitAsync(TimeSpan.FromSeconds(60));
        await Grains.Catalog().UpsertAsync([], [TestData.Camden, TestData.Brixton, TestData.Warehouse]); // ready needs locations, also without the demo city
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        if (ready.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The Api is not ready after seeding: {await ready.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Where this fixture keeps its development signing key (a fresh one per fixture).</summary>
    public string DevKeyPath { get; } = Path.Combine(Path.GetTempPath(), "tandem-tests", Guid.NewGuid().ToString("N") + ".pem");

    /// <summary>Where this fixture keeps its VAPID key (a fresh one per fixture).</summary>
    public string VapidKeyPath { get; } = Path.Combine(Path.GetTempPath(), "tandem-tests", Guid.NewGuid().ToString("N") + ".vapid.pem");

    /// <summary>A development token, as <c>POST /api/dev/token</c> issues it.</summary>
    public string Token(string role, string subject, string? store = null) => Services.GetRequiredService<DevTokenIssuer>().Issue(role, subject, store);

    /// <summary>A client signed in with <paramref name="role"/> as <paramref name="subject"/>.</summary>
    public HttpClient ClientAs(string role, string subject)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Token(role, subject));
        return client;
    }

    /// <summary>A client signed in as an operator.</summary>
    public HttpClient Ops() => ClientAs(Roles.Ops, "ops-tests");

    /// <summary>A SignalR connection over WebSockets through the test server; <paramref name="token"/> signs it in.</summary>
    public HubConnection Hub(string route, string? token = null) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, route), o =>
            {
                if (token is not null)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }

                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.HttpMessageHandlerFactory = _ => Server.CreateHandler();
                // As a browser does: WebSockets carry the token in the access_token query.
                o.WebSocketFactory = async (context, cancellationToken) =>
                    await Server.CreateWebSocketClient().ConnectAsync(
                        token is null ? context.Uri : new Uri(context.Uri + (context.Uri.Query.Length > 0 ? "&" : "?") + "access_token=" + Uri.EscapeDataString(token)),
                        cancellationToken);
            })
            .AddJsonProtocol(o => TandemJson.Configure(o.PayloadSerializerOptions))
            .Build();

    private WebApplication Started()
    {
        lock (_startLock)
        {
            if (_app is not null)
            {
                return _app;
            }

            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                ApplicationName = "Tandem.Api",
                EnvironmentName = Environments.Development,
                ContentRootPath = Path.Combine(Repository.Root, "Api"),
            });
            if (OnRealPort)
            {
                builder.WebHost.UseUrls("http://127.0.0.1:0");
            }
            else
            {
                builder.WebHost.UseTestServer();
            }

            ConfigureWebHost(builder.WebHost);
            builder.AddTandem();
            _app = builder.Build();
            _app.MapTandem();
            _app.StartAsync().GetAwaiter().GetResult(); // the silo, then demo seeding in the background
            if (OnRealPort)
            {
                BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
                    .Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
            }

            return _app;
        }
    }

    /// <summary>Stock of a sku at a location, read over HTTP.</summary>
    public async Task<LocationAvailability> AvailabilityAsync(HttpClient client, string sku, string locationId)
    {
        var all = await client.GetFromJsonAsync<ProductAvailability>($"/api/products/{sku}/availability", Json);
        return all!.Locations.Single(l => l.LocationId == locationId);
    }

    /// <summary>Settings and services of this fixture's app; a derived fixture adds its own after calling this.</summary>
    protected virtual void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Tandem:Cluster:SiloPort", TandemProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Tandem:Cluster:GatewayPort", TandemProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Tandem:Cluster:ClusterId", "test-" + Guid.NewGuid().ToString("N")[..8]);
        builder.UseSetting("Tandem:Cors:AllowedOrigins:0", AllowedOrigin);
        builder.UseSetting("Tandem:RateLimits:OrdersPerMinute", "1000000"); // load tests, not budgets, are measured here
        builder.UseSetting("Tandem:RateLimits:EventBatchesPerMinute", "1000000");
        builder.UseSetting("Tandem:Auth:DevKeyPath", DevKeyPath);
        builder.UseSetting("Tandem:Push:VapidKeyPath", VapidKeyPath);
        builder.UseSetting("Tandem:Intent:Log", "false"); // the grain tests read the session log
        builder.UseSetting("Tandem:Demo:DemandDays", "0"); // the forecast tests give their cells their own sales
        builder.UseSetting("Tandem:Intent:ModelFolder", Path.Combine(Path.GetTempPath(), "tandem-tests", "no-intent-models"));
        builder.UseSetting("Tandem:Returns:CategoryWindowDays:" + TestData.NoReturnsCategory, "0"); // a line whose window closed at once
        builder.UseSetting("Tandem:Experiments:RefreshEvery", "00:00:00.200"); // a started experiment reaches the pages soon
        builder.UseSetting("Tandem:Push:AllowLoopback", "true"); // the test push service runs on this machine
        builder.UseSetting("Tandem:Push:SendTimeout", "00:00:02"); // a push service that never answers is given up soon
        builder.UseSetting("Tandem:Dispatch:OfferTimeout", OfferTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureServices(services => services.AddKeyedSingleton<IStreamFilter, DroppedEvents>(StreamMap.Provider));
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
        File.Delete(DevKeyPath);
        File.Delete(VapidKeyPath);
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        TandemJson.Configure(options);
        return options;
    }
}
