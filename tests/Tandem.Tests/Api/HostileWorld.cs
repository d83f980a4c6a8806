using System.Text.Json;

using Microsoft.Extensions.DependencyInjection;

using Tandem.Api.Identity;
using Tandem.Contracts.Experiments;
using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;
using Tandem.Contracts.Orders;
using Tandem.Contracts.Returns;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Orders;
using Tandem.Grains.Interfaces.Returns;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Api;

/// <summary>
/// What one hostile request could damage: a stocked product, two couriers, a session of the caller and one of
/// another shopper, that other shopper's order; the caller's collected order ({order}: 2 × {sku} and 1 × {lateSku}, whose
/// window closed) with a return of both units of {sku} handed in at Brixton ({return}), and the other shopper's collected
/// order with a return whose pickup is {otherCourier}'s ({otherReturn}); the caller answered {order}'s survey (8). <see cref="DescribeAsync"/> renders it all.
/// </summary>
internal sealed class HostileWorld
{
    public const string ShopperId = "s";
    public const string OtherShopperId = "someone-else";
    private const string Store = "st-camden";
    private const string OtherStore = "st-brixton";
    private readonly ApiFixture _api;
    private readonly Dictionary<string, string> _ids = [];

    private HostileWorld(ApiFixture api) => _api = api;

    public static async Task<HostileWorld> CreateAsync(ApiFixture api)
    {
        var world = new HostileWorld(api);
        var grains = api.Grains;
        var sku = world._ids["sku"] = (await TestData.NewProductsAsync(grains, 1, withTestLocations: false))[0];
        await grains.Cell(new CellKey(sku, Store)).ReceiveAsync(10, "opening", "test");
        foreach (var courier in new[] { "courier", "otherCourier" })
        {
            world._ids[courier] = TestData.NewId("courier");
            await grains.Courier(new CourierId(world._ids[courier])).RegisterAsync("Test", 2, new GeoPoint { Lat = 51.5, Lon = -0.1 }, CourierStatus.Idle);
        }

        world._ids["rain"] = TestData.NewId("rain");
        world._ids["soon"] = DateTimeOffset.UtcNow.AddHours(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await grains.Session(new SessionId(world._ids["session"] = TestData.NewId("session"))).ClaimAsync(new ShopperId(ShopperId));
        await grains.Session(new SessionId(world._ids["otherSession"] = TestData.NewId("session"))).ClaimAsync(new ShopperId(OtherShopperId));
        var other = await grains.Order(new OrderId(world._ids["otherOrder"] = TestData.NewId("order"))).PlaceAsync(new PlaceOrder
        {
            ShopperId = new(OtherShopperId),
            SessionId = new(world._ids["otherSession"]),
            Lines = [new OrderLineRequest { Sku = sku, Quantity = 1 }],
            Mode = FulfilmentMode.Pickup,
            PickupLocationId = Store,
        });
        if (!other.Succeeded)
        {
            throw new InvalidOperationException($"Could not place the other shopper's order: {other.Outcome}");
        }

        var late = world._ids["lateSku"] = TestData.NewSku();
        await grains.Catalog().UpsertAsync([TestData.Product(late) with { Category = TestData.NoReturnsCategory }], []);
        await grains.Cell(new CellKey(late, Store)).ReceiveAsync(1, "opening", "test");
        var order = await world.CollectedAsync(ShopperId, "session", "order", (sku, 2), (late, 1));
        if ((await grains.Order(new OrderId(order)).AnswerSurveyAsync(8)).Outcome != OrderOutcome.Applied)
        {
            throw new InvalidOperationException("Could not answer the survey of the caller's order.");
        }

        var own = grains.Return(world._ids["return"] = TestData.NewId("ret"));
        await Expect(own.RequestAsync(ReturnOf(ShopperId, order, sku, 2)));
        await Expect(own.HandInAtStoreAsync(OtherStore, "ops:brixton"));
        var otherCollected = await world.CollectedAsync(OtherShopperId, "otherSession", "otherCollected", (sku, 1));
        var foreign = grains.Return(world._ids["otherReturn"] = TestData.NewId("ret"));
        await Expect(foreign.RequestAsync(ReturnOf(OtherShopperId, otherCollected, sku, 1)));
        await Expect(foreign.SchedulePickupAsync(world._ids["otherCourier"], "ops:tests"));
        foreach (var name in new[] { "experiment", "stoppedExperiment" })
        {
            var id = world._ids[name] = TestData.NewId("exp");
            await grains.Experiment(id).CreateAsync(new ExperimentDefinition
            {
                Id = id, Name = "Hostile", Variants = [new VariantDefinition { Name = "a", Settings = new() { RecommendationStrategy = "bandit" } }, new VariantDefinition { Name = "b", Settings = new() { RecommendationStrategy = "popular" } }],
            }, "ops:tests");
        }

        await grains.Experiment(world._ids["stoppedExperiment"]).StopAsync("ops:tests");
        world._ids["newExperiment"] = TestData.NewId("exp");
        return world;
    }

    private static ReturnRequest ReturnOf(string shopper, string orderId, string sku, int quantity) => new()
    {
        ShopperId = shopper, OrderId = orderId, Sku = sku, Quantity = quantity, Reason = ReturnReason.WrongSize,
        Condition = ItemCondition.OpenedUnused, TagsAttached = true, PhotoType = "image/jpeg", Photo = TestData.TagPhoto,
    };

    private static async Task Expect(Task<ReturnResult> command)
    {
        var result = await command;
        if (result.Outcome != ReturnOutcome.Applied || result.Return!.Status == ReturnStatus.Rejected)
        {
            throw new InvalidOperationException($"Could not set up a return: {result.Outcome} {result.Detail} {result.Return?.Check.Reason}");
        }
    }

    /// <summary>An order of <paramref name="shopper"/> for pickup at the store, packed, ready and collected; its id is kept as <paramref name="name"/>.</summary>
    private async Task<string> CollectedAsync(string shopper, string session, string name, params (string Sku, int Quantity)[] lines)
    {
        var order = _api.Grains.Order(new OrderId(_ids[name] = TestData.NewId("order")));
        var placed = await order.PlaceAsync(new PlaceOrder
        {
            ShopperId = new(shopper),
            SessionId = new(_ids[session]),
            Lines = [.. lines.Select(l => new OrderLineRequest { Sku = l.Sku, Quantity = l.Quantity })],
            Mode = FulfilmentMode.Pickup,
            PickupLocationId = Store,
        });
        if (!placed.Succeeded || !(await order.PackAsync("ops:tests")).Succeeded || !(await order.MarkReadyForPickupAsync("ops:tests")).Succeeded
            || !(await order.MarkPickedUpAsync("shopper:" + shopper)).Succeeded)
        {
            throw new InvalidOperationException($"Could not collect order {_ids[name]}: {placed.Outcome} {placed.Detail}");
        }

        return _ids[name];
    }

    /// <summary>Puts this world's ids in place of <c>{sku}</c>, <c>{courier}</c>, <c>{session}</c> and the others.</summary>
    public string Fill(string text) =>
        _ids.OrderByDescending(p => p.Key.Length).Aggregate(text, (t, p) => t.Replace("{" + p.Key + "}", p.Value, StringComparison.Ordinal));

    /// <summary>The bearer token a caller of the hostile table presents, or null for none.</summary>
    public string? TokenFor(string caller)
    {
        var key = _api.Services.GetRequiredService<DevSigningKey>().Credentials;
        var expiredAt = DateTime.UtcNow.AddMinutes(-10);
        return caller switch
        {
            "shopper" => _api.Token(Roles.Shopper, ShopperId),
            "courier" => _api.Token(Roles.Courier, _ids["courier"]),
            "ops" => _api.Token(Roles.Ops, "ops-tests"),
            "camden-staff" => _api.Token(Roles.Ops, "staff-camden", Store),
            "anonymous" => null,
            "expired" => TestTokens.Sign(key, DevSigningKey.Issuer, DevSigningKey.Audience, Roles.Shopper, ShopperId, expiredAt, expiredAt.AddHours(-1)),
            "forged" => TestTokens.Sign(TestTokens.ForeignKey, DevSigningKey.Issuer, DevSigningKey.Audience, Roles.Shopper, ShopperId),
            "other-audience" => TestTokens.Sign(key, DevSigningKey.Issuer, "another-app", Roles.Shopper, ShopperId),
            "other-issuer" => TestTokens.Sign(key, "https://issuer.example", DevSigningKey.Audience, Roles.Shopper, ShopperId),
            "garbage" => "not-a.token.at-all",
            "no-role" => TestTokens.Sign(key, DevSigningKey.Issuer, DevSigningKey.Audience, null, ShopperId),
            _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, "Unknown caller."),
        };
    }

