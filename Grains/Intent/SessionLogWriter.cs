using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Tandem.Brains.Intent;

namespace Tandem.Grains.Intent;

/// <summary>
/// Writes the session log the purchase-intent model is retrained from: sessions hand it their new behaviour and orders
/// (<see cref="Write"/> never waits), and it appends them in batches to <c>sessions-{hour}-{process}.jsonl</c> in
/// <see cref="IntentOptions.LogFolder"/>. Training data, not a record that must be kept: when the folder cannot be
/// written or the writer falls <see cref="Capacity"/> lines behind, lines are dropped and counted in the log.
/// </summary>
public sealed class SessionLogWriter(IOptions<IntentOptions> options, TimeProvider time, ILogger<SessionLogWriter> logger) : BackgroundService
{
    public const int Capacity = 100_000;

    private readonly Channel<SessionLogLine> _lines = Channel.CreateBounded<SessionLogLine>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true,
    });

    private long _dropped;
    private long _written;

    /// <summary>Lines written to files so far.</summary>
    public long Written => Interlocked.Read(ref _written);

    public void Write(IEnumerable<SessionLogLine> lines)
    {
        if (!options.Value.Log)
        {
            return;
        }

        foreach (var line in lines)
        {
            if (!_lines.Writer.TryWrite(line))
            {
                Interlocked.Increment(ref _dropped);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var folder = options.Value.LogFolder;
        var process = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var batch = new List<SessionLogLine>();
        try
        {
            while (await _lines.Reader.WaitToReadAsync(stoppingToken))
            {
                Drain(batch);
                Append(folder, process, batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        Drain(batch);
        Append(folder, process, batch);
    }

    private void Drain(List<SessionLogLine> batch)
    {
        while (batch.Count < 10_000 && _lines.Reader.TryRead(out var line))
        {
            batch.Add(line);
        }
    }

    private void Append(string folder, string process, List<SessionLogLine> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var dropped = Interlocked.Exchange(ref _dropped, 0);
        if (dropped > 0)
        {
            logger.LogDropped(dropped);
        }

        try
        {
            Directory.CreateDirectory(folder);
            var hour = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HH", CultureInfo.InvariantCulture);
            using var file = new StreamWriter(Path.Combine(folder, $"sessions-{hour}-{process}.jsonl"), append: true);
            foreach (var line in batch)
            {
                file.WriteLine(JsonSerializer.Serialize(line, SessionLog.Json));
            }

            Interlocked.Add(ref _written, batch.Count);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogUnwritable(ex, folder, batch.Count);
        }

        batch.Clear();
    }
}
