using System.Text;

namespace FollowUpFlow.Mail.Writing;

/// <summary>
/// RFC 2047 encoded-words in UTF-8. Words are cut only between Unicode scalar values, so every
/// word decodes on its own, and each word is at most 75 characters (§2).
/// </summary>
internal static class EncodedWords
{
    public const int MaxWordLength = 75;

    // "=?utf-8?Q?" and "?=".
    private const int Overhead = 12;

    public static char ChooseEncoding(string text)
    {
        var bytes = Encoding.UTF8.GetByteCount(text);
        var qLength = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            qLength += QLength(rune);
        }

        return qLength <= 4 * ((bytes + 2) / 3) ? 'Q' : 'B';
    }

    /// <summary>The shortest word that can carry the scalar value at <paramref name="index"/>.</summary>
    public static int MinimumWordLength(string text, int index, char encoding)
    {
        var rune = Rune.GetRuneAt(text, index);
        return Overhead + (encoding == 'Q' ? QLength(rune) : 4);
    }

    /// <summary>
    /// Encodes as many scalar values from <paramref name="index"/> as fit in one word of at most
    /// <paramref name="maxWordLength"/> characters and advances the index past them.
    /// </summary>
    public static string EncodeWord(string text, ref int index, char encoding, int maxWordLength)
    {
        var room = Math.Min(maxWordLength, MaxWordLength) - Overhead;
        var start = index;
        var byteCount = 0;
        var qLength = 0;
        while (index < text.Length)
        {
            var rune = Rune.GetRuneAt(text, index);
            var fits = encoding == 'Q'
                ? qLength + QLength(rune) <= room
                : 4 * ((byteCount + rune.Utf8SequenceLength + 2) / 3) <= room;
            if (!fits)
            {
                break;
            }

            qLength += QLength(rune);
            byteCount += rune.Utf8SequenceLength;
            index += rune.Utf16SequenceLength;
        }

        if (index == start)
        {
            throw new ArgumentOutOfRangeException(nameof(maxWordLength), "No character fits in a word that short.");
        }

        var bytes = Encoding.UTF8.GetBytes(text, start, index - start);
        var encoded = encoding == 'Q' ? QEncode(bytes) : Convert.ToBase64String(bytes);
        return $"=?utf-8?{encoding}?{encoded}?=";
    }

    private static int QLength(Rune rune)
    {
        if (rune.IsAscii)
        {
            return IsQLiteral((byte)rune.Value) || rune.Value == ' ' ? 1 : 3;
        }

        return 3 * rune.Utf8SequenceLength;
    }

    // The restricted set of RFC 2047 §5(3): safe in a phrase as well as in unstructured text.
    private static bool IsQLiteral(byte b) =>
        b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'!' or (byte)'*' or (byte)'+' or (byte)'-' or (byte)'/';

    private static string QEncode(byte[] bytes)
    {
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b == (byte)' ')
            {
                builder.Append('_');
            }
            else if (IsQLiteral(b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('=').Append(Hex.Upper[b >> 4]).Append(Hex.Upper[b & 0xF]);
            }
        }

        return builder.ToString();
    }
}
