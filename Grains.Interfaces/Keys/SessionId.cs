namespace Tandem.Grains.Interfaces.Keys;

/// <summary>Key of a shopper session grain.</summary>
public readonly record struct SessionId
{
    public SessionId(string value) => Value = Identifier.Require(value, "session");

    public string Value { get; }

    public static SessionId Parse(string value) => new(value);

    public override string ToString() => Value;
}
