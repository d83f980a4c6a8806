using System.Diagnostics;
using System.Globalization;
using System.Text;

using Tandem.Brains.Packing;
using Tandem.Contracts.Catalog;
using Tandem.Contracts.Packing;
using Tandem.Grains.Interfaces.Orders;

namespace Tandem.Grains.Packing;

/// <summary>
/// Turns order lines and their products into a packing plan: sizes in whole millimetres (an item's rounded up, a box's
/// rounded down), "this side up" and fragile from the product, the block packer choosing the boxes, and first fit
/// decreasing choosing them again under the same rules as the baseline the plan is measured against (and kept instead
/// where it boxes as much in less box volume).
/// </summary>
public static class PackingPlanner
{
    public static OrderPacking Plan(PackingOptions options, IReadOnlyDictionary<string, Product> products, IReadOnlyList<OrderLineRequest> lines, DateTimeOffset now)
    {
        var merged = Merge(lines);
        var unknown = merged.Where(l => !products.ContainsKey(l.Sku)).ToList();
        var kinds = merged.Where(l => products.ContainsKey(l.Sku)).Select(l => Kind(products[l.Sku], l.Quantity)).ToList();
        var boxes = options.Catalogue.Select(b => new BoxSize(b.Id, Floor(b.LengthCm), Floor(b.WidthCm), Floor(b.HeightCm)) { MaxWeight = b.MaxWeightKg }).ToList();
        var rules = new PackingRules { MinSupport = options.MinSupport, TimeCap = options.TimeCapPerBox, Attempts = options.Attempts };
        var clock = Stopwatch.StartNew();
        var blocks = BoxChooser.Choose(boxes, kinds, rules, BlockPacker.Pack);
        var baseline = BoxChooser.Choose(boxes, kinds, rules, FirstFitPacker.Pack);
        var milliseconds = clock.Elapsed.TotalMilliseconds;

        var plan = Kept(blocks, baseline);
        var firstFitWins = !ReferenceEquals(plan, blocks);
        return new OrderPacking
        {
            Parcels = [.. plan.Boxes.Select(b => Parcel(b, kinds))],
            Unboxed =
            [
                .. unknown.Select(l => new UnboxedLine { Sku = l.Sku, Quantity = l.Quantity, Reason = "not in the catalogue" }),
                .. kinds.Select((k, i) => (Kind: k, Left: plan.Unplaced[i])).Where(u => u.Left > 0)
                    .Select(u => new UnboxedLine { Sku = u.Kind.Key, Quantity = u.Left, Reason = boxes.Any(b => BoxChooser.FitsAlone(b, u.Kind)) ? "no box had room" : "larger or heavier than every box" }),
            ],
            BoxLitres = Litres(plan.BoxVolume),
            ItemLitres = Litres(plan.PackedVolume),
            BaselineBoxes = [.. baseline.Boxes.Select(b => b.Box.Key)],
            BaselineLitres = Litres(baseline.BoxVolume),
            Algorithm = firstFitWins ? $"{FirstFitPacker.Version} (less box volume than {BlockPacker.Version})" : BlockPacker.Version,
            MinSupport = options.MinSupport,
            Milliseconds = Math.Round(milliseconds, 1),
            DecidedAt = now,
        };
    }

    /// <summary>
    /// Both plans are made anyway (the baseline is recorded with every decision): first fit's is kept when it leaves no
    /// more units out and takes less box volume, else the block packer's, so a plan is never worse than the baseline.
    /// </summary>
    public static BoxPlan Kept(BoxPlan blocks, BoxPlan firstFit)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(firstFit);
        return firstFit.Unplaced.Sum() <= blocks.Unplaced.Sum() && firstFit.BoxVolume < blocks.BoxVolume ? firstFit : blocks;
    }

    /// <summary>What a plan depends on: each sku's quantity, size, weight and flags (the order of the lines does not matter).</summary>
    public static string CacheKey(IReadOnlyDictionary<string, Product> products, IReadOnlyList<OrderLineRequest> lines)
    {
        var key = new StringBuilder();
        foreach (var line in Merge(lines))
        {
            key.Append(line.Sku).Append('×').Append(line.Quantity);
            if (products.TryGetValue(line.Sku, out var p))
            {
                key.Append(CultureInfo.InvariantCulture, $":{p.Dimensions.LengthCm},{p.Dimensions.WidthCm},{p.Dimensions.HeightCm},{p.WeightKg},{p.Fragile},{p.ThisSideUp}");
            }

            key.Append('|');
        }

        return key.ToString();
    }

    private static List<OrderLineRequest> Merge(IReadOnlyList<OrderLineRequest> lines) =>
        [.. lines.GroupBy(l => l.Sku, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new OrderLineRequest { Sku = g.Key, Quantity = g.Sum(l => l.Quantity) }).Where(l => l.Quantity > 0)];

    private static ItemKind Kind(Product p, int quantity) =>
        new(p.Sku, Ceiling(p.Dimensions.LengthCm), Ceiling(p.Dimensions.WidthCm), Ceiling(p.Dimensions.HeightCm), quantity)
        {
            LengthMayStand = !p.ThisSideUp,
            WidthMayStand = !p.ThisSideUp,
            Fragile = p.Fragile,
            Weight = p.WeightKg,
        };

    private static Parcel Parcel(PackedBox packed, List<ItemKind> kinds) => new()
    {
        BoxId = packed.Box.Key,
        LengthCm = Cm(packed.Box.Length),
        WidthCm = Cm(packed.Box.Width),
        HeightCm = Cm(packed.Box.Height),
        Fill = Math.Round(packed.Fill, 4),
        WeightKg = Math.Round(packed.Placements.Sum(p => kinds[p.Kind].Weight), 3),
        Items = [.. packed.Placements.Select((p, step) => new PackedItem
        {
            Sku = kinds[p.Kind].Key,
            X = Cm(p.X),
            Y = Cm(p.Y),
            Z = Cm(p.Z),
            LengthCm = Cm(p.Dx),
            WidthCm = Cm(p.Dy),
            HeightCm = Cm(p.Dz),
            Step = step + 1,
        })],
    };

    private static int Ceiling(double cm) => Math.Max(1, (int)Math.Ceiling(Math.Round(cm * 10, 6)));

    private static int Floor(double cm) => (int)Math.Floor(Math.Round(cm * 10, 6));

    private static double Cm(int mm) => mm / 10.0;

    private static double Litres(long cubicMm) => Math.Round(cubicMm / 1_000_000.0, 3);
}
