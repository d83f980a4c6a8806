using Tandem.Grains.Interfaces.Recommendations;

namespace Tandem.Grains.Sessions;

/// <summary>A lesson the session owes a product's part of the graph (an outbox entry), kept until that product acknowledges it.</summary>
[GenerateSerializer, Immutable, Alias("tandem.pending-lesson")]
public sealed record PendingLesson([property: Id(0)] string Sku, [property: Id(1)] GraphLesson Lesson);
