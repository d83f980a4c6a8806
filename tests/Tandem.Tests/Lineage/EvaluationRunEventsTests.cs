using System.Text.Json.Nodes;

using Tandem.Brains.Evaluation;

namespace Tandem.Tests.Lineage;

/// <summary>An evaluation's run as OpenLineage events: what it read, what it wrote, what it found, or why it failed.</summary>
public sealed class EvaluationRunEventsTests
{
    private static readonly Guid Run = Guid.Parse("01a23750-e116-76d3-848e-4bfb0049f59c");
    private static readonly DateTimeOffset At = new(2026, 12, 2, 15, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void A_completed_backtest_reads_its_folders_writes_its_evaluation_and_carries_the_json_line_it_printed()
    {
        var folders = new[] { "data/uci_online_retail", "data/vega_weather" };
        var start = EvaluationRunEvents.Start(Run, "forecast", At, folders, new Dictionary<string, string> { ["seed"] = "1", ["horizon"] = "28" });
        var end = EvaluationRunEvents.End(Run, "forecast", At.AddSeconds(42), folders, 0, 41.98765, JsonNode.Parse("""{"evaluation":"forecast","mase":0.81}"""), null);

        Assert.Equal(("START", "2026-12-02T14:00:00.000Z", Run.ToString()), ((string?)start["eventType"], (string?)start["eventTime"], (string?)start["run"]!["runId"]));
        Assert.Equal(("tandem", "evaluate.forecast"), ((string?)start["job"]!["namespace"], (string?)start["job"]!["name"]));
        Assert.Equal([Path.GetFullPath("data/uci_online_retail"), Path.GetFullPath("data/vega_weather")], start["inputs"]!.AsArray().Select(i => (string?)i!["name"]));
        Assert.All(start["inputs"]!.AsArray(), i => Assert.Equal("file", (string?)i!["namespace"]));
        Assert.Empty(start["outputs"]!.AsArray());
        Assert.Equal("""{"horizon":"28","seed":"1"}""", start["run"]!["facets"]!["tandem_evaluation"]!["options"]!.ToJsonString());
        Assert.Equal(("COMPLETE", Run.ToString()), ((string?)end["eventType"], (string?)end["run"]!["runId"]));
        Assert.Equal("evaluations/forecast", (string?)end["outputs"]![0]!["name"]);
        var facet = end["run"]!["facets"]!["tandem_evaluation"]!;
        Assert.Equal((0, 41.988, 0.81), ((int)facet["exitCode"]!, (double)facet["seconds"]!, (double)facet["result"]!["mase"]!));
        Assert.Equal(EvaluationRunEvents.SchemaUrl, (string?)end["schemaURL"]);
        Assert.Null(end["run"]!["facets"]!["errorMessage"]);
    }

    [Fact]
    public void A_failed_run_is_a_fail_event_with_its_error_and_no_output()
    {
        var end = EvaluationRunEvents.End(Run, "routes", At, ["data/solomon_vrptw"], 1, 0.5, null, "No folder data/solomon_vrptw.");

        Assert.Equal("FAIL", (string?)end["eventType"]);
        Assert.Empty(end["outputs"]!.AsArray());
        Assert.Equal("No folder data/solomon_vrptw.", (string?)end["run"]!["facets"]!["errorMessage"]!["message"]);
        Assert.Null(end["run"]!["facets"]!["tandem_evaluation"]!["result"]);
    }
}
