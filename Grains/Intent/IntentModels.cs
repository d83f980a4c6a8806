using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Tandem.Brains.Intent;

namespace Tandem.Grains.Intent;

/// <summary>
/// The silo's served purchase-intent model: the newest complete one in <see cref="IntentOptions.ModelFolder"/>, or the
/// baseline while there is none. <see cref="Refresh"/> swaps a newer one in (scores in flight finish on the model they
/// started with, and the old one is left to the collector); a model that fails to load is logged and the current one kept.
/// </summary>
public sealed class IntentModels(IOptions<IntentOptions> options, ILogger<IntentModels> logger)
{
    private readonly Lock _gate = new();
    private ServedIntentModel _current = ServedIntentModel.Baseline;

    public ServedIntentModel Current => Volatile.Read(ref _current);

    /// <summary>Serves the newest model in the folder when it is not the one served; true when it swapped.</summary>
    public bool Refresh()
    {
        lock (_gate)
        {
            var folder = options.Value.ModelFolder;
            IntentModelCard? card;
            try
            {
                card = IntentModelFiles.Newest(folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.ModelFolderUnreadable(ex, folder);
                return false;
            }

            if (card is null || card.Version == _current.Version)
            {
                return false;
            }

            try
            {
                var model = IntentModelFiles.Load(folder, card);
                var before = _current;
                Volatile.Write(ref _current, new ServedIntentModel(card.Version, card.Model, model));
                logger.ModelSwapped(card.Version, before.Version, card.RocAuc, card.ViewsRocAuc);
                // The model swapped out is not disposed: a grain that read it just before may still be scoring with it.
                return true;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                logger.ModelUnloadable(ex, card.Version, folder);
                return false;
            }
        }
    }
}
