using System.Globalization;

using Tandem.Contracts.Lineage;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Api.Lineage;

/// <summary>
/// Lineage on the shopper's side and the order's: a session (where behaviour comes from), an order (placed in a session),
/// its dispatch decisions, its packing, a return's grade, a courier.
/// </summary>
public sealed class OrderLineage(IGrainFactory grains) : ILineageSource
{
    public IReadOnlyList<string> Kinds { get; } = ["session", "order", "dispatch", "packing", "return-grade", "courier"];

    public bool IsKey(string kind, string key) => Identifier.IsValid(key);

    public Task<LineageNode?> ReadAsync(string kind, string key) => kind switch
    {
        "session" => SessionAsync(key),
        "order" => OrderAsync(key),
        "dispatch" => DispatchAsync(key),
        "packing" => PackingAsync(key),
        "return-grade" => ReturnGradeAsync(key),
        _ => CourierAsync(key),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private async Task<LineageNode?> SessionAsync(string id)
    {
        var session = await grains.Session(new SessionId(id)).GetAsync();
        if (session.Version == 0 && session.ShopperId is null)
        {
            return null; // a session nobody used
        }

        var facts = new Dictionary<string, string>
        {
            ["events"] = session.EventsSeen.ToString(CultureInfo.InvariantCulture),
            ["cart lines"] = session.Cart.Count.ToString(CultureInfo.InvariantCulture),
        };
        if (session.Intent is { } intent)
        {
            facts["purchase intent"] = intent.Score.ToString("0.###", CultureInfo.InvariantCulture);
        }

        return new LineageNode
        {
            Id = $"session:{id}", Kind = "session", At = session.ChangedAt,
            Summary = Invariant($"A shopper's session: {session.EventsSeen} behaviour events, {session.OpenOrders.Count} open orders"),
            Model = session.Intent?.Model, Version = session.Intent?.ModelVersion, Facts = facts,
        };
    }

    private async Task<LineageNode?> OrderAsync(string id) =>
        await grains.Order(new OrderId(id)).GetAsync() is not { } order ? null : new LineageNode
        {
            Id = $"order:{id}", Kind = "order", At = order.PlacedAt,
            Summary = Invariant($"{order.Mode} order of {order.Lines.Sum(l => l.Quantity)} units for {order.Total:0.00}, {order.Status}"),
            Facts = new Dictionary<string, string>
            {
                ["lines"] = string.Join(", ", order.Lines.Select(l => Invariant($"{l.Quantity} × {l.Sku} from {l.LocationId}"))),
                ["status"] = order.Status.ToString(),
                ["total"] = order.Total.ToString("0.00", CultureInfo.InvariantCulture),
            },
            Inputs = [new LineageInput($"session:{order.SessionId}", "placed in")],
        };

    private async Task<LineageNode?> DispatchAsync(string orderId)
    {
        var decisions = await grains.DispatchRecord(new OrderId(orderId)).GetAsync();
        if (decisions.Count == 0)
        {
            return null;
        }

        var last = decisions[^1];
        return new LineageNode
        {
            Id = $"dispatch:{orderId}", Kind = "dispatch", At = last.Window,
            Summary = Invariant($"Offered to courier {last.CourierId} ({last.Outcome}) in a {last.WindowSeconds:0.#} s window of {last.OrdersInWindow} orders and {last.Candidates} couriers; {decisions.Count} decision(s)"),
            Model = "least-cost dispatch window", Version = last.Experiment,
            Facts = new Dictionary<string, string>
            {
                ["zone"] = last.Zone ?? "",
                ["cost (s)"] = last.Cost.ToString("0.#", CultureInfo.InvariantCulture),
                ["to pickup (s)"] = last.ToPickupSeconds.ToString("0.#", CultureInfo.InvariantCulture),
                ["late (s)"] = last.LateSeconds.ToString("0.#", CultureInfo.InvariantCulture),
                ["raining"] = last.Raining ? "yes" : "no",
                ["rush hour"] = last.RushHour ? "yes" : "no",
                ["batched with"] = string.Join(", ", last.BatchedWith),
            },
            Inputs = [new LineageInput($"order:{orderId}", "dispatched"), .. decisions.Select(d => d.CourierId).Distinct(StringComparer.Ordinal).Reverse().Select(c => new LineageInput($"courier:{c}", "weighed and offered"))],
        };
    }

    private async Task<LineageNode?> PackingAsync(string orderId) =>
        await grains.Order(new OrderId(orderId)).GetAsync() is not { Packing: { } packing } ? null : new LineageNode
        {
            Id = $"packing:{orderId}", Kind = "packing", At = packing.DecidedAt,
            Summary = Invariant($"{packing.Parcels.Count} box(es) of {packing.BoxLitres:0.#} l for {packing.ItemLitres:0.#} l of goods; first fit decreasing would use {packing.BaselineLitres:0.#} l"),
            Model = packing.Algorithm,
            Facts = new Dictionary<string, string>
            {
                ["boxes"] = string.Join(", ", packing.Parcels.Select(p => p.BoxId)),
                ["baseline boxes"] = string.Join(", ", packing.BaselineBoxes),
                ["minimum support"] = packing.MinSupport.ToString("0.##", CultureInfo.InvariantCulture),
                ["unboxed lines"] = packing.Unboxed.Count.ToString(CultureInfo.InvariantCulture),
            },
            Inputs = [new LineageInput($"order:{orderId}", "its lines")],
        };

    private async Task<LineageNode?> ReturnGradeAsync(string returnId) =>
        await grains.Return(returnId).GetAsync() is not { } back ? null : new LineageNode
        {
            Id = $"return-grade:{returnId}", Kind = "return-grade", At = back.History.Count > 0 ? back.History[^1].At : null,
            Summary = back.Grade is { } grade
                ? Invariant($"Graded {grade} after a pre-check of {back.Check.Verdict} ({back.Check.Rule})")
                : Invariant($"Pre-checked {back.Check.Verdict} by rule {back.Check.Rule}; not graded yet"),
            Model = "return pre-check rules", Version = back.Check.Rule,
            Facts = new Dictionary<string, string>
            {
                ["reason"] = back.Reason.ToString(),
                ["condition"] = back.Condition?.ToString() ?? "",
                ["check"] = back.Check.Reason,
                ["status"] = back.Status.ToString(),
                ["coupon offered"] = back.Compensation.Coupon is { } coupon ? Invariant($"{coupon:0.00} against a refund of {back.Compensation.Refund:0.00}") : "none",
                ["coupon variant"] = back.Compensation.Experiment ?? "",
                ["settled"] = back.Settlement is { } settled ? Invariant($"{settled.Kind} {settled.Amount:0.00}") : "",
            },
            Inputs = back.Compensation.Experiment is { } variant
                ? [new LineageInput($"order:{back.OrderId}", "returned from"), new LineageInput($"experiment:{variant[..variant.IndexOf(':', StringComparison.Ordinal)]}", "the experiment whose variant set the coupon")]
                : [new LineageInput($"order:{back.OrderId}", "returned from")],
        };

    private async Task<LineageNode?> CourierAsync(string id) =>
        await grains.Courier(new CourierId(id)).GetAsync() is not { } courier ? null : new LineageNode
        {
            Id = $"courier:{id}", Kind = "courier",
            Summary = Invariant($"Courier {courier.Name}: {courier.Status}, {courier.Assignments.Count} of {courier.Capacity} carried"),
            Facts = new Dictionary<string, string> { ["status"] = courier.Status.ToString() },
        };
}
