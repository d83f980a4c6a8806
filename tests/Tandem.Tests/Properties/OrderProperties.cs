using CsCheck;

using Tandem.Contracts.Orders;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Orders;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Properties;

/// <summary>
/// Random sequences of place / pack / ready / picked-up / cancel over a few pickup orders sharing two
/// skus, each step replayed: order outcomes follow the state machine, and the cells always hold exactly
/// what the orders hold (reserved = lines of reserved orders, committed = lines of packed orders).
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class OrderProperties(GrainClusterFixture fixture)
{
    private const int Sequences = 10_000;

    private static readonly Gen<(string Kind, int Order, int A, int B)> Step = Gen.Frequency(
        (4, Gen.Select(Gen.Int[0, 2], Gen.Int[0, 3], Gen.Int[0, 3], (o, a, b) => ("place", o, a, b))),
        (2, Gen.Int[0, 2].Select(o => ("pack", o, 0, 0))),
        (1, Gen.Int[0, 2].Select(o => ("ready", o, 0, 0))),
        (1, Gen.Int[0, 2].Select(o => ("picked-up", o, 0, 0))),
        (2, Gen.Int[0, 2].Select(o => ("cancel", o, 0, 0))));

    [Fact]
    public async Task Any_sequence_of_order_commands_keeps_cells_and_orders_consistent_and_replays_change_nothing()
    {
        await Gen.Select(Gen.Int[0, 6], Gen.Int[0, 6], Step.Array[1, 10])
            .SampleAsync((stockA, stockB, steps) => RunAsync(stockA, stockB, steps), iter: Sequences, threads: 1);
    }

    private readonly Queue<string> _skus = new();

    private async Task RunAsync(int stockA, int stockB, (string Kind, int Order, int A, int B)[] steps)
    {
        if (_skus.Count < 2)
        {
            // Products are registered in bulk: one catalog write for thousands of sequences.
            foreach (var sku in await TestData.NewProductsAsync(fixture.Grains, 4_000))
            {
                _skus.Enqueue(sku);
            }
        }

        string[] skus = [_skus.Dequeue(), _skus.Dequeue()];
        var stock = new[] { stockA, stockB };
        var cells = skus.Select(s => fixture.Grains.Cell(new CellKey(s, TestData.Camden.Id))).ToArray();
        for (var i = 0; i < 2; i++)
        {
            if (stock[i] > 0)
            {
                await cells[i].ReceiveAsync(stock[i], "opening", "property");
            }
        }

        var ids = Enumerable.Range(0, 3).Select(_ => new OrderId(TestData.NewId("o"))).ToArray();
        var model = new (OrderStatus? Status, int A, int B)[3];
        foreach (var step in steps)
        {
            var (a, b) = step.A + step.B == 0 ? (1, 0) : (step.A, step.B);
            var expected = Expect(model, step.Kind, step.Order, a, b, stock);
            var first = await ExecuteAsync(fixture.Grains.Order(ids[step.Order]), step.Kind, skus, a, b);
            var replay = await ExecuteAsync(fixture.Grains.Order(ids[step.Order]), step.Kind, skus, a, b);

            Assert.True(expected == first.Outcome, $"{step} on {Describe(model)}: expected {expected}, got {first.Outcome} ({first.Detail})");
            Assert.Equal(first.Outcome == OrderOutcome.Applied ? OrderOutcome.Replayed : first.Outcome, replay.Outcome);
            Assert.Equal(first.Order?.Version, replay.Order?.Version);
            Assert.Equal(model[step.Order].Status, first.Order?.Status);
            for (var i = 0; i < 2; i++)
            {
                var cell = await cells[i].GetSnapshotAsync();
                int Held(params OrderStatus[] states) => model.Where(m => m.Status is { } s && states.Contains(s)).Sum(m => i == 0 ? m.A : m.B);
                var committed = Held(OrderStatus.Packed, OrderStatus.ReadyForPickup, OrderStatus.PickedUp);
                Assert.True(
                    (cell.Reserved, cell.Committed, cell.OnHand) == (Held(OrderStatus.Reserved), committed, stock[i] - committed),
                    $"{step} on {Describe(model)}: cell {i} {cell}");
                Assert.True(cell.Available >= 0, $"negative: {cell}");
            }
        }
    }

    /// <summary>The model's answer, applied to the model.</summary>
    private static OrderOutcome Expect((OrderStatus? Status, int A, int B)[] model, string kind, int index, int a, int b, int[] stock)
    {
        var (status, heldA, heldB) = model[index];
        OrderOutcome Move(OrderStatus to)
        {
            model[index] = (to, heldA, heldB);
            return OrderOutcome.Applied;
        }

        if (kind == "place")
        {
            if (status is not null)
            {
                return (heldA, heldB) == (a, b) ? OrderOutcome.Replayed : OrderOutcome.KeyReused;
            }

            int Available(int i) => stock[i] - model.Where(m => m.Status is not null and not OrderStatus.Cancelled).Sum(m => i == 0 ? m.A : m.B);
            if ((a > 0 && Available(0) < a) || (b > 0 && Available(1) < b))
            {
                return OrderOutcome.Insufficient;
            }

            model[index] = (OrderStatus.Reserved, a, b);
            return OrderOutcome.Applied;
        }

        return (kind, status) switch
        {
            (_, null) => OrderOutcome.NotFound,
            ("pack", OrderStatus.Reserved) => Move(OrderStatus.Packed),
            ("pack", OrderStatus.Packed or OrderStatus.ReadyForPickup or OrderStatus.PickedUp) => OrderOutcome.Replayed,
            ("ready", OrderStatus.Packed) => Move(OrderStatus.ReadyForPickup),
            ("ready", OrderStatus.ReadyForPickup) => OrderOutcome.Replayed,
            ("picked-up", OrderStatus.ReadyForPickup) => Move(OrderStatus.PickedUp),
            ("picked-up", OrderStatus.PickedUp) => OrderOutcome.Replayed,
            ("cancel", OrderStatus.Cancelled) => OrderOutcome.Replayed,
            ("cancel", OrderStatus.Reserved or OrderStatus.Packed or OrderStatus.ReadyForPickup) => Move(OrderStatus.Cancelled),
            _ => OrderOutcome.InvalidTransition,
        };
    }

    private static Task<OrderResult> ExecuteAsync(IOrderGrain order, string kind, string[] skus, int a, int b) => kind switch
    {
        "place" => order.PlaceAsync(new PlaceOrder
        {
            ShopperId = new("property"),
            SessionId = new("property"),
            Lines = [.. new[] { (skus[0], a), (skus[1], b) }.Where(l => l.Item2 > 0).Select(l => new OrderLineRequest { Sku = l.Item1, Quantity = l.Item2 })],
            Mode = FulfilmentMode.Pickup,
            PickupLocationId = TestData.Camden.Id,
        }),
        "pack" => order.PackAsync("property"),
        "ready" => order.MarkReadyForPickupAsync("property"),
        "picked-up" => order.MarkPickedUpAsync("property"),
        _ => order.CancelAsync("property", null),
    };

    private static string Describe((OrderStatus? Status, int A, int B)[] model) =>
        string.Join(" ", model.Select((m, i) => $"#{i}:{m.Status?.ToString() ?? "-"}({m.A},{m.B})"));
}
