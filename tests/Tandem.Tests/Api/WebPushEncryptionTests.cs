using System.Security.Cryptography;
using System.Text;

using Tandem.Grains.Push;

using B64 = System.Buffers.Text.Base64Url;

namespace Tandem.Tests.Api;

/// <summary>Push messages are encrypted exactly as RFC 8291 says: its worked example, byte for byte.</summary>
public sealed class WebPushEncryptionTests
{
    // RFC 8291, section 5 and Appendix A.
    private const string Plaintext = "When I grow up, I want to be a watermelon";
    private const string BrowserPublic = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    private const string BrowserPrivate = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    private const string AuthSecret = "BTBZMqHH6r4Tts7J_aSIgg";
    private const string SenderPublic = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    private const string SenderPrivate = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    private const string Salt = "DGv6ra1nlYgDCS1FRnbzlw";
    private const string Body =
        "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    [Fact]
    public void The_RFC_8291_example_encrypts_to_the_published_message()
    {
        using var sender = Key(SenderPublic, SenderPrivate);

        var body = WebPushEncryption.Encrypt(B64.DecodeFromChars(BrowserPublic), B64.DecodeFromChars(AuthSecret), Encoding.UTF8.GetBytes(Plaintext), sender, B64.DecodeFromChars(Salt));

        Assert.Equal(Body, B64.EncodeToString(body));
    }

    [Fact]
    public void A_message_decrypts_with_the_browser_s_key_and_each_one_is_encrypted_anew()
    {
        var first = WebPushEncryption.Encrypt(B64.DecodeFromChars(BrowserPublic), B64.DecodeFromChars(AuthSecret), Encoding.UTF8.GetBytes(Plaintext));
        var second = WebPushEncryption.Encrypt(B64.DecodeFromChars(BrowserPublic), B64.DecodeFromChars(AuthSecret), Encoding.UTF8.GetBytes(Plaintext));

        Assert.Equal(Plaintext, Decrypt(first));
        Assert.Equal(Plaintext, Decrypt(second));
        Assert.NotEqual(first[..16], second[..16]); // a fresh salt
        Assert.NotEqual(first[21..86], second[21..86]); // a fresh ephemeral key
    }

    /// <summary>The browser's side of RFC 8291, written from the RFC for this test.</summary>
    private static string Decrypt(byte[] body)
    {
        var salt = body[..16];
        var senderPublic = body[21..86];
        using var browser = Key(BrowserPublic, BrowserPrivate);
        using var sender = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = senderPublic[1..33], Y = senderPublic[33..] },
        });
        var shared = browser.DeriveRawSecretAgreement(sender.PublicKey);
        byte[] info = [.. "WebPush: info\0"u8, .. B64.DecodeFromChars(BrowserPublic), .. senderPublic];
        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, B64.DecodeFromChars(AuthSecret), info);
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 16, salt, "Content-Encoding: aes128gcm\0"u8.ToArray());
        var nonce = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 12, salt, "Content-Encoding: nonce\0"u8.ToArray());
        var cipher = body[86..^16];
        var plain = new byte[cipher.Length];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(nonce, cipher, body[^16..], plain);
        Assert.Equal(0x02, plain[^1]); // the last record's delimiter
        return Encoding.UTF8.GetString(plain[..^1]);
    }

    private static ECDiffieHellman Key(string publicKey, string privateKey)
    {
        var q = B64.DecodeFromChars(publicKey);
        return ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = q[1..33], Y = q[33..] },
            D = B64.DecodeFromChars(privateKey),
        });
    }
}
