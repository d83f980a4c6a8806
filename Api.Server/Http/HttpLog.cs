namespace Tandem.Api.Http;

/// <summary>What the HTTP rules log (source-generated).</summary>
internal static partial class HttpLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Answering 503 for {Path}: {Reason}")]
    public static partial void AnsweringUnavailable(this ILogger logger, string path, string reason);
}
