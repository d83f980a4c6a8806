namespace Tandem.Silo;

/// <summary>What the silo executable logs (source-generated).</summary>
internal static partial class SiloLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "No ConnectionStrings:{Name} configured; nothing to migrate.")]
    public static partial void NothingToMigrate(this ILogger logger, string name);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Database is up to date ({Applied} migration(s) applied now).")]
    public static partial void DatabaseUpToDate(this ILogger logger, int applied);
}
