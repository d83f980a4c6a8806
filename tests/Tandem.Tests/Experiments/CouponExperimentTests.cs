using Tandem.Brains.Experiments;
using Tandem.Contracts.Experiments;
using Tandem.Contracts.Orders;
using Tandem.Contracts.Returns;
using Tandem.Grains.Experiments;
using Tandem.Grains.Interfaces.Experiments;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Returns;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Experiments;

/// <summary>
/// The returns' coupon uplift as an experiment setting per shopper: the coupon offered is the shopper's variant's, the
/// shopper is counted once when a return of theirs is offered it, and a return settled with it is the conversion. In a
/// cluster of its own: a running coupon experiment changes every return's coupon.
/// </summary>
public sealed class CouponExperimentTests(SweepingClusterFixture fixture) : IClassFixture<SweepingClusterFixture>
{
    private const decimal Price = 20m;

    private IGrainFactory Grains => fixture.Grains;

    private static ExperimentDefinition Definition(string id) => new()
    {
        Id = id, Name = "Richer coupons",
        Variants = [new VariantDefinition { Name = "ten", Settings = new() { CouponUplift = 0.10m } }, new VariantDefinition { Name = "thirty", Settings = new() { CouponUplift = 0.30m } }],
        BaseRate = 0.5, MinimumEffect = 0.1,
    };

