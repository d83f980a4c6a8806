using Tandem.Contracts.Catalog;

namespace Tandem.Api.Http;

/// <summary>Collects what is wrong with a request, field by field, for a validation problem.</summary>
public sealed class RequestErrors
{
    public const int MaxQuantity = 1000;
    public const int MaxTextLength = 200;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public RequestErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    /// <summary>Required identifier (sku, location, shopper…).</summary>
    public RequestErrors Identifier(string field, string? value)
    {
        if (value is null)
        {
            return Add(field, "Required.");
        }

        return Grains.Interfaces.Keys.Identifier.IsValid(value)
            ? this
            : Add(field, $"1–{Grains.Interfaces.Keys.Identifier.MaxLength} letters, digits, '-', '_' or '.', starting with a letter or digit.");
    }

    /// <summary>Required quantity within [<paramref name="min"/>, 1000].</summary>
    public RequestErrors Quantity(string field, int? value, int min = 1)
    {
        if (value is null)
        {
            return Add(field, "Required.");
        }

        return value < min || value > MaxQuantity ? Add(field, $"Must be between {min} and {MaxQuantity}.") : this;
    }

    /// <summary>Required free text: printable, no control characters, at most 200 characters.</summary>
    public RequestErrors Text(string field, string? value, bool required = true)
    {
        if (value is null)
        {
            return required ? Add(field, "Required.") : this;
        }

        if (value.Length == 0 || value.Length > MaxTextLength)
        {
            return Add(field, $"Must be 1–{MaxTextLength} characters.");
        }

        return value.Any(char.IsControl) ? Add(field, "Must not contain control characters.") : this;
    }

    public RequestErrors Position(string field, double? lat, double? lon)
    {
        if (lat is null || lon is null)
        {
            return Add(field, "Latitude and longitude are required.");
        }

        return GeoPoint.IsValid(lat.Value, lon.Value) ? this : Add(field, "Latitude must be within ±90 and longitude within ±180.");
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
}
