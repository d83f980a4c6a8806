using System.Globalization;
using System.Security.Cryptography;
using System.Text;

using Tandem.Contracts.Catalog;
using Tandem.Contracts.Orders;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Interfaces.Orders;

/// <summary>A request to place an order; validated for shape by the caller, for facts by the order grain.</summary>
[GenerateSerializer, Immutable, Alias("tandem.place-order")]
public sealed record PlaceOrder
{
    [Id(0)] public required ShopperId ShopperId { get; init; }

    [Id(1)] public required SessionId SessionId { get; init; }

    [Id(2)] public required IReadOnlyList<OrderLineRequest> Lines { get; init; }

    [Id(3)] public required FulfilmentMode Mode { get; init; }

    /// <summary>The store for a pickup order.</summary>
    [Id(4)] public string? PickupLocationId { get; init; }

    /// <summary>Where a delivery order goes.</summary>
    [Id(5)] public GeoPoint? DeliveryAddress { get; init; }

    /// <summary>A coupon of the shopper's to spend on the order (single use), if any.</summary>
    [Id(6)] public string? CouponCode { get; init; }

    /// <summary>
    /// A stable digest of what was asked: two requests with the same idempotency key must carry the same
    /// fingerprint, or the second is a conflict.
    /// </summary>
    public string Fingerprint()
    {
        var text = new StringBuilder()
            .Append(ShopperId).Append('|').Append(SessionId).Append('|').Append(Mode).Append('|')
            .Append(PickupLocationId).Append('|')
            .Append(DeliveryAddress is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{DeliveryAddress.Lat:R},{DeliveryAddress.Lon:R}"));
        foreach (var line in Lines)
        {
            text.Append('|').Append(line.Sku).Append('x').Append(line.Quantity.ToString(CultureInfo.InvariantCulture));
        }

        if (CouponCode is not null)
        {
            text.Append("|coupon:").Append(CouponCode);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
