using Npgsql;

using NpgsqlTypes;

namespace Tandem.Hosting.Storage;

/// <summary>The identity of a row within one service: how the batcher compares rows and how a statement names them.</summary>
internal static class StateKey
{
    public static string Of(string grainId, string stateName) => string.Concat(grainId, "\n", stateName);

    /// <summary>Adds <c>@service_id</c>, <c>@grain_ids</c> and <c>@state_names</c> (one array element per row) to a batch statement.</summary>
    public static void AddRows(NpgsqlCommand command, string serviceId, IEnumerable<string> grainIds, IEnumerable<string> stateNames)
    {
        command.Parameters.Add(new NpgsqlParameter<string>("service_id", NpgsqlDbType.Text) { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string[]>("grain_ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. grainIds] });
        command.Parameters.Add(new NpgsqlParameter<string[]>("state_names", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. stateNames] });
    }
}
