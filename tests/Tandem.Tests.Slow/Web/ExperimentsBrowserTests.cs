using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using Tandem.Contracts.Experiments;
using Tandem.Contracts.Returns;
using Tandem.Grains.Experiments;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Returns;
using Tandem.Tests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Tandem.Tests.Web;

/// <summary>The control room's experiments panel in a real browser: define, start, read and stop.</summary>
[Collection(WebCollection.Name)]
public sealed class ExperimentsBrowserTests(WebFixture web)
{
    /// <summary>The control room, opened by a new operator and ready.</summary>
    private static async Task<IPage> ControlRoomAsync(IBrowserContext context)
    {
        var ops = await context.NewPageAsync();
        await ops.GotoAsync($"/ops?operator={TestData.NewId("ops")}");
        await Expect(ops.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        return ops;
    }

    /// <summary>Defines an experiment on the form leaving the picks unchanged, with <paramref name="fields"/> (their names without <c>experiment-</c>) filled in; its article.</summary>
    private static async Task<ILocator> DefineWithoutPicksAsync(IPage ops, string id, string name, params (string Field, string Value)[] fields)
    {
        await ops.FillAsync("#experiment-id", id);
        await ops.FillAsync("#experiment-name", name);
        await ops.SelectOptionAsync("#experiment-control", "");
        await ops.SelectOptionAsync("#experiment-treatment", "");
        foreach (var (field, value) in fields)
        {
            await ops.FillAsync($"#experiment-{field}", value);
        }

        await ops.ClickAsync("#experiment-form button[type=submit]");
        return ops.Locator($"article.experiment[data-experiment='{id}']");
    }

    [Fact]
    public async Task An_operator_defines_an_experiment_starts_it_reads_its_results_and_stops_it()
    {
        await using var context = await web.NewContextAsync();
        var ops = await context.NewPageAsync();
        await ops.GotoAsync($"/ops?operator={TestData.NewId("ops")}");
        await Expect(ops.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        var id = TestData.NewId("exp");

        // An A/A test on a sliver of the cart segment, so the other browser tests' picks stay the product's.
        await ops.FillAsync("#experiment-id", id);
        await ops.FillAsync("#experiment-name", "A/A of the picks");
        await ops.SelectOptionAsync("#experiment-control", "bandit");
        await ops.SelectOptionAsync("#experiment-treatment", "bandit");
        await ops.FillAsync("#experiment-traffic", "1");
        await ops.SelectOptionAsync("#experiment-segment", "cart");
        await ops.ClickAsync("#experiment-form button[type=submit]");

        var experiment = ops.Locator($"article.experiment[data-experiment='{id}']");
        await Expect(ops.Locator("#experiment-outcome")).ToContainTextAsync($"Experiment {id} is defined");
        await Expect(experiment).ToHaveAttributeAsync("data-status", "draft");
        await Expect(experiment).ToContainTextAsync("control: picks bandit · treatment: picks bandit · 1 % of the cart segment");
        await experiment.Locator("button[data-act='start']").ClickAsync();

        await Expect(experiment).ToHaveAttributeAsync("data-status", "running");
        await Expect(experiment.Locator("tr[data-variant]")).ToHaveCountAsync(2);
        await Expect(experiment.Locator("[data-kpi='sample-ratio']")).ToContainTextAsync("3,841 units per variant planned");
        await ops.Locator(".experiments-panel").ScreenshotAsync(new() { Path = Path.Combine(WebFixture.ScreenshotDirectory, "control-room-experiments.png") });
        await Accessibility.AssertSmokeAsync(ops);
        await experiment.Locator("button[data-act='stop']").ClickAsync();

        await Expect(experiment).ToHaveAttributeAsync("data-status", "stopped");
        var stored = (await web.Grains.Experiment(id).GetAsync())!;
        Assert.Equal((ExperimentStatus.Stopped, 0.01, "cart"), (stored.Status, stored.Definition.Traffic, stored.Definition.Segments.Single()));
        Assert.StartsWith("ops:", stored.StartedBy, StringComparison.Ordinal);

        // A second definition under the same id is refused with the reason on the form.
        await ops.FillAsync("#experiment-id", id);
        await ops.FillAsync("#experiment-name", "Something else");
        await ops.ClickAsync("#experiment-form button[type=submit]");
        await Expect(ops.Locator("#experiment-outcome [role=alert]")).ToContainTextAsync("another definition");
    }

    [Fact]
    public async Task An_operator_defines_a_supply_chain_experiment_for_chosen_regions_and_reads_its_variants_kpis_and_guardrails()
    {
        await using var context = await web.NewContextAsync(width: 1440, height: 900);
        var ops = await ControlRoomAsync(context);
        var id = TestData.NewId("exp");

        // Zones with no store of the city or the tests: the experiment changes nothing another test sees.
        var experiment = await DefineWithoutPicksAsync(ops, id, "Window and safety stock",
            ("control-level", "0.9"), ("treatment-level", "0.98"), ("control-window", "5"), ("treatment-window", "20"), ("regions", "r90c90, r90c91"));
        await Expect(experiment).ToContainTextAsync("control: service level 0.9, dispatch window 5 s · treatment: service level 0.98, dispatch window 20 s · 100 % of the zones and store cells · regions r90c90, r90c91");
        await experiment.Locator("button[data-act='start']").ClickAsync();

        await Expect(experiment).ToHaveAttributeAsync("data-status", "running");
        await Expect(experiment.Locator("[data-unit='cell']")).ToHaveTextAsync("Store cells exposed: control 0 · treatment 0");
        await Expect(experiment.Locator("[data-unit='region']")).ToHaveTextAsync("Zones exposed: control 0 · treatment 0");
        await Expect(experiment.Locator(".supply-results tr[data-variant='treatment'] [data-kpi='guardrails']")).ToHaveTextAsync("onTime not read yet deliveryMinutes not read yet stockOutRate not read yet");
        await Expect(experiment.Locator(".supply-results tr[data-variant='control'] [data-kpi='onTime']")).ToHaveTextAsync("–");
        await Expect(experiment.Locator("[data-kpi='sample-ratio']")).ToHaveCountAsync(0); // no session meets it: no sessions' table
        await Accessibility.AssertSmokeAsync(ops);
        await experiment.Locator("button[data-act='stop']").ClickAsync();

        await Expect(experiment).ToHaveAttributeAsync("data-status", "stopped");
        var stored = (await web.Grains.Experiment(id).GetAsync())!.Definition;
        Assert.Equal(["r90c90", "r90c91"], stored.Regions);
        Assert.Equal([(0.9, 5), (0.98, 20)], stored.Variants.Select(v => (v.Settings.ServiceLevel!.Value, v.Settings.DispatchWindowSeconds!.Value)));
        Assert.All(stored.Variants, v => Assert.Null(v.Settings.RecommendationStrategy));
    }

    [Fact]
    public async Task An_operator_defines_a_coupon_experiment_and_reads_the_shoppers_offered_it()
    {
        await using var context = await web.NewContextAsync(width: 1440, height: 900);
        var ops = await ControlRoomAsync(context);
        var id = TestData.NewId("exp");

        // Both variants at the policy's 10 %: a return of another test meeting it while it runs is offered the same coupon.
        var experiment = await DefineWithoutPicksAsync(ops, id, "Coupon A/A", ("control-coupon", "10"), ("treatment-coupon", "10"));
        await Expect(experiment).ToContainTextAsync("control: coupon +10 % · treatment: coupon +10 % · 100 % of the shoppers offered a coupon");
        await experiment.Locator("button[data-act='start']").ClickAsync();
        await Expect(experiment).ToHaveAttributeAsync("data-status", "running");

        try
        {
            // A return offered the coupon once the silo has read the experiment: the shopper is counted in the variant the hash gives.
            var live = web.Services.GetRequiredService<LiveExperiments>();
            await Await.UntilAsync(async () => (await live.GetAsync()).Any(e => e.Definition.Id == id) ? "read" : null, TimeSpan.FromSeconds(30));
            var (sku, order) = await TestOrders.CollectedAsync(web.Grains, 1);
            var returned = (await web.Grains.Return(TestData.NewId("ret")).RequestAsync(new ReturnRequest
            {
                ShopperId = "Test", OrderId = order.GetPrimaryKeyString(), Sku = sku, Quantity = 1, Reason = ReturnReason.WrongSize,
                Condition = ItemCondition.OpenedUnused, TagsAttached = true, PhotoType = "image/jpeg", Photo = TestData.TagPhoto,
            })).Return!;
            var variant = returned.Compensation.Experiment!.Split(':')[1];

            await Expect(experiment.Locator("[data-kpi='unit']")).ToHaveTextAsync("Shoppers offered a coupon; converted: settled a return with it (revenue: the coupons' value).");
            await Expect(experiment.Locator($"tr[data-variant='{variant}'] [data-kpi='exposed']")).ToHaveTextAsync("1");
            await Expect(experiment.Locator("[data-kpi='sample-ratio']")).ToContainTextAsync("Sample ratio as planned");
            Assert.Equal((10m, (decimal?)11m), (returned.Compensation.Refund, returned.Compensation.Coupon));
        }
        finally
        {
            await experiment.Locator("button[data-act='stop']").ClickAsync();
        }

        await Expect(experiment).ToHaveAttributeAsync("data-status", "stopped");
        Assert.All((await web.Grains.Experiment(id).GetAsync())!.Definition.Variants, v => Assert.Equal(0.10m, v.Settings.CouponUplift));
    }

    [Fact]
    public async Task A_shopper_in_the_picks_first_variant_sees_the_picks_above_the_product_and_is_counted()
    {
        var sku = (await TestData.NewProductsAsync(web.Grains, 1, withTestLocations: false))[0];
        var id = TestData.NewId("exp");
        // Both variants put the picks first, so whichever the browser's session lands in, the page shows it; stopped at the end.
        await web.Grains.Experiment(id).CreateAsync(new ExperimentDefinition
        {
            Id = id, Name = "Picks first",
            Variants = [new VariantDefinition { Name = "a", Settings = new() { Layout = "picks-first" } }, new VariantDefinition { Name = "b", Settings = new() { Layout = "picks-first" } }],
        }, "ops:tests");
        await web.Grains.Experiment(id).StartAsync("ops:tests");
        try
        {
            // The silo reads the running experiments every 200 ms here: wait until a page would see this one.
            var probe = web.Grains.Session(new SessionId(TestData.NewId("session")));
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while ((await probe.ChooseLayoutAsync(new ShopperId("probe"))) is not { Experiment: not null } choice || !choice.Experiment.StartsWith(id, StringComparison.Ordinal))
            {
                await Task.Delay(50, deadline.Token);
            }

            await using var context = await web.NewContextAsync();
            var shop = await context.NewPageAsync();
            var shopper = TestData.NewId("shopper");
            await shop.GotoAsync($"/?shopper={shopper}#/p/{sku}");

            await Expect(shop.Locator("body")).ToHaveAttributeAsync("data-layout", "picks-first");
            var picks = (await shop.Locator("aside.picks").BoundingBoxAsync())!;
            var product = (await shop.Locator("article.product").BoundingBoxAsync())!;
            Assert.True(picks.Y < product.Y, $"The picks ({picks.Y}) come before the product ({product.Y}).");
            var session = await shop.EvaluateAsync<string>($"() => localStorage.getItem('tandem.session.{shopper}')");
            var met = await web.Grains.Session(new SessionId(session)).ExposeAsync([]); // what the session met, unchanged
            Assert.Equal([id], met.Select(e => e.ExperimentId));
        }
        finally
        {
            await web.Grains.Experiment(id).StopAsync("ops:tests");
        }
    }
}
