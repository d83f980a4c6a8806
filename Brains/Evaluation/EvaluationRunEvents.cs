using System.Text.Json.Nodes;

namespace Tandem.Brains.Evaluation;

/// <summary>
/// An evaluation's run (a backtest, a retraining) as OpenLineage 2-0-2 run events: <c>START</c> when it begins,
/// <c>COMPLETE</c> (or <c>FAIL</c>) when it ends. The job is <c>tandem</c> / <c>evaluate.{command}</c>; the inputs are the
/// data folders it read (namespace <c>file</c>, the absolute path); a completed run writes <c>tandem</c> /
/// <c>evaluations/{command}</c> and carries what it printed as its JSON line in the <c>tandem_evaluation</c> run facet.
/// </summary>
public static class EvaluationRunEvents
{
    public const string Producer = "urn:tandem:evaluate";
    public const string SchemaUrl = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
    public const string Namespace = "tandem";

    public static JsonObject Start(Guid runId, string command, DateTimeOffset at, IReadOnlyList<string> folders, IReadOnlyDictionary<string, string> options) =>
        Event("START", runId, command, at, folders, new JsonObject
        {
            ["tandem_evaluation"] = Facet(new JsonObject { ["options"] = new JsonObject([.. options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => KeyValuePair.Create(o.Key, (JsonNode?)o.Value))]) }),
        }, outputs: false);

    /// <summary>The end of the run: <paramref name="exitCode"/> 0 is <c>COMPLETE</c> with <paramref name="result"/>, anything else <c>FAIL</c> with <paramref name="error"/>.</summary>
    public static JsonObject End(Guid runId, string command, DateTimeOffset at, IReadOnlyList<string> folders, int exitCode, double seconds, JsonNode? result, string? error)
    {
        var facet = new JsonObject { ["exitCode"] = exitCode, ["seconds"] = Math.Round(seconds, 3) };
        if (result is not null)
        {
            facet["result"] = result.DeepClone();
        }

        var facets = new JsonObject { ["tandem_evaluation"] = Facet(facet) };
        if (exitCode != 0)
        {
            facets["errorMessage"] = new JsonObject
            {
                ["_producer"] = Producer,
                ["_schemaURL"] = "https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet",
                ["message"] = error ?? $"exit code {exitCode}",
                ["programmingLanguage"] = "C#",
            };
        }

        return Event(exitCode == 0 ? "COMPLETE" : "FAIL", runId, command, at, folders, facets, outputs: exitCode == 0);
    }

    private static JsonObject Facet(JsonObject fields)
    {
        fields["_producer"] = Producer;
        fields["_schemaURL"] = "urn:tandem:facets:evaluation:1";
        return fields;
    }

    private static JsonObject Event(string type, Guid runId, string command, DateTimeOffset at, IReadOnlyList<string> folders, JsonObject facets, bool outputs) => new()
    {
        ["eventType"] = type,
        ["eventTime"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["run"] = new JsonObject { ["runId"] = runId.ToString(), ["facets"] = facets },
        ["job"] = new JsonObject { ["namespace"] = Namespace, ["name"] = $"evaluate.{command}" },
        ["inputs"] = new JsonArray([.. folders.Select(f => (JsonNode)new JsonObject { ["namespace"] = "file", ["name"] = Path.GetFullPath(f) })]),
        ["outputs"] = outputs ? new JsonArray(new JsonObject { ["namespace"] = Namespace, ["name"] = $"evaluations/{command}" }) : new JsonArray(),
        ["producer"] = Producer,
        ["schemaURL"] = SchemaUrl,
    };
}
