using System.Globalization;

using Tandem.Contracts.Lineage;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Api.Lineage;

/// <summary>
/// Lineage on the supply chain's side: a promotion (a slow mover pushed in the picks) ← the slow-mover flag ← the
/// forecasts of the SKU's store cells ← each cell's sales history ← the orders it was counted from. A reorder suggestion
/// comes from its store cell's forecast.
/// </summary>
public sealed class SupplyLineage(IGrainFactory grains) : ILineageSource
{
    /// <summary>Orders a sales history names (the newest); the rest are counted in <see cref="LineageNode.MoreInputs"/>.</summary>
    public const int OrdersShown = 10;

    /// <summary>Store cells' forecasts a slow-mover flag names.</summary>
    public const int CellsShown = 10;

    public IReadOnlyList<string> Kinds { get; } = ["forecast", "demand", "slow-mover", "promotion", "suggestion", "run"];

    public bool IsKey(string kind, string key) => kind switch
    {
        "forecast" or "demand" => IsCell(key),
        "suggestion" => Identifier.IsValid(key),
        "run" => Guid.TryParseExact(key, "D", out _),
        _ => key.Length is > 0 and <= 64 && !key.Contains('@', StringComparison.Ordinal) && !key.Any(char.IsWhiteSpace),
    };

    public Task<LineageNode?> ReadAsync(string kind, string key) => kind switch
    {
        "forecast" => ForecastAsync(CellKey.Parse(key)),
        "demand" => DemandAsync(CellKey.Parse(key)),
        "slow-mover" => SlowMoverAsync(key),
        "promotion" => PromotionAsync(key),
        "run" => RunAsync(key),
        _ => SuggestionAsync(key),
    };

