namespace Tandem.Grains.Infrastructure;

/// <summary>
/// A private key kept in a PEM file only its owner can read, outside the repository, made on first use.
/// Several processes starting at once agree on one key: the first to finish writing wins.
/// </summary>
public static class PemKeyFile
{
    /// <summary>The user's local application data folder for Tandem, e.g. <c>~/.local/share/Tandem</c>.</summary>
    public static string Folder => Brains.LocalData.Folder;

    /// <summary>The PEM text at <paramref name="path"/>, written first from <paramref name="create"/> when there is none.</summary>
    public static string ReadOrCreate(string path, Func<string> create)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(temporary, System.Text.Encoding.ASCII, options))
            {
                writer.Write(create());
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }
        }

        return File.ReadAllText(path);
    }
}
