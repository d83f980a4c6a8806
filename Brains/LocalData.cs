namespace Tandem.Brains;

/// <summary>Where Tandem keeps what a user's machine holds outside the repository (keys, trained models, the session log).</summary>
public static class LocalData
{
    /// <summary>The user's local application data folder for Tandem, e.g. <c>~/.local/share/Tandem</c>.</summary>
    public static string Folder =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "Tandem");
}