    /// <summary>A collected pickup order of one unit for <paramref name="shopper"/>, and a return of it for <paramref name="reason"/>.</summary>
    private async Task<ReturnView> ReturnedAsync(string sku, string shopper, ReturnReason reason)
    {
        var order = Grains.Order(new OrderId(TestData.NewId("o")));
        var placed = await order.PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (sku, 1)) with { ShopperId = new(shopper), SessionId = new("s-" + shopper) });
        Assert.Equal(OrderOutcome.Applied, placed.Outcome);
        await order.PackAsync("packer");
        await order.MarkReadyForPickupAsync("store");
        await order.MarkPickedUpAsync("shopper:" + shopper);
        var id = TestData.NewId("ret");
        var request = new ReturnRequest
        {
            ShopperId = shopper, OrderId = order.GetPrimaryKeyString(), Sku = sku, Quantity = 1, Reason = reason,
            Condition = ItemCondition.OpenedUnused, TagsAttached = true, PhotoType = "image/jpeg", Photo = TestData.TagPhoto,
        };
        var made = await Grains.Return(id).RequestAsync(request);
        var again = await Grains.Return(id).RequestAsync(request); // a client's retry: the same offer, no second exposure
        Assert.Equal((ReturnOutcome.Replayed, made.Return!.Compensation), (again.Outcome, again.Return!.Compensation));
        if (made.Return.Status == ReturnStatus.InReview)
        {
            made = await Grains.Return(id).ReviewAsync(approve: true, "ops:reviewer", null);
        }

        Assert.Equal(ReturnStatus.Approved, made.Return!.Status);
        return made.Return;
    }

    [Fact]
    public void Shoppers_are_assigned_while_the_experiment_runs_and_two_coupon_experiments_never_run_together()
    {
        var now = new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
        var running = new ExperimentView { Definition = Definition("exp-a"), Status = ExperimentStatus.Running, CreatedAt = now, CreatedBy = "ops:ann", StartedAt = now, Version = 2 };
        var layout = new ExperimentDefinition
        {
            Id = "exp-layout", Name = "Layout", Segments = ["cart"],
            Variants = [new() { Name = "a", Settings = new() { Layout = "standard" } }, new() { Name = "b", Settings = new() { Layout = "picks-first" } }],
        };

        var met = ExperimentUnits.FindShopper([running], nameof(VariantSettings.CouponUplift), "shopper-1", now);

        Assert.Equal((Assignment.Assign("exp-a", "shopper-1", [new Variant("ten", 1), new Variant("thirty", 1)], 1), now), (met!.Variant, met.At));
        Assert.Null(ExperimentUnits.FindShopper([running with { Status = ExperimentStatus.Stopped }], nameof(VariantSettings.CouponUplift), "shopper-1", now));
        Assert.Null(ExperimentUnits.FindShopper([running], nameof(VariantSettings.Layout), "shopper-1", now));
        Assert.Equal(ExperimentUnitKinds.Shopper, ExperimentUnitKinds.Of(nameof(VariantSettings.CouponUplift)));
        Assert.Contains("CouponUplift", ExperimentLayers.Clash(Definition("exp-b"), [Definition("exp-a")]), StringComparison.Ordinal); // shoppers are not targeted: they always meet
        Assert.Null(ExperimentLayers.Clash(Definition("exp-b"), [layout]));
    }

    [Fact]
    public void Beside_sessions_a_shopper_s_conversions_are_compared_with_the_control_s_and_zones_never_convert()
    {
        var definition = Definition("exp-c") with
        {
            Variants = [.. Definition("exp-c").Variants.Select((v, i) => v with { Settings = v.Settings with { Layout = i == 0 ? "standard" : "picks-first", DispatchWindowSeconds = 5 } })],
        };
        var sessions = ExperimentReport.Of(definition, [new VariantTally { Variant = 0, Exposed = 10 }, new VariantTally { Variant = 1, Exposed = 10 }], DateTimeOffset.UnixEpoch);
        var units = new Dictionary<string, IEnumerable<VariantTally>>
        {
            [ExperimentUnitKinds.Shopper] = [new VariantTally { Variant = 0, Exposed = 100, Converted = 40 }, new VariantTally { Variant = 1, Exposed = 60, Converted = 30 }, new VariantTally { Variant = 1, Exposed = 40, Converted = 30 }],
            [ExperimentUnitKinds.Region] = [new VariantTally { Variant = 0, Exposed = 3 }, new VariantTally { Variant = 1, Exposed = 4 }],
        };

        var results = ExperimentReport.WithUnits(sessions, definition, units, arms: null);
        var shoppers = results.Units.Single(u => u.Unit == ExperimentUnitKinds.Shopper);
        var zones = results.Units.Single(u => u.Unit == ExperimentUnitKinds.Region);
        var test = ProportionTest.Compare(40, 100, 60, 100);

        Assert.Equal(ExperimentUnitKinds.Session, results.Unit);
        Assert.Equal([100L, 100L], shoppers.Exposed);
        Assert.Equal([40L, 60L], shoppers.Converted);
        Assert.Null(shoppers.Conversion[0]);
        Assert.Equal((0.2, Math.Round(test.Low, 6), Math.Round(test.High, 6), Math.Round(test.PValue, 6)), (shoppers.Conversion[1]!.Difference, shoppers.Conversion[1]!.Low, shoppers.Conversion[1]!.High, shoppers.Conversion[1]!.PValue));
        Assert.Equal([3L, 4L], zones.Exposed);
        Assert.Equal((0, 0), (zones.Converted.Count, zones.Conversion.Count));
        Assert.All(results.Variants, v => Assert.Empty(v.Kpis)); // no arms' indicators given
    }

    [Fact]
    public async Task Each_shopper_is_offered_their_variant_s_coupon_counted_once_and_converted_by_settling_with_it()
    {
        // Started before any return is requested in this cluster, so the returns read it at their first offer.
        var id = TestData.NewId("exp-coupon");
        var definition = Definition(id);
        await Grains.Experiment(id).CreateAsync(definition, "ops:ann");
        await Grains.Experiment(id).StartAsync("ops:ann");
        var sku = (await TestData.NewProductsAsync(Grains, 1))[0];
        await Grains.Catalog().UpsertAsync([TestData.Product(sku, Price)], []);
        await Grains.Cell(new CellKey(sku, TestData.Camden.Id)).ReceiveAsync(100, "opening", "tester");
        var shoppers = Enumerable.Range(0, 40).Select(_ => TestData.NewId("shopper")).ToList();

        var returns = await Task.WhenAll(shoppers.Select(s => ReturnedAsync(sku, s, ReturnReason.WrongSize)));
        var second = await ReturnedAsync(sku, shoppers[0], ReturnReason.ChangedMind); // the first shopper's second return: the same variant
        var faults = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => ReturnedAsync(sku, TestData.NewId("shopper"), ReturnReason.Defective)));
        // Every other shopper takes the coupon (the first one for both returns); each return is handed in and graded, which settles it.
        var coupons = returns.Where((_, i) => i % 2 == 0).Append(second).ToList();
        foreach (var ret in coupons)
        {
            Assert.Equal(ReturnOutcome.Applied, (await Grains.Return(ret.ReturnId).ChooseCompensationAsync(CompensationKind.Coupon, ret.ShopperId, "shopper:" + ret.ShopperId)).Outcome);
        }

        var settled = await Task.WhenAll(returns.Append(second).Concat(faults).Select(async ret =>
        {
            await Grains.Return(ret.ReturnId).HandInAtStoreAsync(TestData.Camden.Id, "store:counter");
            return (await Grains.Return(ret.ReturnId).GradeAsync(ReturnGrade.A, TestData.Camden.Id, "store:counter", null)).Return!;
        }));
        var results = (await Grains.Experiment(id).GetResultsAsync())!;

        var variants = shoppers.Select(s => Assignment.Assign(id, s, [new Variant("ten", 1), new Variant("thirty", 1)], 1)).ToList();
        for (var i = 0; i < shoppers.Count; i++)
        {
            var (uplift, name) = variants[i] == 0 ? (1.10m, "ten") : (1.30m, "thirty");
            Assert.Equal((Price, (decimal?)(Price * uplift), $"{id}:{name}"), (returns[i].Compensation.Refund, returns[i].Compensation.Coupon, returns[i].Compensation.Experiment));
        }

        Assert.Equal(returns[0].Compensation.Coupon, second.Compensation.Coupon);
        Assert.All(faults, f => Assert.Equal((null, null), (f.Compensation.Coupon, f.Compensation.Experiment))); // no coupon offered: not exposed
        Assert.Equal(coupons.Count, settled.Count(s => s.Settlement!.Kind == CompensationKind.Coupon));
        Assert.Equal(ExperimentUnitKinds.Shopper, results.Unit);
        Assert.Empty(results.Units);
        for (var v = 0; v < 2; v++)
        {
            var mine = Enumerable.Range(0, shoppers.Count).Where(i => variants[i] == v).ToList();
            var converted = mine.Where(i => i % 2 == 0).ToList();
            var returnsSettled = converted.Count + (converted.Contains(0) ? 1 : 0);
            var value = converted.Sum(i => returns[i].Compensation.Coupon!.Value) + (converted.Contains(0) ? second.Compensation.Coupon!.Value : 0m);
            Assert.Equal((mine.Count, converted.Count, returnsSettled, value), (results.Variants[v].Exposed, results.Variants[v].Converted, results.Variants[v].Orders, results.Variants[v].Revenue));
            Assert.Empty(results.Variants[v].Kpis); // no zone or store cell in it
        }

        var control = (double)results.Variants[0].Converted / results.Variants[0].Exposed;
        var treatment = (double)results.Variants[1].Converted / results.Variants[1].Exposed;
        Assert.Equal(Math.Round(treatment - control, 6), results.Variants[1].Conversion!.Difference);
    }
}
