namespace Tandem.Grains.Interfaces.Keys;

/// <summary>FNV-1a over a key's characters: stable across processes and runs (unlike <see cref="string.GetHashCode()"/>), for spreading keys over shards.</summary>
public static class KeyHash
{
    public static uint Of(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
