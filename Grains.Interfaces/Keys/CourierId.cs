namespace Tandem.Grains.Interfaces.Keys;

/// <summary>Key of a courier grain.</summary>
[GenerateSerializer, Immutable, Alias("tandem.courier-id")]
public readonly record struct CourierId
{
    public CourierId(string value) => Value = Identifier.Require(value, "courier");

    [Id(0)] public string Value { get; }

    public static CourierId Parse(string value) => new(value);

    public override string ToString() => Value;
}
