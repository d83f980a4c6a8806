using System.Globalization;
using System.Net;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Tandem.Grains.Interfaces.Keys;
using Tandem.Hosting.Configuration;

namespace Tandem.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL-backed Tandem cluster of real processes on loopback: silos, one Api, and an Orleans client
/// inside the test for setting up the catalog.
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>What a host prints once every hosted service (migrations, silo or client, relay) has started.</summary>
    private const string Started = "Application started";

    private readonly List<TandemProcess> _processes = [];
    private IHost? _client;

    private ProcessCluster(TestDatabase database, TestAuthority authority)
    {
        Database = database;
        Authority = authority;
        Settings = new ClusterSettings(database.ConnectionString, "fault-" + Guid.NewGuid().ToString("N")[..8]);
        Http = new HttpClient { Timeout = TimeSpan.FromSeconds(10), BaseAddress = new Uri($"http://127.0.0.1:{ApiPort}") };
        Http.DefaultRequestHeaders.Authorization = new("Bearer", authority.Issue("ops", "fault-tests"));
    }

    public TestDatabase Database { get; }

    /// <summary>The OpenID Connect issuer the cluster's Api nodes trust.</summary>
    public TestAuthority Authority { get; }

    public ClusterSettings Settings { get; }

    public int ApiPort { get; } = TandemProcess.FreePort();

    /// <summary>A client of the Api signed in as an operator.</summary>
    public HttpClient Http { get; }

    public TandemProcess? Api { get; private set; }

    public IReadOnlyList<TandemProcess> Silos => [.. _processes.Where(p => p.Name.StartsWith("silo", StringComparison.Ordinal))];

    public static async Task<ProcessCluster> CreateAsync() => new(await Postgres.NewDatabaseAsync(), await TestAuthority.StartAsync());

    /// <summary>
    /// Starts a silo and waits until it has started, which it does once it is an active cluster member;
    /// <paramref name="settings"/> add to its environment.
    /// </summary>
    public async Task<TandemProcess> StartSiloAsync(string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        var siloPort = TandemProcess.FreePort();
        var silo = TandemProcess.Silo(name, Settings, siloPort, TandemProcess.FreePort(), settings);
        _processes.Add(silo);
        await silo.WaitForOutputAsync(Started, StartTimeout);
        var active = await Postgres.ScalarAsync<long>(Settings.ConnectionString, string.Create(CultureInfo.InvariantCulture,
            $"SELECT count(*) FROM orleans_membership WHERE deployment_id = '{Settings.ClusterId}' AND port = {siloPort} AND status = 3"));
        return active == 1 ? silo : throw new InvalidOperationException($"{name} started but is not active.\n{Logs()}");
    }

    /// <summary>Starts the Api (an Orleans client of the cluster) on <see cref="ApiPort"/> and waits until it is ready.</summary>
    public async Task<TandemProcess> StartApiAsync()
    {
        Api = await StartExtraApiAsync("api", ApiPort);
        return Api;
    }

    /// <summary>
    /// Starts another Api node on its own port and waits until it has started and answers ready. It trusts
    /// <see cref="Authority"/> unless <paramref name="settings"/> say otherwise.
    /// </summary>
    public async Task<TandemProcess> StartExtraApiAsync(string name, int port, IReadOnlyDictionary<string, string>? settings = null)
    {
        // An Api is ready only once the catalog has locations; these silos seed no demo city, so the tests' own go in.
        await (await GrainsAsync()).Catalog().UpsertAsync([], [TestData.Camden, TestData.Brixton, TestData.Warehouse]);
        var api = TandemProcess.Api(name, Settings, port, settings ?? Authority.ApiSettings());
        _processes.Add(api);
        await api.WaitForOutputAsync(Started, StartTimeout);
        using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        var ready = await probe.GetAsync(new Uri("/health/ready", UriKind.Relative));
        return ready.StatusCode == HttpStatusCode.OK ? api : throw new InvalidOperationException($"{name} started but is not ready.\n{Logs()}");
    }

    /// <summary>Starts a process that is not part of the cluster but lives and dies with it, and waits until it has started.</summary>
    public async Task<TandemProcess> StartCompanionAsync(TandemProcess process)
    {
        _processes.Add(process);
        await process.WaitForOutputAsync(Started, StartTimeout);
        return process;
    }

    /// <summary>An Orleans client of this cluster inside the test process.</summary>
    public async Task<IGrainFactory> GrainsAsync()
    {
        if (_client is null)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Tandem"] = Settings.ConnectionString,
                ["Tandem:Cluster:ClusterId"] = Settings.ClusterId,
                ["Tandem:Cluster:ServiceId"] = Settings.ClusterId,
            });
            builder.UseOrleansClient(client => client.UseTandemCluster(builder.Configuration));
            _client = builder.Build();
            await _client.StartAsync();
        }

        return _client.Services.GetRequiredService<IGrainFactory>();
    }

    /// <summary>New products with <paramref name="stock"/> units each at the test store, received over HTTP.</summary>
    public async Task<string[]> StockedSkusAsync(int count, int stock)
    {
        var skus = await TestData.NewProductsAsync(await GrainsAsync(), count);
        foreach (var sku in skus)
        {
            (await Http.ReceiveAsync(sku, TestData.Camden.Id, stock, "opening")).EnsureSuccessStatusCode();
        }

        return skus;
    }

    /// <summary>Stops every process gracefully (the Api first).</summary>
    public async Task StopAllAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
            _client = null;
        }

        foreach (var process in _processes.OrderBy(p => p.Name.StartsWith("api", StringComparison.Ordinal) ? 0 : 1))
        {
            await process.StopAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>What every process printed, for a failure message.</summary>
    public string Logs() => string.Join("\n", _processes.Select(p => $"===== {p.Name} =====\n{p.Output}"));

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        Http.Dispose();
        await Authority.DisposeAsync();
        await Database.DisposeAsync();
    }
}
