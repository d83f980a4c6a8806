using Tandem.Hosting.Storage;

namespace Tandem.Tests.Persistence;

/// <summary>The PostgreSQL grain storage's settings: the defaults are sound, and each value out of range is named.</summary>
public sealed class PostgresGrainStorageOptionsTests
{
    [Fact]
    public void The_defaults_have_no_problem_and_each_value_out_of_range_is_named()
    {
        var defaults = new PostgresGrainStorageOptions().Problems();
        var bad = new PostgresGrainStorageOptions
        {
            Linger = TimeSpan.FromSeconds(2), MaxRows = 0, MaxConcurrentBatches = 65, TransientRetries = -1, SnapshotEvery = 0,
        }.Problems();

        Assert.Empty(defaults);
        Assert.Equal(
        [
            "Tandem:Storage:Linger must lie between 0 and 1 second.",
            "Tandem:Storage:MaxRows must lie between 1 and 10000.",
            "Tandem:Storage:MaxConcurrentBatches must lie between 1 and 64.",
            "Tandem:Storage:SnapshotEvery must lie between 1 and 100000.",
            "Tandem:Storage:TransientRetries must lie between 0 and 10.",
        ], bad);
    }
}
