using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FollowUpFlow.Workflow.Inbound;

/// <summary>
/// Row keys of the inbound table (one partition per user) and the ids derived from messages. Identifiers taken from
/// mail (Message-IDs, calendar UIDs) are hashed: they may hold characters table keys forbid, and any length.
/// </summary>
public static class InboundKeys
{
    public const string PayloadPrefix = "payload|";
    public const string ReviewPrefix = "review|";

    private const string RandomAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>
    /// A new payload id: inverted ticks (so ascending keys list the newest first) and a random suffix against
    /// collisions within one tick. Letters, digits and '-' only, like every id the API takes.
    /// </summary>
    public static string NewPayloadId(DateTimeOffset receivedAt)
    {
        var inverted = DateTimeOffset.MaxValue.UtcTicks - receivedAt.UtcTicks;
        return string.Create(CultureInfo.InvariantCulture, $"{inverted:D19}-{RandomNumberGenerator.GetString(RandomAlphabet, 8)}");
    }

    public static string Payload(string payloadId) => PayloadPrefix + payloadId;

    /// <summary>Rows holding the payload's bytes sort right after its own row.</summary>
    public static string PayloadChunk(string payloadId, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{PayloadPrefix}{payloadId}|{index:D4}");

    public static string PayloadChunkPrefix(string payloadId) => $"{PayloadPrefix}{payloadId}|";

    public static string Review(string payloadId) => ReviewPrefix + payloadId;

    /// <summary>The deduplication row of a message, keyed by <see cref="DedupeKey(string?, ReadOnlySpan{byte})"/>.</summary>
    public static string MessageId(string dedupeKey) => "msgid|" + dedupeKey;

    public static string Calendar(string uid) => "cal|" + Hash(uid);

    public static string Thread(string messageId) => "thread|" + Hash(NormaliseMessageId(messageId));

    /// <summary>What deduplication keys on: the Message-ID when there is one, otherwise the message's own bytes.</summary>
    public static string DedupeKey(string? messageId, ReadOnlySpan<byte> message) =>
        string.IsNullOrWhiteSpace(messageId) ? Sha256Hex(message) : Hash(NormaliseMessageId(messageId));

    /// <summary>
    /// The interview a message creates. Derived from the message, never random: a retry after a crash between the
    /// engine's write and the index rows creates nothing new, it finds the interview it made the first time.
    /// </summary>
    public static string InterviewFor(string dedupeKey) => "in-" + dedupeKey[..20];

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The smallest key greater than every key starting with <paramref name="prefix"/>.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    private static string Hash(string text) => Sha256Hex(Encoding.UTF8.GetBytes(text));

    private static string NormaliseMessageId(string messageId) => messageId.Trim().Trim('<', '>').Trim();
}
