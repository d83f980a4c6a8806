using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using Microsoft.Extensions.Options;

using Tandem.Grains.Infrastructure;

namespace Tandem.Grains.Push;

/// <summary>Tandem's application server key (RFC 8292): a P-256 key pair that signs the VAPID token on every push.</summary>
public sealed class VapidKey
{
    private readonly ECDsa _key;

    public VapidKey(IOptions<PushOptions> options)
    {
        var path = options.Value.VapidKeyPath ?? Path.Combine(PemKeyFile.Folder, "vapid-key.pem");
        _key = ECDsa.Create();
        _key.ImportFromPem(PemKeyFile.ReadOrCreate(path, () =>
        {
            using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            return fresh.ExportPkcs8PrivateKeyPem();
        }));
        var point = _key.ExportParameters(includePrivateParameters: false).Q;
        PublicKey = Base64Url.Encode([0x04, .. point.X!, .. point.Y!]);
    }

    /// <summary>The uncompressed public point, base64url: what browsers pass as applicationServerKey.</summary>
    public string PublicKey { get; }

    /// <summary>The <c>Authorization</c> header value for a push to <paramref name="endpoint"/>: <c>vapid t=…, k=…</c>.</summary>
    public string Authorization(Uri endpoint, string subject, DateTimeOffset now)
    {
        var header = Base64Url.Encode(JsonSerializer.SerializeToUtf8Bytes(new { typ = "JWT", alg = "ES256" }));
        var claims = Base64Url.Encode(JsonSerializer.SerializeToUtf8Bytes(new
        {
            aud = endpoint.GetLeftPart(UriPartial.Authority),
            exp = (now + TimeSpan.FromHours(12)).ToUnixTimeSeconds(),
            sub = subject,
        }));
        var signingInput = header + "." + claims;
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return $"vapid t={signingInput}.{Base64Url.Encode(signature)}, k={PublicKey}";
    }
}
