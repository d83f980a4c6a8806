namespace Tandem.Brains.Returns;

/// <summary>
/// The default evidence check: a return needs a photo of the item with its tags, as a JPEG, PNG or WebP image whose bytes
/// are what its media type says, between <see cref="MinBytes"/> and <see cref="MaxBytes"/>. It cannot see whether an item is
/// faulty: a fault claimed (damaged, defective, not as described) goes to ops review with its photo.
/// </summary>
public sealed class TagPhotoCheck : IEvidenceCheck
{
    /// <summary>Smaller images cannot show a tag legibly.</summary>
    public const int MinBytes = 1024;

    public const int MaxBytes = 5 * 1024 * 1024;

    public Task<EvidenceVerdict> CheckAsync(ReturnPhoto? photo, ReturnReason reason, CancellationToken cancellationToken = default) =>
        Task.FromResult(Check(photo, reason));

    public static EvidenceVerdict Check(ReturnPhoto? photo, ReturnReason reason)
    {
        if (photo is null || photo.Bytes.IsEmpty)
        {
            return Refuse("a photo of the item with its tags is required");
        }

        if (photo.Bytes.Length is < MinBytes or > MaxBytes)
        {
            return Refuse($"the photo must be between {MinBytes / 1024} KiB and {MaxBytes / (1024 * 1024)} MiB");
        }

        var kind = Sniff(photo.Bytes.Span);
        if (kind is null)
        {
            return Refuse("the photo must be a JPEG, PNG or WebP image");
        }

        if (!string.Equals(kind, photo.ContentType.Split(';')[0].Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return Refuse($"the photo is {kind}, not {photo.ContentType}");
        }

        return ReturnClaim.IsFault(reason)
            ? new EvidenceVerdict(EvidenceOutcome.Doubtful, "a fault is confirmed by ops from the photo")
            : EvidenceVerdict.Accept;
    }

    /// <summary>The media type the bytes begin as, or null.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;

    private static EvidenceVerdict Refuse(string reason) => new(EvidenceOutcome.Refused, reason);
}
