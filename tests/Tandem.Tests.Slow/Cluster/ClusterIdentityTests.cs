using System.Net;

using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Cluster;

/// <summary>In cluster mode the Api trusts only the configured OpenID Connect issuer.</summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class ClusterIdentityTests
{
    [Fact]
    public async Task Cluster_mode_refuses_to_start_without_an_OpenID_Connect_issuer()
    {
        var settings = new ClusterSettings("Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none", "no-issuer");
        await using var api = TandemProcess.Api("api-without-issuer", settings, TandemProcess.FreePort());

        var exitCode = await api.ExitCodeAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Cluster mode needs an OpenID Connect issuer: set Tandem:Auth:Authority and Tandem:Auth:Audience.", api.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Api_accepts_the_issuers_tokens_and_nothing_else()
    {
        await using var cluster = await ProcessCluster.CreateAsync();
        await cluster.StartSiloAsync("silo-1");
        await cluster.StartApiAsync();
        using var anonymous = new HttpClient { BaseAddress = cluster.Http.BaseAddress };
        var foreign = TestTokens.Sign(TestTokens.ForeignKey, cluster.Authority.Url, TestAuthority.Audience, "ops", "mallory");
        var otherAudience = cluster.Authority.Issue("ops", "mallory", audience: "another-app");

        var issuer = await cluster.Http.GetAsync(new Uri("/api/couriers", UriKind.Relative), TestContext.Current.CancellationToken);
        var devToken = await cluster.Http.PostJsonAsync("/api/dev/token", """{"role":"ops","subject":"mallory"}""");
        var forged = await Get(anonymous, "/api/couriers", foreign);
        var none = await anonymous.GetAsync(new Uri("/api/couriers", UriKind.Relative), TestContext.Current.CancellationToken);
        var wrongAudience = await Get(anonymous, "/api/couriers", otherAudience);
        var catalog = await anonymous.GetAsync(new Uri("/api/categories", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, issuer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, devToken.StatusCode); // not mapped: cluster mode issues no tokens
        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized],
            new[] { forged, none, wrongAudience }.Select(r => r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, catalog.StatusCode);
    }

    [Fact]
    public async Task A_cluster_on_one_machine_can_trust_the_stand_alone_development_issuer()
    {
        await using var cluster = await ProcessCluster.CreateAsync();
        var keyPath = Path.Combine(Path.GetTempPath(), "tandem-tests", Guid.NewGuid().ToString("N") + ".pem");
        var issuerPort = TandemProcess.FreePort();
        await cluster.StartCompanionAsync(TandemProcess.DevIssuer("dev-issuer", issuerPort, keyPath));
        await cluster.StartSiloAsync("silo-1");
        await cluster.StartApiAsync();
        var apiPort = TandemProcess.FreePort();
        await cluster.StartExtraApiAsync("api-dev-issuer", apiPort, new Dictionary<string, string>
        {
            ["Tandem__Auth__Authority"] = $"http://127.0.0.1:{issuerPort}",
            ["Tandem__Auth__Audience"] = "tandem",
            ["Tandem__Auth__RequireHttpsMetadata"] = "false",
        });
        using var issuer = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{issuerPort}") };
        using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}") };

        var issued = await issuer.PostJsonAsync("/api/dev/token", """{"role":"ops","subject":"local-operator"}""");
        var token = System.Text.Json.JsonDocument.Parse(await issued.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .RootElement.GetProperty("accessToken").GetString()!;
        var accepted = await Get(api, "/api/couriers", token);
        var otherIssuersToken = await Get(api, "/api/couriers", cluster.Authority.Issue("ops", "local-operator"));

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (accepted.StatusCode, otherIssuersToken.StatusCode));
        File.Delete(keyPath);
    }

    private static async Task<HttpResponseMessage> Get(HttpClient client, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
