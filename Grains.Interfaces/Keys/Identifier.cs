using System.Buffers;

namespace Tandem.Grains.Interfaces.Keys;

/// <summary>The one rule every identifier in Tandem follows (skus, locations, orders, sessions, couriers).</summary>
public static class Identifier
{
    /// <summary>Longest identifier accepted.</summary>
    public const int MaxLength = 64;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    /// <summary>1–64 characters of letters, digits, '-', '_' or '.', starting with a letter or digit.</summary>
    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.Length <= MaxLength
        && char.IsAsciiLetterOrDigit(value[0])
        && !value.AsSpan().ContainsAnyExcept(Allowed);

    /// <summary>Throws <see cref="FormatException"/> unless <paramref name="value"/> is a valid identifier.</summary>
    public static string Require(string? value, string kind) =>
        IsValid(value) ? value! : throw new FormatException($"'{value}' is not a valid {kind} identifier.");
}
