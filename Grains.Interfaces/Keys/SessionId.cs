namespace Tandem.Grains.Interfaces.Keys;

/// <summary>Key of a shopper session grain.</summary>
[GenerateSerializer, Immutable, Alias("tandem.session-id")]
public readonly record struct SessionId
{
    public SessionId(string value) => Value = Identifier.Require(value, "session");

    [Id(0)] public string Value { get; }

    public static SessionId Parse(string value) => new(value);

    public override string ToString() => Value;
}
