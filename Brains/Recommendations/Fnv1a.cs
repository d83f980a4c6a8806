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
}
