namespace Tandem.Hosting.Storage;

/// <summary>
/// How Tandem's PostgreSQL grain storage groups the reads and writes of a silo's activations
/// (configuration section <c>Tandem:Storage</c>).
/// </summary>
public sealed class PostgresGrainStorageOptions
{
    public const string Section = "Tandem:Storage";

    /// <summary>
    /// How long a batch waits for more rows once a database connection is free for it. The default, zero,
    /// sends what is queued at once: under load rows queue anyway while the previous batches are in flight,
    /// and waiting on top of that only added latency in the benchmark (bench/RESULTS.md).
    /// </summary>
    public TimeSpan Linger { get; set; } = TimeSpan.Zero;

    /// <summary>The most rows one statement carries.</summary>
    public int MaxRows { get; set; } = 512;

    /// <summary>How many batches of each kind (reads, writes) may be in flight at once, each on its own connection.</summary>
    public int MaxConcurrentBatches { get; set; } = 4;

    /// <summary>How often a batch that PostgreSQL aborted for a deadlock or a serialization failure is tried again.</summary>
    public int TransientRetries { get; set; } = 3;

    /// <summary>
    /// For a state that records its changes (an inventory cell): how many writes append only their changes before one
    /// writes the whole state again. Reading such a state back reads the whole copy and at most this many rows after it.
    /// </summary>
    public int SnapshotEvery { get; set; } = 100;

    public IEnumerable<string> Problems()
    {
        if (Linger < TimeSpan.Zero || Linger > TimeSpan.FromSeconds(1))
        {
            yield return $"{Section}:Linger must lie between 0 and 1 second.";
        }

        if (MaxRows is < 1 or > 10_000)
        {
            yield return $"{Section}:MaxRows must lie between 1 and 10000.";
        }

        if (MaxConcurrentBatches is < 1 or > 64)
        {
            yield return $"{Section}:MaxConcurrentBatches must lie between 1 and 64.";
        }

        if (SnapshotEvery is < 1 or > 100_000)
        {
            yield return $"{Section}:SnapshotEvery must lie between 1 and 100000.";
        }

        if (TransientRetries is < 0 or > 10)
        {
            yield return $"{Section}:TransientRetries must lie between 0 and 10.";
        }
    }
}
