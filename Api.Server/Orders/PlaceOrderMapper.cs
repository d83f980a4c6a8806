using Tandem.Api.Http;
using Tandem.Contracts.Catalog;
using Tandem.Contracts.Orders;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Orders;

namespace Tandem.Api.Orders;

/// <summary>Checks the shape of an order request and turns it into the grain command.</summary>
public static class PlaceOrderMapper
{
    public const int MaxLines = 100;
    public const int MaxIdempotencyKeyLength = 128;

    /// <summary>The command for <paramref name="shopperId"/> (the signed-in shopper), or null with the errors recorded.</summary>
    public static PlaceOrder? Map(PlaceOrderRequest request, string shopperId, RequestErrors errors)
    {
        errors.Identifier("sessionId", request.SessionId);

        var lines = new List<OrderLineRequest>();
        if (request.Lines is null || request.Lines.Count == 0)
        {
            errors.Add("lines", "At least one line is required.");
        }
        else if (request.Lines.Count > MaxLines)
        {
            errors.Add("lines", $"At most {MaxLines} lines.");
        }
        else
        {
            for (var i = 0; i < request.Lines.Count; i++)
            {
                var line = request.Lines[i];
                if (line is null)
                {
                    errors.Add($"lines[{i}]", "Required.");
                    continue;
                }

                errors.Identifier($"lines[{i}].sku", line.Sku).Quantity($"lines[{i}].quantity", line.Quantity);
                if (line.Sku is not null && lines.Any(l => l.Sku == line.Sku))
                {
                    errors.Add($"lines[{i}].sku", $"{line.Sku} appears on more than one line; put the total on one line.");
                }

                if (line.Sku is not null && line.Quantity is not null)
                {
                    lines.Add(new OrderLineRequest { Sku = line.Sku, Quantity = line.Quantity.Value });
                }
            }
        }

        if (request.CouponCode is not null)
        {
            errors.Identifier("couponCode", request.CouponCode);
        }

        var mode = MapFulfilment(request.Fulfilment, errors, out var pickupAt, out var address);
        if (errors.Any)
        {
            return null;
        }

        return new PlaceOrder
        {
            ShopperId = new ShopperId(shopperId),
            SessionId = new SessionId(request.SessionId!),
            Lines = lines,
            Mode = mode,
            PickupLocationId = pickupAt,
            DeliveryAddress = address,
            CouponCode = request.CouponCode,
        };
    }

    /// <summary>An idempotency key is 1–128 visible ASCII characters.</summary>
    public static bool IsValidIdempotencyKey(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= MaxIdempotencyKeyLength && key.All(c => c is > ' ' and <= '~');

    private static FulfilmentMode MapFulfilment(FulfilmentDto? fulfilment, RequestErrors errors, out string? pickupAt, out GeoPoint? address)
    {
        pickupAt = null;
        address = null;
        switch (fulfilment?.Mode)
        {
            case null when fulfilment is null:
                errors.Add("fulfilment", "Required.");
                return default;
            case "pickup":
                errors.Identifier("fulfilment.locationId", fulfilment.LocationId);
                pickupAt = fulfilment.LocationId;
                return FulfilmentMode.Pickup;
            case "delivery":
                errors.Position("fulfilment.address", fulfilment.Address?.Lat, fulfilment.Address?.Lon);
                if (fulfilment.Address is { Lat: { } lat, Lon: { } lon } && GeoPoint.IsValid(lat, lon))
                {
                    address = new GeoPoint { Lat = lat, Lon = lon };
                }

                return FulfilmentMode.Delivery;
            default:
                errors.Add("fulfilment.mode", "Must be \"delivery\" or \"pickup\".");
                return default;
        }
    }
}
