using System.Net;
using System.Text.Json;

using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class ExperimentsApiTests(ApiFixture api)
{
    [Fact]
    public async Task An_operator_defines_starts_reads_and_stops_an_experiment_and_repeats_change_nothing()
    {
        using var client = api.Ops();
        var id = TestData.NewId("exp");
        // An A/A test for a sliver of the cart segment: the picks stay the product's for the other tests of this host.
        var body = "{\"id\":\"" + id + "\",\"name\":\"A/A of the picks\",\"hypothesis\":\"No difference\",\"traffic\":0.01,\"segments\":[\"cart\"],"
            + "\"variants\":[{\"name\":\"a\",\"settings\":{\"recommendationStrategy\":\"bandit\"}},{\"name\":\"b\",\"settings\":{\"recommendationStrategy\":\"bandit\"}}]}";
        var ct = TestContext.Current.CancellationToken;

        using var created = await client.PostJsonAsync("/api/experiments", body);
        using var replayed = await client.PostJsonAsync("/api/experiments", body);
        using var draft = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/experiments/{id}", UriKind.Relative), ct));
        using var started = await client.PostJsonAsync($"/api/experiments/{id}/start", "");
        using var startedAgain = await client.PostJsonAsync($"/api/experiments/{id}/start", "");
        using var running = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/experiments/{id}", UriKind.Relative), ct));
        using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/experiments", UriKind.Relative), ct));
        using var stopped = await client.PostJsonAsync($"/api/experiments/{id}/stop", "");
        using var stoppedAgain = await client.PostJsonAsync($"/api/experiments/{id}/stop", "");

        Assert.Equal((HttpStatusCode.Created, $"/api/experiments/{id}"), (created.StatusCode, created.Headers.Location?.OriginalString));
        Assert.Equal((HttpStatusCode.Created, "true"), (replayed.StatusCode, replayed.Headers.GetValues("Idempotent-Replayed").Single()));
        Assert.Equal("draft", draft.RootElement.GetProperty("experiment").GetProperty("status").GetString());
        Assert.False(draft.RootElement.TryGetProperty("results", out _)); // none before it starts
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (started.StatusCode, startedAgain.StatusCode));
        var experiment = running.RootElement.GetProperty("experiment");
        Assert.Equal(("running", "ops:ops-tests", 2), (experiment.GetProperty("status").GetString(), experiment.GetProperty("startedBy").GetString(), experiment.GetProperty("version").GetInt32()));
        Assert.Equal(["a", "b"], experiment.GetProperty("definition").GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("name").GetString()));
        var results = running.RootElement.GetProperty("results");
        Assert.Equal([0, 0], results.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("exposed").GetInt32()));
        Assert.Equal((3841, false), (results.GetProperty("plannedPerVariant").GetInt32(), results.GetProperty("sampleRatio").GetProperty("mismatch").GetBoolean()));
        Assert.Contains(list.RootElement.EnumerateArray(), e => e.GetProperty("definition").GetProperty("id").GetString() == id && e.GetProperty("status").GetString() == "running");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (stopped.StatusCode, stoppedAgain.StatusCode));
        using var after = JsonDocument.Parse(await stoppedAgain.Content.ReadAsStringAsync(ct));
        Assert.Equal(("stopped", 3), (after.RootElement.GetProperty("status").GetString(), after.RootElement.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task A_shoppers_page_asks_its_layout_and_gets_the_shops_own_while_no_experiment_sets_it()
    {
        var session = TestData.NewId("session");
        using var shopper = api.ClientAs("shopper", TestData.NewId("ann"));

        using var layout = JsonDocument.Parse(await shopper.GetStringAsync(new Uri($"/api/sessions/{session}/layout", UriKind.Relative), TestContext.Current.CancellationToken));

        Assert.Equal("standard", layout.RootElement.GetProperty("layout").GetString());
        Assert.False(layout.RootElement.TryGetProperty("experiment", out _));
    }
}
