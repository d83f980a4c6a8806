namespace Tandem.Grains.Interfaces.Keys;

/// <summary>
/// Key of a shopper's grains: the subject of the shopper's token. Subjects are opaque to Tandem (an external
/// issuer chooses them), so any non-empty text up to <see cref="MaxLength"/> characters is accepted.
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.shopper-id")]
public readonly record struct ShopperId
{
    public const int MaxLength = 255;

    public ShopperId(string value) =>
        Value = !string.IsNullOrEmpty(value) && value.Length <= MaxLength ? value : throw new FormatException($"'{value}' is not a valid shopper id.");

    [Id(0)] public string Value { get; }

    public static ShopperId Parse(string value) => new(value);

    public override string ToString() => Value;
}
