using FollowUpFlow.Testing;

namespace FollowUpFlow.Inbound.Tests.Mime;

/// <summary>Where the public MimeKit test data lives (shared next to the repository, read only).</summary>
internal static class Corpora
{
    public static string MimeKit { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot.Find(), "..", "shared", "corpora", "mimekit"));

    public static string Mbox(string name) => Path.Combine(MimeKit, "mbox", name);

    public static string Message(string name) => Path.Combine(MimeKit, "messages", name);

    public static IEnumerable<string> MessageFiles => Directory.EnumerateFiles(Path.Combine(MimeKit, "messages")).Order(StringComparer.Ordinal);

    public static IEnumerable<string> MboxFiles => Directory.EnumerateFiles(Path.Combine(MimeKit, "mbox"), "*.mbox.txt").Order(StringComparer.Ordinal);
}
