using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Tandem.Api.Identity;

/// <summary>
/// The key that signs development tokens: an RSA 2048 key (RS256, the cheapest common signature to verify)
/// generated on first run and kept in a file only the current user can read, outside the repository. Several
/// processes starting at once agree on one key.
/// </summary>
public sealed class DevSigningKey
{
    public const string Issuer = "tandem-dev";
    public const string Audience = "tandem";

    private DevSigningKey(RSA key, string path)
    {
        Path = path;
        Key = new RsaSecurityKey(key) { KeyId = KeyIdOf(key) };
        Credentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256);
    }

    public string Path { get; }

    public RsaSecurityKey Key { get; }

    public SigningCredentials Credentials { get; }

    public static string DefaultPath =>
        System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "Tandem", "dev-signing-key.pem");

    /// <summary>Reads the key at <paramref name="path"/>, creating it first when there is none.</summary>
    public static DevSigningKey LoadOrCreate(string? path)
    {
        path ??= DefaultPath;
        if (!File.Exists(path))
        {
            Create(path);
        }

        var key = RSA.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new InvalidOperationException(
                $"{path} holds no RSA private key in PEM. Delete it and a new development key is made at the next start " +
                "(tokens signed with the old key stop working).", ex);
        }

        return new DevSigningKey(key, path);
    }

    private static void Create(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        using var key = RSA.Create(2048);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, System.Text.Encoding.ASCII, options))
        {
            writer.Write(key.ExportPkcs8PrivateKeyPem());
        }

        try
        {
            File.Move(temporary, path, overwrite: false); // the first process to finish wins; the others read its key
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }

    private static string KeyIdOf(RSA key) =>
        Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
}
