using Npgsql;

using Orleans.Runtime.Messaging;
using Orleans.Storage;

using Tandem.Api.Http;
using Tandem.Grains.Interfaces.Errors;

namespace Tandem.Tests.Api;

/// <summary>What the cluster or its database throws when it cannot answer is answered 503 (retry); a grain's own errors are not.</summary>
public sealed class UnavailableAnswersTests
{
    public static TheoryData<string, Exception> Transient => new()
    {
        { "a silo gone", new SiloUnavailableException("silo gone") },
        { "a message not forwarded after its activation moved", new OrleansException("Forwarding failed: tried to forward message for 2 times after activation was not found") },
        { "a stale write refused after a failover", new InconsistentStateException("stale", "v2", "v1") },
        { "no connection to a silo", new ConnectionFailedException("refused") },
        { "a call that timed out", new TimeoutException("30 s") },
        { "a grain that could not save", new StorageUnavailableException("could not save", new IOException("disk")) },
        { "PostgreSQL restarting", new NpgsqlException("terminating connection") },
        { "one of several calls failing so", new AggregateException(new InvalidOperationException("other"), new SiloUnavailableException("gone")) },
        { "wrapped", new InvalidOperationException("outer", new SiloUnavailableException("gone")) },
        { "a call that expired before its grain was placed (a silo died mid-placement)", new OperationCanceledException("Message expired before placement could complete for grain order/o-1.") },
        { "a call cancelled when its deadline passed", new TaskCanceledException("deadline") },
    };

    public static TheoryData<string, Exception> OwnErrors => new()
    {
        { "a bad argument", new ArgumentException("bad") },
        { "a broken invariant", new InvalidOperationException("bug") },
        { "a missing key", new KeyNotFoundException("none") },
        { "a serializer that cannot", new Orleans.Serialization.CodecNotFoundException("no codec") },
    };

    [Theory]
    [MemberData(nameof(Transient))]
    public void The_cluster_or_its_database_not_answering_is_transient(string what, Exception exception) =>
        Assert.True(UnavailableExceptionHandler.IsTransient(exception), what);

    [Theory]
    [MemberData(nameof(OwnErrors))]
    public void A_grain_s_own_error_is_not(string what, Exception exception) =>
        Assert.False(UnavailableExceptionHandler.IsTransient(exception), what);
}
