using System.Text;
using Tandem.Grains.Interfaces.Inventory;
using Tandem.Grains.Inventory;
using Tandem.Silo.Configuration;

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
            Live = { ["r1"] = new Reservation { Quantity = 2, CreatedAt = DateTimeOffset.UnixEpoch, ExpiresAt = DateTimeOffset.UnixEpoch.AddHours(1) } },
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
