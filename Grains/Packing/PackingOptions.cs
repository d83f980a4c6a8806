namespace Tandem.Grains.Packing;

/// <summary>The box catalogue and packing rules; bound from configuration section <c>Tandem:Packing</c>.</summary>
public sealed class PackingOptions
{
    /// <summary>The boxes stores pack into; none configured: <see cref="DefaultBoxes"/>.</summary>
    public List<BoxOption> Boxes { get; set; } = [];

    /// <summary>Share of each unit's base that must rest on the box floor or on units below it.</summary>
    public double MinSupport { get; set; } = 0.75;

    /// <summary>How long the packer may search one box (a plan takes at most eight of these).</summary>
    public TimeSpan TimeCapPerBox { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Most constructions tried per box (the search stops sooner when everything fits).</summary>
    public int Attempts { get; set; } = 200;

    /// <summary>Plans kept per silo, one per item set (the least recently used goes first).</summary>
    public int CacheSize { get; set; } = 2_000;

    /// <summary>A shipping catalogue of five boxes from a small mailer to a large carton.</summary>
    public static IReadOnlyList<BoxOption> DefaultBoxes { get; } =
    [
        new() { Id = "S", LengthCm = 25, WidthCm = 20, HeightCm = 10, MaxWeightKg = 5 },
        new() { Id = "M", LengthCm = 35, WidthCm = 25, HeightCm = 15, MaxWeightKg = 10 },
        new() { Id = "L", LengthCm = 45, WidthCm = 35, HeightCm = 25, MaxWeightKg = 20 },
        new() { Id = "XL", LengthCm = 60, WidthCm = 40, HeightCm = 40, MaxWeightKg = 25 },
        new() { Id = "XXL", LengthCm = 80, WidthCm = 60, HeightCm = 50, MaxWeightKg = 30 },
    ];

    public IReadOnlyList<BoxOption> Catalogue => Boxes.Count > 0 ? Boxes : DefaultBoxes;
}

/// <summary>One box of the catalogue: inner size and the most it carries.</summary>
public sealed class BoxOption
{
    public string Id { get; set; } = "";

    public double LengthCm { get; set; }

    public double WidthCm { get; set; }

    public double HeightCm { get; set; }

    public double MaxWeightKg { get; set; }
}
