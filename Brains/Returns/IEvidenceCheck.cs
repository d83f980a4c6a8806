namespace Tandem.Brains.Returns;

/// <summary>A photo sent with a return request: its declared media type and its bytes.</summary>
public sealed record ReturnPhoto(string ContentType, ReadOnlyMemory<byte> Bytes);

/// <summary>
/// The port through which a return request's photo is checked. The default (<see cref="TagPhotoCheck"/>) only asks for a
/// real photo and leaves faults to ops; an image-recognition service plugs in here.
/// </summary>
public interface IEvidenceCheck
{
    Task<EvidenceVerdict> CheckAsync(ReturnPhoto? photo, ReturnReason reason, CancellationToken cancellationToken = default);
}
