namespace Tandem.Tests.Infrastructure;

// xUnit takes collection definitions only from the test assembly itself; the fixtures live in Tandem.Testing.

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}

[CollectionDefinition(Name)]
public sealed class GrainClusterCollection : ICollectionFixture<GrainClusterFixture>
{
    public const string Name = "grain cluster";
}
