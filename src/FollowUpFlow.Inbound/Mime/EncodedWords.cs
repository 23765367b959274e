using System.Text;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>
/// RFC 2047 encoded words ("=?charset?B|Q?text?="). Whitespace between adjacent encoded words is dropped, and adjacent
/// words in the same charset are decoded together so a character split across two words survives.
/// </summary>
internal static class EncodedWords
{
    private const int MaxCharsetLength = 64;

    public static string Decode(string text, ReadContext context)
    {
        if (!text.Contains("=?", StringComparison.Ordinal))
        {
            return text;
        }

        var output = new StringBuilder(text.Length);
        var run = new WordRun(context);
        var literalStart = 0;
        var search = 0;
        while (search < text.Length)
        {
            var at = text.IndexOf("=?", search, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            if (!TryParse(text, at, out var word))
            {
                search = at + 2;
                continue;
            }

            // RFC 2047 section 6.2: whitespace between two encoded words is not displayed.
            var between = text.AsSpan(literalStart, at - literalStart);
            if (run.IsEmpty || !between.IsWhiteSpace())
            {
                run.FlushTo(output);
                output.Append(between);
            }

            run.Add(word);
            literalStart = search = word.End;
        }

        run.FlushTo(output);
        output.Append(text.AsSpan(literalStart));
        return output.ToString();
    }

    /// <summary>Whether an encoded word starts at <paramref name="at"/>; its end (one past "?=") when so.</summary>
    public static bool TryMatch(string text, int at, out int end)
    {
        var found = TryParse(text, at, out var word);
        end = found ? word.End : at;
        return found;
    }

    private static bool TryParse(string text, int at, out Word word)
    {
        word = default;
        var charsetStart = at + 2;
        var charsetEnd = text.IndexOf('?', charsetStart);
        if (charsetEnd <= charsetStart || charsetEnd - charsetStart > MaxCharsetLength || charsetEnd + 2 >= text.Length || text[charsetEnd + 2] != '?')
        {
            return false;
        }

        var encoding = char.ToUpperInvariant(text[charsetEnd + 1]);
        if (encoding is not ('B' or 'Q'))
        {
            return false;
        }

        var payloadStart = charsetEnd + 3;
        var payloadEnd = text.IndexOf('?', payloadStart);
        if (payloadEnd < 0 || payloadEnd + 1 >= text.Length || text[payloadEnd + 1] != '=')
        {
            return false;
        }

        var charset = text.AsSpan(charsetStart, charsetEnd - charsetStart);
        var payload = text.AsSpan(payloadStart, payloadEnd - payloadStart);
        if (ContainsWhiteSpace(charset) || ContainsWhiteSpace(payload))
        {
            return false;
        }

        word = new Word(charset.ToString(), encoding, payload.ToString(), payloadEnd + 2);
        return true;
    }

    private static bool ContainsWhiteSpace(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] DecodePayload(Word word, ReadContext context)
    {
        var ascii = new byte[word.Payload.Length];
        for (var i = 0; i < ascii.Length; i++)
        {
            var c = word.Payload[i];
            ascii[i] = c < 128 ? (byte)c : (byte)'?';
        }

        return word.Encoding == 'B' ? Base64Decoding.Decode(ascii, context, "encoded word").ToArray() : QDecode(ascii);
    }

    // RFC 2047 "Q": like quoted-printable, with "_" for a space; an invalid escape stays as written.
    private static byte[] QDecode(ReadOnlySpan<byte> payload)
    {
        var output = new byte[payload.Length];
        var length = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            var b = payload[i];
            if (b == (byte)'_')
            {
                output[length++] = (byte)' ';
            }
            else if (b == (byte)'=' && i + 2 < payload.Length && Hex.TryByte(payload[i + 1], payload[i + 2], out var value))
            {
                output[length++] = value;
                i += 2;
            }
            else
            {
                output[length++] = b;
            }
        }

        return output.AsSpan(0, length).ToArray();
    }

    private readonly record struct Word(string Charset, char Encoding, string Payload, int End);

    /// <summary>Consecutive encoded words: bytes of one charset gathered until the charset changes.</summary>
    private sealed class WordRun(ReadContext context)
    {
        private readonly List<byte> bytes = [];
        private readonly StringBuilder decoded = new();
        private string? charset;

        public bool IsEmpty => charset is null;

        public void Add(Word word)
        {
            var payload = DecodePayload(word, context);
            if (charset is not null && !charset.Equals(word.Charset, StringComparison.OrdinalIgnoreCase))
            {
                decoded.Append(DecodeBytes());
                bytes.Clear();
            }

            charset = word.Charset;
            bytes.AddRange(payload);
        }

        public void FlushTo(StringBuilder output)
        {
            if (IsEmpty)
            {
                return;
            }

            output.Append(decoded).Append(DecodeBytes());
            decoded.Clear();
            bytes.Clear();
            charset = null;
        }

        private string DecodeBytes() => CharsetText.Decode([.. bytes], charset, context, "encoded word");
    }
}