    /// <summary>Everything in this world, as JSON.</summary>
    public async Task<string> DescribeAsync()
    {
        var grains = _api.Grains;
        var state = new object?[]
        {
            await grains.Cell(new CellKey(_ids["sku"], Store)).GetSnapshotAsync(),
            await grains.Courier(new CourierId(_ids["courier"])).GetAsync(),
            await grains.Courier(new CourierId(_ids["otherCourier"])).GetAsync(),
            await grains.Session(new SessionId(_ids["session"])).GetAsync(),
            await grains.Session(new SessionId(_ids["otherSession"])).GetAsync(),
            await grains.Order(new OrderId(_ids["otherOrder"])).GetAsync(),
            (await grains.Promotions().GetAsync()).Items.Where(p => p.Sku == _ids["sku"]).ToList(),
            (await grains.Weather().GetRainAsync()).Where(r => r.Id == _ids["rain"]).ToList(),
            await grains.DispatchRecord(new OrderId(_ids["otherOrder"])).GetAsync(),
            await grains.Order(new OrderId(_ids["order"])).GetAsync(),
            await grains.Order(new OrderId(_ids["otherCollected"])).GetAsync(),
            await grains.Return(_ids["return"]).GetAsync(),
            await grains.Return(_ids["otherReturn"]).GetAsync(),
            await grains.Cell(new CellKey(_ids["sku"], OtherStore)).GetSnapshotAsync(),
            await grains.Experiment(_ids["experiment"]).GetAsync(),
            await grains.Experiment(_ids["stoppedExperiment"]).GetAsync(),
            await grains.Experiment(_ids["newExperiment"]).GetAsync(),
        };
        return JsonSerializer.Serialize(state, ApiFixture.Json);
    }
}
