using System.Globalization;

using Tandem.Contracts.Experiments;
using Tandem.Contracts.Lineage;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Api.Lineage;

/// <summary>
/// Lineage of the shop's picks: a session's list (<c>picks:{session}</c> for its latest, <c>picks:{session}@{version}</c>
/// for the one made for that version of the session, while its recommender still holds it) ← the session's behaviour, the
/// experiment variant it was made under, the promotions it carries; and an experiment (<c>experiment:{id}</c>) as defined.
/// </summary>
public sealed class RecommendationLineage(IGrainFactory grains) : ILineageSource
{
    public IReadOnlyList<string> Kinds { get; } = ["picks", "experiment"];

    public bool IsKey(string kind, string key) => kind == "picks" ? TryPicks(key, out _, out _) : Identifier.IsValid(key);

    public Task<LineageNode?> ReadAsync(string kind, string key) => kind == "picks" ? PicksAsync(key) : ExperimentAsync(key);

    /// <summary>A session id, then optionally <c>@</c> and the session version the list was made for (1 or more).</summary>
    private static bool TryPicks(string key, out string session, out long? version)
    {
        var at = key.LastIndexOf('@');
        (session, version) = (at < 0 ? key : key[..at], null);
        if (at >= 0)
        {
            if (!long.TryParse(key.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < 1)
            {
                return false;
            }

            version = v;
        }

        return Identifier.IsValid(session);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private async Task<LineageNode?> PicksAsync(string key)
    {
        TryPicks(key, out var sessionId, out var version);
        var session = new SessionId(sessionId);
        if (await grains.Recommender(session).FindAsync(session, version) is not { } list)
        {
            return null;
        }

        var facts = new Dictionary<string, string>
        {
            ["list version"] = list.Version.ToString(CultureInfo.InvariantCulture),
            ["segment"] = list.Segment,
            ["picks"] = string.Join(" | ", list.Items.Select(i => Invariant($"{i.Sku} by {i.Arm} (because {i.Because}, drawn with p {i.Propensity:0.###}, score {i.Score:0.###})"))),
            ["strategy weights"] = string.Join(", ", list.ArmWeights.OrderByDescending(w => w.Value).Select(w => Invariant($"{w.Key} {w.Value:0.###}"))),
        };
        if (list.Intent is { } intent)
        {
            facts["purchase intent"] = Invariant($"{intent.Score:0.###} ({intent.Model} {intent.ModelVersion})");
        }

        var inputs = new List<LineageInput> { new($"session:{sessionId}", "the behaviour it was made from") };
        inputs.AddRange(list.Experiments.Select(tag => tag[..tag.IndexOf(':', StringComparison.Ordinal)]).Distinct(StringComparer.Ordinal)
            .Select(e => new LineageInput($"experiment:{e}", "the experiment whose variant made it")));
        inputs.AddRange(list.Items.Where(i => i.Arm == "promoted").Select(i => new LineageInput($"promotion:{i.Sku}", "a promoted slow mover")));
        return new LineageNode
        {
            Id = $"picks:{key}", Kind = "picks", At = list.At,
            Summary = Invariant($"{list.Items.Count} picks for session {sessionId}, {list.Policy} in the {list.Segment} segment"),
            Model = list.Policy, Version = list.Experiments.Count > 0 ? string.Join(", ", list.Experiments) : "the product's",
            Facts = facts, Inputs = inputs,
        };
    }

    private async Task<LineageNode?> ExperimentAsync(string id)
    {
        if (await grains.Experiment(id).GetAsync() is not { } experiment)
        {
            return null;
        }

        var d = experiment.Definition;
        var facts = new Dictionary<string, string>
        {
            ["status"] = experiment.Status.ToString(),
            ["traffic"] = d.Traffic.ToString("0.###", CultureInfo.InvariantCulture),
            ["started"] = experiment.StartedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "",
            ["stopped"] = experiment.StoppedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "",
        };
        foreach (var variant in d.Variants)
        {
            facts[$"variant {variant.Name}"] = Invariant($"weight {variant.Weight:0.###}: {Settings(variant.Settings)}");
        }

        return new LineageNode
        {
            Id = $"experiment:{id}", Kind = "experiment", At = experiment.StartedAt ?? experiment.CreatedAt,
            Summary = Invariant($"Experiment {d.Name}: {d.Variants.Count} variants, {experiment.Status}") + (d.Hypothesis is { } h ? $" — {h}" : ""),
            Model = "sticky assignment by hash", Version = experiment.Version.ToString(CultureInfo.InvariantCulture), Facts = facts,
        };
    }

    private static string Settings(VariantSettings s)
    {
        var parts = new[]
        {
            s.RecommendationStrategy is { } strategy ? $"picks {strategy}" : null,
            s.Layout is { } layout ? $"layout {layout}" : null,
            s.ServiceLevel is { } level ? Invariant($"service level {level}") : null,
            s.DispatchWindowSeconds is { } window ? Invariant($"dispatch window {window} s") : null,
            s.CouponUplift is { } uplift ? Invariant($"coupon uplift {uplift}") : null,
        }.OfType<string>().ToList();
        return parts.Count == 0 ? "as the product is" : string.Join(", ", parts);
    }
}
