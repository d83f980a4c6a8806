namespace Tandem.Api.Http;

/// <summary>Reads an enumeration's value from its name on the wire (camelCase, case ignored); numbers and unknown names are refused.</summary>
public static class WireNames
{
    public static bool TryParse<T>(string? value, out T parsed) where T : struct, Enum
    {
        var name = value is null ? null : Array.Find(Enum.GetNames<T>(), n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase));
        parsed = name is null ? default : Enum.Parse<T>(name);
        return name is not null;
    }

    /// <summary>The names a field accepts, for its error message.</summary>
    public static string Accepted<T>() where T : struct, Enum =>
        string.Join(", ", Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
}