    private static bool IsCell(string key)
    {
        try
        {
            return CellKey.Parse(key).ToString() == key;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private async Task<LineageNode?> ForecastAsync(CellKey cell)
    {
        if (await grains.Forecast(cell).GetAsync() is not { } forecast)
        {
            return null;
        }

        var facts = new Dictionary<string, string>
        {
            ["origin"] = forecast.Origin.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["stage"] = forecast.Stage,
            ["model weight"] = forecast.ModelWeight.ToString("0.##", CultureInfo.InvariantCulture),
            ["fallback"] = forecast.Fallback,
            ["next 7 days"] = forecast.Days.Take(7).Sum(d => d.Mean).ToString("0.#", CultureInfo.InvariantCulture),
            ["history days"] = forecast.HistoryDays.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var signal in forecast.Signals)
        {
            facts[$"signal {signal.Signal}"] = Invariant($"{signal.Reading} → {signal.Units:+0.###;-0.###} units");
        }

        if (forecast.Stock is { } stock)
        {
            facts["service level"] = stock.ServiceLevel.ToString("0.###", CultureInfo.InvariantCulture);
            facts["reorder point"] = stock.ReorderPoint.ToString("0", CultureInfo.InvariantCulture);
            facts["available"] = stock.Available.ToString(CultureInfo.InvariantCulture);
            facts["stock-out risk"] = stock.StockOutRisk.ToString("0.###", CultureInfo.InvariantCulture);
        }

        return new LineageNode
        {
            Id = $"forecast:{cell}", Kind = "forecast", At = forecast.MadeAt,
            Summary = Invariant($"28-day forecast of {cell.Sku} at {cell.LocationId} from {forecast.Origin:yyyy-MM-dd} ({forecast.Stage})"),
            Model = forecast.ModelVersion, Version = forecast.Stock?.Experiment,
            Facts = facts,
            Inputs = [new LineageInput($"demand:{cell}", "sales history"), .. forecast.RunId is { } run ? [new LineageInput($"run:{run}", "made in round")] : Array.Empty<LineageInput>()],
        };
    }

    private async Task<LineageNode?> RunAsync(string runId) =>
        (await grains.ForecastPlanner().GetAsync()).Rounds.FirstOrDefault(r => r.RunId == runId) is not { } round ? null : new LineageNode
        {
            Id = $"run:{runId}", Kind = "run", At = round.At,
            Summary = Invariant($"Forecast round: {round.Cells} cells{(round.Retrained ? ", the model retrained" : "")} in {round.Seconds:0.#} s"),
            Model = round.ModelVersion, Version = runId,
            Facts = new Dictionary<string, string>
            {
                ["job"] = $"{RunEvents.Namespace}/{RunEvents.ForecastRound}",
                ["cells"] = round.Cells.ToString(CultureInfo.InvariantCulture),
                ["retrained"] = round.Retrained ? "yes" : "no",
            },
        };

    private async Task<LineageNode?> DemandAsync(CellKey cell)
    {
        var history = await grains.Demand(cell).GetAsync();
        if (history.Days.Count == 0 && history.Quarters.Count == 0)
        {
            return null;
        }

        var sources = await grains.Demand(cell).GetSourcesAsync(OrdersShown * 4);
        var orders = sources.Ids.Select(OrderOf).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var shown = orders.Take(OrdersShown).ToList();
        var more = orders.Count - shown.Count + (sources.Remembered - sources.Ids.Count); // entries not read: up to an order each
        return new LineageNode
        {
            Id = $"demand:{cell}", Kind = "demand",
            At = history.Quarters.Count > 0 ? history.Quarters[^1].Start : null,
            Summary = Invariant($"Sales of {cell.Sku} at {cell.LocationId}: {history.Days.Sum(d => d.Units)} units over {history.Days.Count} days, {history.Quarters.Sum(q => q.Units)} in the last two days' 15-minute buckets"),
            Facts = new Dictionary<string, string>
            {
                ["days"] = history.Days.Count.ToString(CultureInfo.InvariantCulture),
                ["first day"] = history.Days.Count > 0 ? history.Days[0].Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
                ["units"] = history.Days.Sum(d => d.Units).ToString(CultureInfo.InvariantCulture),
                ["returned"] = history.Days.Sum(d => d.Returned).ToString(CultureInfo.InvariantCulture),
                ["entries in the last two weeks"] = sources.Remembered.ToString(CultureInfo.InvariantCulture),
            },
            Inputs = [.. shown.Select(o => new LineageInput($"order:{o}", "a sale or return counted"))],
            MoreInputs = more,
        };
    }

    /// <summary>The order an entry id names (<c>order:{id}:…</c>), or null (seeded or imported history).</summary>
    private static string? OrderOf(string entry)
    {
        var parts = entry.Split(':');
        return parts.Length >= 2 && parts[0] == "order" && Identifier.IsValid(parts[1]) ? parts[1] : null;
    }

    private async Task<LineageNode?> SlowMoverAsync(string sku)
    {
        if ((await grains.SlowMovers().GetAsync()).FirstOrDefault(s => s.Sku == sku) is not { } flag)
        {
            return null;
        }

        var cells = (await grains.ForecastPlanner().GetCellsAsync()).Where(c => c.StartsWith(sku + "@", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        return new LineageNode
        {
            Id = $"slow-mover:{sku}", Kind = "slow-mover", At = flag.FlaggedAt,
            Summary = Invariant($"{sku} flagged a slow mover: {flag.Reason}"),
            Model = "slow-mover review (weeks of cover and sell-through)",
            Facts = new Dictionary<string, string>
            {
                ["weeks of cover"] = flag.CoverWeeks.ToString("0.#", CultureInfo.InvariantCulture),
                ["sell-through"] = flag.SellThrough.ToString("0.###", CultureInfo.InvariantCulture),
                ["available"] = flag.Available.ToString(CultureInfo.InvariantCulture),
                ["sold a day before"] = flag.SoldPerDayBefore.ToString("0.##", CultureInfo.InvariantCulture),
            },
            Inputs = [.. cells.Take(CellsShown).Select(c => new LineageInput($"forecast:{c}", "a store cell's forecast"))],
            MoreInputs = Math.Max(0, cells.Count - CellsShown),
        };
    }

    private async Task<LineageNode?> PromotionAsync(string sku) =>
        (await grains.SlowMovers().GetAsync()).FirstOrDefault(s => s.Sku == sku) is not { } flag ? null : new LineageNode
        {
            Id = $"promotion:{sku}", Kind = "promotion", At = flag.FlaggedAt,
            Summary = Invariant($"{sku} promoted in the shop's picks (the promoted strategy) until {flag.PromotedUntil:yyyy-MM-dd HH:mm}"),
            Model = "recommendations' promoted arm",
            Facts = new Dictionary<string, string>
            {
                ["promoted until"] = flag.PromotedUntil.ToString("u", CultureInfo.InvariantCulture),
                ["sold a day since"] = flag.SoldPerDaySince?.ToString("0.##", CultureInfo.InvariantCulture) ?? "",
            },
            Inputs = [new LineageInput($"slow-mover:{sku}", "flagged")],
        };

    private async Task<LineageNode?> SuggestionAsync(string id) =>
        (await grains.SupplyPlan().GetAsync()).FirstOrDefault(s => s.Id == id) is not { } suggestion ? null : new LineageNode
        {
            Id = $"suggestion:{id}", Kind = "suggestion", At = suggestion.SuggestedAt,
            Summary = Invariant($"Move {suggestion.Quantity} × {suggestion.Sku} from {suggestion.FromLocationId ?? "the supplier"} to {suggestion.ToLocationId}: {suggestion.Reason}"),
            Model = "replenishment to the reorder point plus a week",
            Facts = new Dictionary<string, string>
            {
                ["status"] = suggestion.Status.ToString(),
                ["stock-out risk"] = suggestion.StockOutRisk.ToString("0.###", CultureInfo.InvariantCulture),
                ["transfer"] = suggestion.TransferId ?? "",
            },
            Inputs = [new LineageInput($"forecast:{suggestion.Sku}@{suggestion.ToLocationId}", "the store cell's reorder point")],
        };
}
