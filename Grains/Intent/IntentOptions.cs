using Tandem.Brains.Intent;

namespace Tandem.Grains.Intent;

/// <summary>Purchase intent's settings (<c>Tandem:Intent</c>).</summary>
public sealed class IntentOptions
{
    /// <summary>Where trained models are read from (<c>intent-{version}.zip</c> and <c>.json</c>); the newest is served.</summary>
    public string ModelFolder { get; set; } = IntentModelFiles.DefaultFolder;

    /// <summary>How often the model folder is looked at for a newer model.</summary>
    public TimeSpan ReloadEvery { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Where the session log is written (one file per silo and hour); the retraining command reads it.</summary>
    public string LogFolder { get; set; } = SessionLog.DefaultFolder;

    /// <summary>Whether sessions' behaviour and orders are written to the session log.</summary>
    public bool Log { get; set; } = true;
}
