namespace Tandem.Grains.Couriers;

[GenerateSerializer, Alias("tandem.courier-directory-state")]
public sealed class CourierDirectoryState
{
    public const int CurrentSchema = 1;

    [Id(0)] public int Schema { get; set; } = CurrentSchema;

    [Id(1)] public HashSet<string> CourierIds { get; set; } = [];
}
