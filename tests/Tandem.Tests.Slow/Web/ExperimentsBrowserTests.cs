using Tandem.Contracts.Experiments;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Tandem.Tests.Web;

/// <summary>The control room's experiments panel in a real browser: define, start, read and stop.</summary>
[Collection(WebCollection.Name)]
public sealed class ExperimentsBrowserTests(WebFixture web)
{
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
        await Expect(experiment).ToContainTextAsync("control: bandit · treatment: bandit · 1 % of the cart segment");
        await experiment.Locator("button[data-act='start']").ClickAsync();

        await Expect(experiment).ToHaveAttributeAsync("data-status", "running");
        await Expect(experiment.Locator("tr[data-variant]")).ToHaveCountAsync(2);
        await Expect(experiment.Locator("[data-kpi='sample-ratio']")).ToContainTextAsync("3,841 units per variant planned");
        await WebFixture.ScreenshotAsync(ops, "control-room-experiments");
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
}
