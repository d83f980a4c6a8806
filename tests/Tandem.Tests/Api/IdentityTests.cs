using System.Net;
using System.Net.Http.Json;

using Tandem.Api.Identity;
using Tandem.Contracts.Couriers;
using Tandem.Contracts.Identity;
using Tandem.Contracts.Inventory;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Api;

/// <summary>Development tokens in embedded mode, and the key that signs them.</summary>
[Collection(ApiCollection.Name)]
public sealed class IdentityTests(ApiFixture api)
{
    [Fact]
    public async Task A_dev_token_signs_in_with_the_role_and_subject_asked_for()
    {
        var courierId = TestData.NewId("courier");
        await api.Grains.Courier(new CourierId(courierId)).RegisterAsync("Test", 2, null, CourierStatus.Idle);
        using var anonymous = api.CreateClient();

        var issued = await anonymous.PostAsJsonAsync("/api/dev/token", new { role = "courier", subject = courierId }, TestContext.Current.CancellationToken);
        var token = await issued.Content.ReadFromJsonAsync<TokenResponse>(ApiFixture.Json, TestContext.Current.CancellationToken);
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token!.AccessToken);
        var own = await client.GetAsync(new Uri($"/api/couriers/{courierId}", UriKind.Relative), TestContext.Current.CancellationToken);
        var everyone = await client.GetAsync(new Uri("/api/couriers", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Equal(("Bearer", 8 * 3600), (token.TokenType, token.ExpiresIn));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden), (own.StatusCode, everyone.StatusCode));
    }

    [Fact]
    public async Task Receipts_and_counts_record_the_operator_who_made_them()
    {
        var sku = (await TestData.NewProductsAsync(api.Grains, 1, withTestLocations: false))[0];
        using var ana = api.ClientAs("ops", "ana");
        using var ben = api.ClientAs("ops", "ben");

        (await ana.ReceiveAsync(sku, "st-camden", 12, "po-77")).EnsureSuccessStatusCode();
        (await ben.PostAsJsonAsync($"/api/inventory/{sku}/st-camden/adjustments", new { countedOnHand = 10, reason = "damaged", reference = "count-1" },
            TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var history = await ana.GetFromJsonAsync<CellHistoryEntry[]>($"/api/inventory/{sku}/st-camden/history", ApiFixture.Json, TestContext.Current.CancellationToken);

        Assert.Equal(
            [("receipt", 12, "receipt:po-77", "ops:ana", (string?)null), ("adjustment", -2, "count:count-1", "ops:ben", "damaged")],
            history!.Select(h => (h.Kind, h.Delta, h.Reference, h.Actor, h.Reason)));
    }

    [Fact]
    public async Task The_token_cookie_signs_in_only_behaviour_beacons_and_the_dashboard()
    {
        var shopperId = TestData.NewId("shopper");
        var session = TestData.NewId("session");
        using var browser = api.CreateClient();
        browser.DefaultRequestHeaders.Add("Cookie", "tandem.token=" + api.Token("shopper", shopperId));
        var at = DateTimeOffset.UtcNow;

        var beacon = await browser.PostAsJsonAsync($"/api/sessions/{session}/events", new[] { new { type = "view", sku = "HOM-0001", at } }, TestContext.Current.CancellationToken);
        var cart = await browser.PostAsJsonAsync($"/api/sessions/{session}/cart", new { sku = "HOM-0001", quantity = 1 }, TestContext.Current.CancellationToken);
        var read = await browser.GetAsync(new Uri($"/api/sessions/{session}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, beacon.StatusCode);
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (cart.StatusCode, read.StatusCode)); // a cookie alone does not change or read state
        var view = await api.Grains.Session(new SessionId(session)).GetAsync();
        Assert.Equal((shopperId, 1L, 0), (view.ShopperId, view.EventsSeen, view.Cart.Count));
    }

    [Fact]
    public async Task The_signing_key_is_made_once_for_racing_processes_and_only_its_owner_can_read_it()
    {
        var path = Path.Combine(Path.GetTempPath(), "tandem-tests", Guid.NewGuid().ToString("N"), "key.pem");
        try
        {
            var keys = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => DevSigningKey.LoadOrCreate(path), TestContext.Current.CancellationToken)));
            var again = DevSigningKey.LoadOrCreate(path);

            Assert.Single(keys.Select(k => k.Key.KeyId).Append(again.Key.KeyId).Distinct());
            Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void The_development_key_lives_outside_the_repository()
    {
        var repository = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));

        Assert.False(DevSigningKey.DefaultPath.StartsWith(repository, StringComparison.Ordinal), DevSigningKey.DefaultPath);
        Assert.False(api.DevKeyPath.StartsWith(repository, StringComparison.Ordinal), api.DevKeyPath);
    }
}
