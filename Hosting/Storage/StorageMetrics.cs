using System.Diagnostics.Metrics;

using Tandem.Grains.Infrastructure;

namespace Tandem.Hosting.Storage;

/// <summary>What the PostgreSQL grain storage measures, on Tandem's meter.</summary>
internal static class StorageMetrics
{
    private static readonly Meter Meter = new(TandemMetrics.MeterName);

    /// <summary>Rows per statement sent to PostgreSQL (tag <c>kind</c>: read, write).</summary>
    public static readonly Histogram<int> BatchRows =
        Meter.CreateHistogram<int>("tandem.storage.batch_rows", unit: "{row}", description: "Grain state rows per PostgreSQL statement");

    /// <summary>Writes refused because the row's version was not the one the activation held.</summary>
    public static readonly Counter<long> Conflicts =
        Meter.CreateCounter<long>("tandem.storage.conflicts", unit: "{write}", description: "Grain state writes refused for a stale version");
}
