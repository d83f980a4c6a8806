namespace Tandem.Hosting.Demo;

/// <summary>What the demo seeder logs (source-generated).</summary>
internal static partial class DemoLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Demo city seeded: {Products} products, {Locations} locations, {Cells} stock cells, {Couriers} couriers in {Elapsed}")]
    public static partial void DemoSeeded(this ILogger logger, int products, int locations, int cells, int couriers, TimeSpan elapsed);
}
