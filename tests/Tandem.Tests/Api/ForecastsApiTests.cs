using System.Net;
using System.Net.Http.Json;

using Tandem.Contracts.Forecasts;
using Tandem.Grains.Interfaces.Demand;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Api;

/// <summary>Operators read a cell's forecast beside its actual sales; a sale shows in today's count at once and in the forecast at the next round.</summary>
[Collection(ApiCollection.Name)]
public sealed class ForecastsApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_cell_with_two_months_of_sales_is_forecast_and_shown_with_its_actuals_and_today_s_sale()
    {
        var sku = (await TestData.NewProductsAsync(api.Grains, 1, withTestLocations: false))[0];
        var cell = new CellKey(sku, "st-camden");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await api.Grains.Demand(cell).SeedAsync([.. Enumerable.Range(1, 60).Select(back => new DemandDay { Day = today.AddDays(-back), Units = 2 + (back % 2), Revenue = 30m })]);
        await api.Grains.Demand(cell).RecordAsync(new DemandEntry { Id = TestData.NewId("sale"), At = DateTimeOffset.UtcNow, Units = 4, Revenue = 40m });
        await api.Grains.ForecastPlanner().RunAsync();
        using var ops = api.Ops();

        var response = await ops.GetFromJsonAsync<ForecastResponse>($"/api/forecasts/{sku}/st-camden", ApiFixture.Json, TestContext.Current.CancellationToken);
        var planner = await ops.GetFromJsonAsync<ForecastPlannerView>("/api/forecasts", ApiFixture.Json, TestContext.Current.CancellationToken);

        Assert.Equal((sku, "st-camden", 4), (response!.Sku, response.LocationId, response.SoldToday));
        Assert.Equal(today.AddDays(-1), response.Forecast.Origin);
        Assert.Equal(28, response.Forecast.Days.Count);
        Assert.InRange(response.Forecast.Days.Take(7).Average(d => d.Mean), 2, 3.2);
        Assert.Equal(Enumerable.Range(1, 28).Select(back => today.AddDays(-back)).Reverse(), response.Actuals.Select(a => a.Day));
        Assert.Equal(Enumerable.Range(1, 28).Select(back => 2 + (back % 2)).Reverse(), response.Actuals.Select(a => a.Units));
        Assert.NotNull(response.Forecast.Stock);
        Assert.Contains(planner!.Rounds, r => r.Cells >= 1);
        Assert.True(planner.KnownCells >= 1);
    }

    [Fact]
    public async Task A_cell_without_a_forecast_is_a_404_problem()
    {
        var sku = (await TestData.NewProductsAsync(api.Grains, 1, withTestLocations: false))[0];
        using var ops = api.Ops();

        var response = await ops.GetAsync($"/api/forecasts/{sku}/st-camden", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
