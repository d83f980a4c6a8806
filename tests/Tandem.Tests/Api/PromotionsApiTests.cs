using System.Net;
using System.Net.Http.Json;

using Tandem.Contracts.Recommendations;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class PromotionsApiTests(ApiFixture api)
{
    [Fact]
    public async Task Ops_promote_a_product_once_however_often_they_ask_and_end_it_the_same_way()
    {
        var sku = (await TestData.NewProductsAsync(api.Grains, 1, withTestLocations: false))[0];
        using var ops = api.Ops();
        var until = DateTimeOffset.UtcNow.AddDays(7);
        var cancel = TestContext.Current.CancellationToken;

        var puts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => ops.PutAsJsonAsync($"/api/promotions/{sku}", new { reason = "Winter clearance", until }, cancel)));
        var promoted = await Task.WhenAll(puts.Select(p => p.Content.ReadFromJsonAsync<Promotion>(ApiFixture.Json, cancel)));
        var listed = await ops.GetFromJsonAsync<Promotions>("/api/promotions", ApiFixture.Json, cancel);
        using var end = await ops.DeleteAsync(new Uri($"/api/promotions/{sku}", UriKind.Relative), cancel);
        using var endAgain = await ops.DeleteAsync(new Uri($"/api/promotions/{sku}", UriKind.Relative), cancel);
        var after = await ops.GetFromJsonAsync<Promotions>("/api/promotions", ApiFixture.Json, cancel);

        Assert.All(puts, p => Assert.Equal(HttpStatusCode.OK, p.StatusCode));
        Assert.Single(promoted.Select(p => (p!.Sku, p.Reason, p.Source, p.Since, p.Until)).Distinct());
        Assert.Equal(("Winter clearance", "ops", until, "test"), (promoted[0]!.Reason, promoted[0]!.Source, promoted[0]!.Until, promoted[0]!.Category));
        Assert.Equal(promoted[0]!.Since, listed!.Items.Single(p => p.Sku == sku).Since);
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (end.StatusCode, endAgain.StatusCode));
        Assert.DoesNotContain(sku, after!.Items.Select(p => p.Sku));
        Assert.Equal(listed.Version + 1, after.Version);
    }
}
