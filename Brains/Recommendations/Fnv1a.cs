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

    /// <summary>
    /// A uniform draw in [0, 1) fixed by the text: its 64-bit FNV-1a mixed by SplitMix64's finaliser, so that texts alike
    /// ("order-1", "order-2") draw unrelated numbers. A <see cref="Random"/> seeded with <see cref="Of(string)"/> does not
    /// give that: its first draw follows the seed, and the first draws of texts alike are spread far more evenly than chance.
    /// </summary>
    public static double Uniform(string text) => (Mixed(text) >> 11) * (1.0 / (1ul << 53));

    /// <summary>A seed fixed by the text, mixed as <see cref="Uniform"/> is: texts alike seed unrelated <see cref="Random"/>s.</summary>
    public static int Seed(string text) => (int)(Mixed(text) >> 32);

    private static ulong Mixed(string text)
    {
        var x = Of64(text);
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ul;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBul;
        return x ^ (x >> 31);
    }

    /// <summary>The 64-bit FNV-1a of the text as 16 hex digits: a stable id made from what it names.</summary>
    public static string Hex64(string text) => Of64(text).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
