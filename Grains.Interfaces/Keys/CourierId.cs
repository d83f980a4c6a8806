namespace Tandem.Grains.Interfaces.Keys;

/// <summary>Key of a courier grain.</summary>
public readonly record struct CourierId
{
    public CourierId(string value) => Value = Identifier.Require(value, "courier");

    public string Value { get; }

    public static CourierId Parse(string value) => new(value);

    public override string ToString() => Value;
}
