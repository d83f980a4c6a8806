using Tandem.Brains.Recommendations;

namespace Tandem.Brains.Experiments;

/// <summary>
/// Sticky assignment by hashing: a unit (a shopper or a session) always lands in the same variant of an experiment, in
/// every process and run, with nothing stored. Two draws per unit and experiment, each from its own salt: whether the
/// unit is in the experiment's traffic at all, then which variant by the weights; different experiments draw
/// independently of each other because the experiment's id is part of what is hashed.
/// </summary>
public static class Assignment
{
    /// <summary>The unit's variant (an index into <paramref name="variants"/>), or -1 when it falls outside <paramref name="traffic"/> (0–1).</summary>
    public static int Assign(string experimentId, string unitId, IReadOnlyList<Variant> variants, double traffic = 1.0)
    {
        ArgumentNullException.ThrowIfNull(variants);
        if (variants.Count == 0 || Position(experimentId, "traffic", unitId) >= traffic)
        {
            return -1;
        }

        var total = variants.Sum(v => v.Weight);
        var at = Position(experimentId, "variant", unitId) * total;
        for (var i = 0; i < variants.Count; i++)
        {
            at -= variants[i].Weight;
            if (at < 0)
            {
                return i;
            }
        }

        return variants.Count - 1;
    }

    /// <summary>A stable position in [0, 1) for the unit under one experiment and salt: FNV-1a, then a 64-bit finaliser so nearby ids spread.</summary>
    public static double Position(string experimentId, string salt, string unitId)
    {
        var hash = Fnv1a.Of64(string.Concat(experimentId, "/", salt, "/", unitId));
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdul;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53ul;
        hash ^= hash >> 33;
        return (hash >> 11) * (1.0 / (1ul << 53));
    }
}
