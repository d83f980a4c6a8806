using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Tandem.Brains.Intent;

/// <summary>
/// Trained purchase-intent models in a folder: each is <c>intent-{version}.zip</c> (the model) beside
/// <c>intent-{version}.json</c> (its <see cref="IntentModelCard"/>). The card is written last, each file under a temporary
/// name first and then renamed, so a reader never sees a card whose model is not complete.
/// </summary>
public static class IntentModelFiles
{
    private const string Prefix = "intent-";

    /// <summary>Where models are kept unless configured: the user's local application data, e.g. <c>~/.local/share/Tandem/intent-models</c>.</summary>
    public static string DefaultFolder => Path.Combine(LocalData.Folder, "intent-models");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes <paramref name="model"/> and its card (the version filled in here); returns the card.</summary>
    public static IntentModelCard Save(string folder, GradientBoostedIntent model, IntentModelCard card)
    {
        Directory.CreateDirectory(folder);
        using var bytes = new MemoryStream();
        model.Save(bytes);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes.GetBuffer().AsSpan(0, (int)bytes.Length)))[..8];
        var versioned = card with
        {
            Version = string.Create(CultureInfo.InvariantCulture, $"{card.TrainedAt.UtcDateTime:yyyyMMdd-HHmmss}-{hash}"),
        };
        Write(Path.Combine(folder, $"{Prefix}{versioned.Version}.zip"), bytes.ToArray());
        Write(Path.Combine(folder, $"{Prefix}{versioned.Version}.json"), JsonSerializer.SerializeToUtf8Bytes(versioned, Json));
        return versioned;
    }

    /// <summary>The newest complete model's card in <paramref name="folder"/> (latest training, then highest version); null when there is none.</summary>
    public static IntentModelCard? Newest(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }

        IntentModelCard? newest = null;
        foreach (var path in Directory.EnumerateFiles(folder, Prefix + "*.json"))
        {
            IntentModelCard? card;
            try
            {
                card = JsonSerializer.Deserialize<IntentModelCard>(File.ReadAllBytes(path), Json);
            }
            catch (Exception ex) when (ex is JsonException or IOException)
            {
                continue; // not a card of ours, or being replaced
            }

            if (card is not null && File.Exists(ModelPath(folder, card))
                && (newest is null || (card.TrainedAt, card.Version).CompareTo((newest.TrainedAt, newest.Version)) > 0))
            {
                newest = card;
            }
        }

        return newest;
    }

    public static GradientBoostedIntent Load(string folder, IntentModelCard card)
    {
        using var stream = File.OpenRead(ModelPath(folder, card));
        return GradientBoostedIntent.Load(stream);
    }

    private static string ModelPath(string folder, IntentModelCard card) => Path.Combine(folder, $"{Prefix}{card.Version}.zip");

    private static void Write(string path, byte[] content)
    {
        var temporary = path + ".writing";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
