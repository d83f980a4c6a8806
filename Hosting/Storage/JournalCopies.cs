namespace Tandem.Hosting.Storage;

/// <summary>When a state kept as a journal (a copy and the changes written after it) is written whole again.</summary>
internal static class JournalCopies
{
    /// <summary>
    /// Once <paramref name="every"/> rows follow the copy and those rows, with the next one of <paramref name="appending"/>
    /// bytes, weigh as much as the copy. A small state is copied every <paramref name="every"/> writes; a large one (a hot
    /// cell holding many holds) only once its rows weigh as much as it does, so the bytes written stay about twice its
    /// changes and a read replays at most a copy's worth of rows.
    /// </summary>
    public static bool Due(long rowsAfterCopy, int every, long rowBytes, long appending, long copyBytes) =>
        rowsAfterCopy + 1 >= every && rowBytes + appending >= copyBytes;
}
