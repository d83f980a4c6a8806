namespace Tandem.Hosting.Database;

/// <summary>What the migrator logs (source-generated).</summary>
internal static partial class DatabaseLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Applied migration {Migration}")]
    public static partial void MigrationApplied(this ILogger logger, string migration);
}
