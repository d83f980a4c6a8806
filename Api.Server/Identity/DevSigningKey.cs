using System.Security.Cryptography;

using Microsoft.IdentityModel.Tokens;

using Tandem.Grains.Infrastructure;

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

    public static string DefaultPath => System.IO.Path.Combine(PemKeyFile.Folder, "dev-signing-key.pem");

    /// <summary>Reads the key at <paramref name="path"/>, creating it first when there is none.</summary>
    public static DevSigningKey LoadOrCreate(string? path)
    {
        path ??= DefaultPath;
        var pem = PemKeyFile.ReadOrCreate(path, () =>
        {
            using var fresh = RSA.Create(2048);
            return fresh.ExportPkcs8PrivateKeyPem();
        });
        var key = RSA.Create();
        try
        {
            key.ImportFromPem(pem);
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

    private static string KeyIdOf(RSA key) =>
        Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
}
