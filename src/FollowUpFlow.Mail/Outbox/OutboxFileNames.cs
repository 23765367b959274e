using System.Security.Cryptography;
using System.Text;

namespace FollowUpFlow.Mail;

/// <summary>
/// Maps a message id to its outbox file name. The mapping must be one-to-one, or a new message
/// could be mistaken for one already sent: ids made only of lower-case safe characters are used as
/// they are; any other id gets a sanitised prefix plus a hash of the exact id, which also keeps
/// case-insensitive file systems and the 255-character name limit out of the way.
/// </summary>
internal static class OutboxFileNames
{
    public const string Extension = ".eml";
    public const string TempExtension = ".tmp";

    private const int MaxPlainLength = 150;
    private const int MaxPrefixLength = 100;

    public static string For(string messageId)
    {
        var inner = messageId.AsSpan(1, messageId.Length - 2);
        if (inner.Length <= MaxPlainLength && IsAllPlain(inner))
        {
            return string.Concat(inner, Extension);
        }

        // '~' never appears in a plain name, so the two forms cannot collide.
        var prefix = new StringBuilder(MaxPrefixLength);
        foreach (var c in inner[..Math.Min(inner.Length, MaxPrefixLength)])
        {
            prefix.Append(IsPlain(char.ToLowerInvariant(c)) ? char.ToLowerInvariant(c) : '_');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(messageId));
        return $"{prefix}~{Convert.ToHexStringLower(hash, 0, 8)}{Extension}";
    }

    /// <summary>A fresh temp name; the leading dot keeps it out of casual listings and away from *.eml.</summary>
    public static string NewTempName() => $".{Guid.NewGuid():N}{TempExtension}";

    private static bool IsAllPlain(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!IsPlain(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPlain(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' or '_' or '@' or '+';
}
