using FollowUpFlow.Testing;

namespace FollowUpFlow.Inbound.Tests.Mime;

/// <summary>Where the public MimeKit test data lives (PublicCorpora, copied unchanged with its licence; read only).</summary>
internal static class Corpora
{
    public static string MimeKit { get; } = Path.Combine(RepositoryRoot.Find(), "tests", "FollowUpFlow.Inbound.Tests", "PublicCorpora", "mimekit");

    public static string Mbox(string name) => Path.Combine(MimeKit, "mbox", name);

    public static string Message(string name) => Path.Combine(MimeKit, "messages", name);

    public static IEnumerable<string> MessageFiles => Directory.EnumerateFiles(Path.Combine(MimeKit, "messages")).Order(StringComparer.Ordinal);

    public static IEnumerable<string> MboxFiles => Directory.EnumerateFiles(Path.Combine(MimeKit, "mbox"), "*.mbox.txt").Order(StringComparer.Ordinal);
}
