using System.Security.Cryptography;
using System.Text;

namespace Tandem.Grains.Interfaces.Keys;

/// <summary>Key of an order grain.</summary>
[GenerateSerializer, Immutable, Alias("tandem.order-id")]
public readonly record struct OrderId
{
    public OrderId(string value) => Value = Identifier.Require(value, "order");

    [Id(0)] public string Value { get; }

    /// <summary>
    /// The order id a client's idempotency key stands for: the same shopper and key always name the same
    /// order, so a retried placement lands on the grain that already holds it.
    /// </summary>
    public static OrderId FromIdempotencyKey(string shopperId, string idempotencyKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{shopperId}\n{idempotencyKey}"));
        return new OrderId("o-" + Convert.ToHexStringLower(hash.AsSpan(0, 12)));
    }

    public static OrderId Parse(string value) => new(value);

    public override string ToString() => Value;
}
