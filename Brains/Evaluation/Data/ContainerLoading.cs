using System.Globalization;

using Tandem.Brains.Packing;

namespace Tandem.Brains.Evaluation.Data;

/// <summary>
/// One OR-Library container-loading problem: its file and class (BR1–BR7, LN, IMM), number, container and box kinds, and
/// the folder's reference row when it has one (the Binacle FFD fill in percent; the fewest containers by volume).
/// </summary>
public sealed record ContainerInstance(string File, string Class, int Problem, BoxSize Container, IReadOnlyList<ItemKind> Kinds)
{
    /// <summary>Ivancic et al.'s problems ask for the fewest containers holding everything; the others for the most volume in one.</summary>
    public bool MultiContainer => Class == "IMM";

    public long BoxVolume => Kinds.Sum(k => k.Volume * k.Count);

    /// <summary>What a perfect packing could reach: all the boxes' volume, at most the container's.</summary>
    public double VolumeBound => Math.Min(1.0, (double)BoxVolume / Container.Volume);

    /// <summary>Containers needed by volume alone.</summary>
    public int ContainerBound => (int)Math.Ceiling((double)BoxVolume / Container.Volume);

    public double? BinacleFfdFill { get; init; }
}

/// <summary>
/// Reads an OR-Library <c>thpack</c> folder (files <c>thpackN.txt</c>, a <c>thpackN-fixed.txt</c> taking the place of
/// its original; <c>reference_bounds.csv</c> if present). Each file: the number of problems, then per problem a line
/// "p [seed]", the container "L W H", the number of box kinds, and one line per kind "i l fl w fw h fh q" (a flag of 1:
/// that side may stand vertical; q boxes).
/// </summary>
public static class ContainerLoading
{
    public static IReadOnlyList<ContainerInstance> Read(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "thpack*.txt").Select(p => Path.GetFileNameWithoutExtension(p)).ToHashSet(StringComparer.Ordinal);
        if (files.Count == 0)
        {
            throw new InvalidDataException($"No thpack*.txt files in {folder}.");
        }

        var reference = ReadReference(Path.Combine(folder, "reference_bounds.csv"));
        return [.. files.Where(f => !files.Contains(f + "-fixed"))
            .OrderBy(f => f.Length).ThenBy(f => f, StringComparer.Ordinal)
            .SelectMany(f => ReadFile(Path.Combine(folder, f + ".txt"), f, reference))];
    }

    /// <summary>BR1–BR7 for thpack1–7, LN for thpack8 (Loh and Nee), IMM for thpack9 (Ivancic, Mathur and Mohanty).</summary>
    public static string ClassOf(string file)
    {
        var digits = new string([.. file["thpack".Length..].TakeWhile(char.IsDigit)]);
        return int.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) switch
        {
            true when n is >= 1 and <= 7 => $"BR{n}",
            true when n == 8 => "LN",
            true when n == 9 => "IMM",
            _ => file,
        };
    }

    private static IEnumerable<ContainerInstance> ReadFile(string path, string file, Dictionary<(string, int), double?> reference)
    {
        var lines = File.ReadAllLines(path).Select((text, i) => (Tokens: text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), Line: i + 1)).Where(l => l.Tokens.Length > 0).ToList();
        var at = 0;
        (string[] Tokens, int Line) Next() => at < lines.Count ? lines[at++] : throw new InvalidDataException($"{path}: ends early.");
        var count = Int(Next(), 0, path);
        var cls = ClassOf(file);
        for (var problem = 0; problem < count; problem++)
        {
            var header = Next();
            var number = Int(header, 0, path);
            var size = Next();
            if (size.Tokens.Length != 3)
            {
                throw new InvalidDataException($"{path} line {size.Line}: expected the container \"L W H\".");
            }

            var container = new BoxSize($"{cls}-{number}", Int(size, 0, path), Int(size, 1, path), Int(size, 2, path));
            var kinds = new List<ItemKind>();
            var types = Int(Next(), 0, path);
            for (var t = 0; t < types; t++)
            {
                var row = Next();
                if (row.Tokens.Length != 8)
                {
                    throw new InvalidDataException($"{path} line {row.Line}: expected \"i l fl w fw h fh q\", found {row.Tokens.Length} numbers.");
                }

                kinds.Add(new ItemKind($"type {Int(row, 0, path)}", Int(row, 1, path), Int(row, 3, path), Int(row, 5, path), Int(row, 7, path))
                {
                    LengthMayStand = Int(row, 2, path) == 1,
                    WidthMayStand = Int(row, 4, path) == 1,
                    HeightMayStand = Int(row, 6, path) == 1,
                });
            }

            yield return new ContainerInstance(file, cls, number, container, kinds) { BinacleFfdFill = reference.GetValueOrDefault((file, number)) };
        }
    }

    private static Dictionary<(string, int), double?> ReadReference(string path)
    {
        var rows = new Dictionary<(string, int), double?>();
        if (!File.Exists(path))
        {
            return rows;
        }

        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var header = Csv.Split(lines[0]);
        int fileAt = header.IndexOf("file"), problemAt = header.IndexOf("problem"), ffdAt = header.IndexOf("binacle_ffd_fill_pct");
        if (fileAt < 0 || problemAt < 0)
        {
            return rows;
        }

        foreach (var cells in lines.Skip(1).Select(Csv.Split))
        {
            double? ffd = ffdAt >= 0 && double.TryParse(cells[ffdAt], NumberStyles.Float, CultureInfo.InvariantCulture, out var pct) ? pct / 100 : null;
            rows[(cells[fileAt], int.Parse(cells[problemAt], CultureInfo.InvariantCulture))] = ffd;
        }

        return rows;
    }

    private static int Int((string[] Tokens, int Line) line, int index, string path) =>
        int.TryParse(line.Tokens[index], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new InvalidDataException($"{path} line {line.Line}: \"{line.Tokens[index]}\" is not a whole number.");
}
