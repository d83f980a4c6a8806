namespace Tandem.Hosting.Demo;

/// <summary>Demo data at start; bound from <c>Tandem:Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string Section = "Tandem:Demo";

    /// <summary>Seed the demo city when the host starts (embedded mode default).</summary>
    public bool Seed { get; set; } = true;

    /// <summary>Days of past sales given to every stocked cell, so forecasts show from the start (0: none).</summary>
    public int DemandDays { get; set; } = 120;

    /// <summary>Same seed, same city.</summary>
    public int RandomSeed { get; set; } = 20261124;
}
