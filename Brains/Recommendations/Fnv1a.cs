namespace Tandem.Brains.Recommendations;

/// <summary>FNV-1a over a text's characters: the same number in every process and run (unlike <see cref="string.GetHashCode()"/>), for seeding draws that must repeat.</summary>
public static class Fnv1a
{
    public static int Of(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)hash;
    }

    /// <summary>The 64-bit FNV-1a of the text.</summary>
    public static ulong Of64(string text)
    {
        var hash = 14695981039346656037ul;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211ul;
        }

        return hash;
    }

    /// <summary>The 64-bit FNV-1a of the text as 16 hex digits: a stable id made from what it names.</summary>
    public static string Hex64(string text) => Of64(text).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
