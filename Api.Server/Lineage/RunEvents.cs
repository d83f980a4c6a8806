using Tandem.Contracts.Forecasts;
using Tandem.Contracts.Lineage;

namespace Tandem.Api.Lineage;

/// <summary>The forecast planner's rounds (re-forecasts, and retraining when due) as OpenLineage run events.</summary>
public static class RunEvents
{
    public const string Namespace = "tandem";
    public const string Producer = "urn:tandem:forecast-planner";
    public const string ForecastRound = "forecast-round";

    private static readonly OpenLineageDataset[] Inputs = [new(Namespace, "demand"), new(Namespace, "demand-signals"), new(Namespace, "inventory"), new(Namespace, "lead-times")];
    private static readonly OpenLineageDataset[] Outputs = [new(Namespace, "forecasts"), new(Namespace, "supply-suggestions"), new(Namespace, "slow-movers")];

    /// <summary>A round's start and completion, oldest first; rounds from before runs had ids are left out.</summary>
    public static IEnumerable<OpenLineageRunEvent> Of(IEnumerable<ForecastRound> rounds) =>
        rounds.Where(r => r.RunId is not null).SelectMany(r =>
        {
            var run = new OpenLineageRun(r.RunId!, new Dictionary<string, TandemRunFacet>
            {
                ["tandem_run"] = new() { Producer = Producer, Model = r.ModelVersion, Cells = r.Cells, Retrained = r.Retrained, Seconds = Math.Round(r.Seconds, 3) },
            });
            var job = new OpenLineageJob(Namespace, ForecastRound);
            return new[]
            {
                new OpenLineageRunEvent { EventType = "START", EventTime = r.At, Run = run, Job = job, Inputs = Inputs, Producer = Producer },
                new OpenLineageRunEvent { EventType = "COMPLETE", EventTime = r.At + TimeSpan.FromSeconds(r.Seconds), Run = run, Job = job, Inputs = Inputs, Outputs = r.Cells > 0 ? Outputs : [], Producer = Producer },
            };
        });
}
