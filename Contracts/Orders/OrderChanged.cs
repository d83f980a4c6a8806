
namespace Tandem.Contracts.Orders;

/// <summary>An order moved to a new state. Published on the stream namespace <see cref="StreamNamespace"/>, partitioned by order id.</summary>
[GenerateSerializer, Immutable, Alias("tandem.order-changed")]
public sealed record OrderChanged
{
    /// <summary>What the control room's feed calls these events (<c>OpsEvent.Kind</c>).</summary>
    public const string OpsKind = "order";

    /// <summary>The stream namespace these events travel on.</summary>
    public const string StreamNamespace = "tandem.orders";

    [Id(0)] public required OrderView Order { get; init; }

    [Id(1)] public required OrderTransition Transition { get; init; }
}
