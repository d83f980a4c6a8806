using System.Text;

using Tandem.Contracts.Inventory;
using Tandem.Contracts.Orders;
using Tandem.Grains.Inventory;
using Tandem.Grains.Orders;
using Tandem.Hosting.Configuration;

namespace Tandem.Tests.Persistence;

/// <summary>Stored state is plain JSON: no CLR type names, so renaming a C# type never breaks it.</summary>
public sealed class StateSerializerTests
{
    [Fact]
    public void Stored_state_carries_no_type_names_and_reads_back_into_a_renamed_type()
    {
        var serializer = new StateSerializer();
        var state = new InventoryCellState
        {
            OnHand = 7,
            Reserved = 2,
            Bin = new Bin { Aisle = "3", Shelf = "B" },
            Live = { ["r1"] = new Reservation { Quantity = 2, ExpiresAt = DateTimeOffset.UnixEpoch.AddHours(1) } },
            Closed = { ["r0"] = new ClosedReservation { Quantity = 1, End = ReservationEnd.Committed, At = DateTimeOffset.UnixEpoch } },
            Version = 4,
        };

        var stored = serializer.Serialize(state);
        var json = Encoding.UTF8.GetString(stored.ToArray());
        var renamed = serializer.Deserialize<RenamedCellState>(stored);

        Assert.DoesNotContain("$type", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Tandem.", json, StringComparison.Ordinal);
        Assert.Contains("\"schema\":1", json, StringComparison.Ordinal);
        Assert.Contains("\"end\":\"committed\"", json, StringComparison.Ordinal);
        Assert.Equal((1, 7, 2, 4L, "B"), (renamed.Schema, renamed.OnHand, renamed.Reserved, renamed.Version, renamed.Bin!.Shelf));
        Assert.Equal(2, renamed.Live["r1"].Quantity);
    }

    [Fact]
    public void A_cell_stored_with_its_holds_creation_times_reads_into_today_s_cell_state()
    {
        const string Stored = """
            {"schema":1,"onHand":5,"live":{"o-1.1.0":{"quantity":2,"expiresAt":"2026-11-30T20:29:24.9619423+00:00","createdAt":"2026-11-30T19:29:24.9619423+00:00"}},
             "closed":{},"appliedReferences":{},"committed":0,"version":3,"history":[],"reserved":2,"nextExpiry":"2026-11-30T20:29:24.9619423+00:00"}
            """;

        var cell = new StateSerializer().Deserialize<InventoryCellState>(new BinaryData(Encoding.UTF8.GetBytes(Stored)));
        var written = Encoding.UTF8.GetString(new StateSerializer().Serialize(cell).ToArray());

        Assert.Equal((5, 2, 3L), (cell.OnHand, cell.Reserved, cell.Version));
        Assert.Equal(new Reservation { Quantity = 2, ExpiresAt = DateTimeOffset.Parse("2026-11-30T20:29:24.9619423+00:00", System.Globalization.CultureInfo.InvariantCulture) }, cell.Live["o-1.1.0"]);
        Assert.DoesNotContain("createdAt", written, StringComparison.Ordinal);
    }

    [Fact]
    public void An_order_stored_by_schema_1_reads_into_today_s_order_state_with_nothing_pending()
    {
        const string Schema1 = """
            {"schema":1,"placed":true,"fingerprint":"ab12","shopperId":"s-1","sessionId":"session-1","mode":"delivery",
             "pickupLocationId":null,"deliveryAddress":{"lat":51.5,"lon":-0.1},
             "lines":[{"sku":"HOM-0001","quantity":2,"locationId":"camden","reservationId":"o-1.1.0","unitPrice":10.5}],
             "status":"packed","courierId":null,
             "history":[{"from":null,"to":"placed","at":"2026-11-24T09:00:00+00:00","actor":"shopper:s-1","note":null},
                        {"from":"placed","to":"reserved","at":"2026-11-24T09:00:00+00:00","actor":"system","note":null}],
             "placedAt":"2026-11-24T09:00:00+00:00","version":3,"nextAttempt":2}
            """;

        var order = new StateSerializer().Deserialize<OrderState>(new BinaryData(Encoding.UTF8.GetBytes(Schema1)));

        Assert.Equal((1, true, OrderStatus.Packed, FulfilmentMode.Delivery, 3L, 2), (order.Schema, order.Placed, order.Status, order.Mode, order.Version, order.NextAttempt));
        Assert.Equal(("o-1.1.0", 2, 10.5m), (order.Lines[0].ReservationId, order.Lines[0].Quantity, order.Lines[0].UnitPrice));
        Assert.Equal([OrderStatus.Placed, OrderStatus.Reserved], order.History.Select(h => h.To));
        Assert.Equal((0, (PendingStep?)null, 1, false, (DateTimeOffset?)null, (DateTimeOffset?)null), (order.Duties.Count, order.Step, order.NextHold, order.MayCountUnits, order.PlannedAt, order.DueAt));
    }

    /// <summary>The same shape under another name, as after a refactoring.</summary>
    private sealed class RenamedCellState
    {
        public int Schema { get; set; }

        public int OnHand { get; set; }

        public int Reserved { get; set; }

        public long Version { get; set; }

        public Bin? Bin { get; set; }

        public Dictionary<string, Reservation> Live { get; set; } = [];
    }
}
