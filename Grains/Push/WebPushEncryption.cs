using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Tandem.Grains.Push;

/// <summary>
/// Message encryption for Web Push (RFC 8291) in the aes128gcm content coding (RFC 8188): an ephemeral P-256
/// key agreed with the browser's key, mixed with its auth secret, gives the content key and nonce of one record.
/// </summary>
public static class WebPushEncryption
{
    public const int RecordSize = 4096;
    private const int TagSize = 16;

    /// <summary>The largest payload that fits in the one record Tandem sends.</summary>
    public const int MaxPayload = RecordSize - TagSize - 1;

    /// <summary>Encrypts <paramref name="payload"/> for one browser with a fresh ephemeral key and salt.</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> browserPublicKey, ReadOnlySpan<byte> authSecret, ReadOnlySpan<byte> payload)
    {
        using var sender = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        return Encrypt(browserPublicKey, authSecret, payload, sender, RandomNumberGenerator.GetBytes(16));
    }

    /// <summary>
    /// Encrypts with the given ephemeral <paramref name="sender"/> key and <paramref name="salt"/>: never reuse either
    /// (the overload without them makes new ones); this one exists so the RFC 8291 example can be reproduced exactly.
    /// </summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> browserPublicKey, ReadOnlySpan<byte> authSecret, ReadOnlySpan<byte> payload, ECDiffieHellman sender, byte[] salt)
    {
        if (browserPublicKey.Length != 65 || browserPublicKey[0] != 0x04 || authSecret.Length != 16)
        {
            throw new ArgumentException("A browser key is an uncompressed P-256 point (65 bytes) and its auth secret 16 bytes.");
        }

        if (payload.Length > MaxPayload)
        {
            throw new ArgumentException($"A push payload is at most {MaxPayload} bytes.", nameof(payload));
        }

        if (salt.Length != 16)
        {
            throw new ArgumentException("The salt is 16 bytes.", nameof(salt));
        }

        var point = sender.ExportParameters(includePrivateParameters: false).Q;
        byte[] senderPublicKey = [0x04, .. point.X!, .. point.Y!];
        using var browser = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = browserPublicKey[1..33].ToArray(), Y = browserPublicKey[33..].ToArray() },
        });
        var sharedSecret = sender.DeriveRawSecretAgreement(browser.PublicKey);

        byte[] keyInfo = [.. "WebPush: info\0"u8, .. browserPublicKey, .. senderPublicKey];
        var inputKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, sharedSecret, 32, authSecret.ToArray(), keyInfo);
        var contentKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, inputKey, 16, salt, Encoding.ASCII.GetBytes("Content-Encoding: aes128gcm\0"));
        var nonce = HKDF.DeriveKey(HashAlgorithmName.SHA256, inputKey, 12, salt, Encoding.ASCII.GetBytes("Content-Encoding: nonce\0"));

        byte[] plaintext = [.. payload, 0x02]; // the last (and only) record, no padding
        var body = new byte[16 + 4 + 1 + senderPublicKey.Length + plaintext.Length + TagSize];
        salt.CopyTo(body, 0);
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(16), RecordSize);
        body[20] = (byte)senderPublicKey.Length;
        senderPublicKey.CopyTo(body, 21);
        var header = 21 + senderPublicKey.Length;
        using var aes = new AesGcm(contentKey, TagSize);
        aes.Encrypt(nonce, plaintext, body.AsSpan(header, plaintext.Length), body.AsSpan(header + plaintext.Length, TagSize));
        return body;
    }
}
