namespace Tandem.Tests.Infrastructure;

// xUnit takes collection definitions only from the test assembly itself; the fixtures live in Tandem.Testing.

/// <summary>Browser tests measure the pages' timing, so they run alone, not beside the other collections.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "web";
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessClusterCollection
{
    public const string Name = "process cluster";
}
