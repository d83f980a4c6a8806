using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using Tandem.Brains.Evaluation;

namespace Tandem.Evaluate;

/// <summary>
/// Runs a command and, with <c>--lineage &lt;file&gt;</c>, appends its run's OpenLineage events to the file
/// (<see cref="EvaluationRunEvents"/>): START before it reads anything, then COMPLETE with the JSON line it printed, or
/// FAIL with the error. Without the option the command runs as it is.
/// </summary>
internal static class RunLineage
{
    public static int Run(string command, Arguments args, Func<Arguments, int> body)
    {
        if (args.Optional("lineage") is not { } file)
        {
            return body(args);
        }

        var runId = Guid.CreateVersion7();
        var options = args.Options.Where(o => o.Key != "lineage").ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);
        Append(file, EvaluationRunEvents.Start(runId, command, DateTimeOffset.UtcNow, args.Folders, options));
        var printed = new LastJsonLine(Console.Out);
        Console.SetOut(printed);
        var watch = Stopwatch.StartNew();
        try
        {
            var code = body(args);
            Append(file, EvaluationRunEvents.End(runId, command, DateTimeOffset.UtcNow, args.Folders, code, watch.Elapsed.TotalSeconds, printed.Json(), null));
            return code;
        }
        catch (Exception ex)
        {
            Append(file, EvaluationRunEvents.End(runId, command, DateTimeOffset.UtcNow, args.Folders, 1, watch.Elapsed.TotalSeconds, null, ex.Message));
            throw;
        }
        finally
        {
            Console.SetOut(printed.Inner);
        }
    }

    private static void Append(string file, JsonObject runEvent) =>
        File.AppendAllText(file, runEvent.ToJsonString() + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    /// <summary>Passes everything written on to <see cref="Inner"/> and keeps the last whole line that is a JSON object.</summary>
    private sealed class LastJsonLine(TextWriter inner) : TextWriter
    {
        private readonly StringBuilder _line = new();
        private string? _json;

        public TextWriter Inner => inner;

        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            inner.Write(value);
            if (value == '\n')
            {
                var line = _line.ToString().TrimEnd('\r');
                if (line.StartsWith('{'))
                {
                    _json = line;
                }

                _line.Clear();
            }
            else
            {
                _line.Append(value);
            }
        }

        public override void Write(string? value)
        {
            foreach (var c in value ?? "")
            {
                Write(c);
            }
        }

        public override void Flush() => inner.Flush();

        public JsonNode? Json()
        {
            try
            {
                return _json is null ? null : JsonNode.Parse(_json);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
