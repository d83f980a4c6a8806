namespace Tandem.Grains.Infrastructure;

/// <summary>
/// A grain storage that serializes what it is given to write before <c>WriteStateAsync</c> first yields, on the grain's
/// own turn: what it stores is the state as it was when the write began, so a reentrant grain may hand it its live state
/// instead of a copy (<see cref="GroupCommit{TState,TEvent}"/>). Tandem's PostgreSQL and embedded storages are such
/// storages; Orleans' ADO.NET storage is not (it serializes after awaiting a connection).
/// </summary>
public interface ICapturesStateOnWrite;
