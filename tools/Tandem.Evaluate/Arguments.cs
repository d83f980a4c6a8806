using System.Globalization;

namespace Tandem.Evaluate;

/// <summary>A command's arguments: one data folder and <c>--name value</c> options.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _options;

    private Arguments(string folder, Dictionary<string, string> options)
    {
        Folder = folder;
        _options = options;
    }

    public string Folder { get; }

    public static Arguments Parse(IReadOnlyList<string> args)
    {
        string? folder = null;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException($"{args[i]} needs a value.");
                }

                options[args[i][2..]] = args[++i];
            }
            else if (folder is null)
            {
                folder = args[i];
            }
            else
            {
                throw new ArgumentException($"Unexpected argument \"{args[i]}\": give one data folder.");
            }
        }

        if (folder is null || !Directory.Exists(folder))
        {
            throw new ArgumentException(folder is null ? "Give the data folder." : $"No folder {folder}.");
        }

        return new Arguments(folder, options);
    }

    public string Text(string name, string fallback) => _options.GetValueOrDefault(name, fallback);

    /// <summary>The option's value as given, or null.</summary>
    public string? Optional(string name) => _options.GetValueOrDefault(name);

    /// <summary>The options as given, by name.</summary>
    public IReadOnlyDictionary<string, string> Options => _options;

    /// <summary>The data folders read: the one named first, and any option naming a folder (e.g. <c>--weather</c>).</summary>
    public IReadOnlyList<string> Folders => [Folder, .. _options.Values.Where(Directory.Exists).Where(f => f != Folder)];

    public int Number(string name, int fallback) =>
        !_options.TryGetValue(name, out var text) ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new ArgumentException($"--{name} must be a positive whole number, not \"{text}\".");

    public static int Usage()
    {
        Console.Error.WriteLine("""
            Tandem's evaluations on real data (each prints a table and one JSON line):
              next-click <yoochoose folder> [--train yoochoose-clicks-100k_train_tr.txt] [--test yoochoose-clicks-100k_train_valid.txt] [--cutoff 20]
              next-item  <diginetica folder> [--test-days 7] [--cutoff 20]
              basket     <uci_online_retail folder> [--test-days 30] [--cutoff 20]
              intent     <diginetica folder> [--test-days 30] [--bootstrap 1000]
              bandit     <yoochoose folder> [--train …] [--test …] [--slots 6] [--seed 1]
              forecast   <uci_online_retail folder> [--weather <vega_weather folder>] [--origins 3] [--horizon 28] [--training-weeks 16] [--service-level 95] [--paths 10000] [--seed 1]
              season     <uci_online_retail folder> [--weather <vega_weather folder>] [--weeks 13] [--retrain-days 28] [--opening-days 14] [--training-weeks 16] [--service-levels 80,90,95,98] [--paths 10000] [--seed 1]
              returns    <uci_online_retail folder> [--groups 12] [--windows 14,30,60]
              routes     <solomon_vrptw | gehring_homberger_vrptw | lilim_pdptw folder> [--milliseconds 900] [--size 200] [--instances N]
              packing    <orlib_thpack_3d folder> [--milliseconds 90] [--attempts 10000] [--support 75] [--seed 1] [--instances N]
            Retraining the served purchase-intent model from the platform's session log:
              train-intent <session log folder> [--models ~/.local/share/Tandem/intent-models] [--open-minutes 30] [--bootstrap 200]
            Every command also takes --lineage <file>: its run's OpenLineage events (START, then COMPLETE or FAIL) are appended there, one JSON line each.
            """);
        return 2;
    }
}
