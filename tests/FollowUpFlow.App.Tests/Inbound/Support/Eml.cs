using System.Text;

namespace FollowUpFlow.App.Tests.Inbound.Support;

/// <summary>One entity of a message as <see cref="Eml"/> reads it: unfolded headers, decoded content, children of a multipart.</summary>
public sealed record EmlPart(
    byte[] HeaderBlock,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string MediaType,
    IReadOnlyDictionary<string, string> Parameters,
    string? Disposition,
    string? FileName,
    string? ContentId,
    byte[] Content,
    IReadOnlyList<EmlPart> Children)
{
    public string? Charset => Parameters.GetValueOrDefault("charset");

    public string? Header(string name) => Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    public bool IsAttachment => Disposition == "attachment" || FileName is not null || (ContentId is not null && !MediaType.StartsWith("text/", StringComparison.Ordinal));

    /// <summary>This part's leaves, depth first.</summary>
    public IEnumerable<EmlPart> Leaves() => Children.Count == 0 ? [this] : Children.SelectMany(c => c.Leaves());

    /// <summary>The content as text in its own charset (UTF-8 when it names none).</summary>
    public string Text() => Eml.EncodingOf(Charset).GetString(Content);
}

/// <summary>
/// A small, forgiving MIME reader for tests: enough to split an .eml the way SendGrid's parsed mode does (header
/// block, text, html, attachments) and to check what the app rebuilt. It never throws on odd input.
/// </summary>
public static class Eml
{
    static Eml() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static EmlPart Read(byte[] raw, int depth = 0)
    {
        var (headerBlock, body) = Split(raw);
        var headers = Unfold(Encoding.Latin1.GetString(headerBlock));
        var (mediaType, parameters) = ParseValue(headers.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value ?? "text/plain");
        var (disposition, dispositionParameters) = ParseValue(headers.FirstOrDefault(h => h.Key.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase)).Value ?? "");
        var fileName = dispositionParameters.GetValueOrDefault("filename") ?? parameters.GetValueOrDefault("name");
        var contentId = headers.FirstOrDefault(h => h.Key.Equals("Content-ID", StringComparison.OrdinalIgnoreCase)).Value?.Trim().Trim('<', '>');
        var children = new List<EmlPart>();
        if (mediaType.StartsWith("multipart/", StringComparison.Ordinal) && parameters.GetValueOrDefault("boundary") is { Length: > 0 } boundary && depth < 20)
        {
            children.AddRange(SplitMultipart(body, boundary).Select(p => Read(p, depth + 1)));
        }

        var encoding = headers.FirstOrDefault(h => h.Key.Equals("Content-Transfer-Encoding", StringComparison.OrdinalIgnoreCase)).Value?.Trim().ToLowerInvariant();
        var content = children.Count > 0 ? [] : encoding switch
        {
            "base64" => Base64(body),
            "quoted-printable" => QuotedPrintable(body),
            _ => body,
        };
        return new EmlPart(headerBlock, headers, mediaType, parameters, disposition.Length > 0 ? disposition : null, fileName, contentId, content, children);
    }

    /// <summary>Decodes RFC 2047 encoded words ("=?utf-8?B?...?=", "=?iso-8859-1?Q?...?=") in a header value.</summary>
    public static string DecodeWords(string value)
    {
        var output = new StringBuilder();
        var index = 0;
        while (index < value.Length)
        {
            var start = value.IndexOf("=?", index, StringComparison.Ordinal);
            var charsetEnd = start < 0 ? -1 : value.IndexOf('?', start + 2);
            var encodingEnd = charsetEnd < 0 || charsetEnd + 2 >= value.Length || value[charsetEnd + 2] != '?' ? -1 : charsetEnd + 2;
            var end = encodingEnd < 0 ? -1 : value.IndexOf("?=", encodingEnd + 1, StringComparison.Ordinal);
            if (end < 0)
            {
                output.Append(value, index, value.Length - index);
                break;
            }

            var between = value[index..start];
            if (!(output.Length > 0 && string.IsNullOrWhiteSpace(between)))
            {
                output.Append(between);
            }

            var charset = EncodingOf(value[(start + 2)..charsetEnd]);
            var text = value[(encodingEnd + 1)..end];
            var bytes = char.ToUpperInvariant(value[charsetEnd + 1]) == 'B'
                ? Base64(Encoding.ASCII.GetBytes(text))
                : QuotedPrintable(Encoding.ASCII.GetBytes(text.Replace('_', ' ')));
            output.Append(charset.GetString(bytes));
            index = end + 2;
        }

        return output.ToString();
    }

    public static Encoding EncodingOf(string? charset)
    {
        try
        {
            return string.IsNullOrWhiteSpace(charset) ? Encoding.UTF8 : Encoding.GetEncoding(charset.Trim());
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    /// <summary>The header block (without the blank line) and the body after it.</summary>
    public static (byte[] HeaderBlock, byte[] Body) Split(byte[] raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\n')
            {
                continue;
            }

            if (i + 1 < raw.Length && raw[i + 1] == '\n')
            {
                return (raw[..(i + 1)], raw[(i + 2)..]);
            }

            if (i + 2 < raw.Length && raw[i + 1] == '\r' && raw[i + 2] == '\n')
            {
                return (raw[..(i + 1)], raw[(i + 3)..]);
            }
        }

        return (raw, []);
    }

    private static List<KeyValuePair<string, string>> Unfold(string block)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in block.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && headers.Count > 0)
            {
                headers[^1] = new(headers[^1].Key, headers[^1].Value + " " + line.Trim());
            }
            else if (line.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
            {
                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        return headers;
    }

    private static (string Value, Dictionary<string, string> Parameters) ParseValue(string header)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var pieces = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in header)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ';' && !quoted)
            {
                pieces.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        pieces.Add(current.ToString());
        foreach (var piece in pieces.Skip(1))
        {
            var equals = piece.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var name = piece[..equals].Trim();
            var value = piece[(equals + 1)..].Trim();
            if (name.EndsWith('*') && value.Split("'") is [var charset, _, var encoded])
            {
                // RFC 2231: charset'language'percent-encoded.
                parameters[name[..^1]] = EncodingOf(charset).GetString(QuotedPrintable(Encoding.ASCII.GetBytes(encoded.Replace('%', '='))));
            }
            else
            {
                parameters.TryAdd(name, value);
            }
        }

        return (pieces[0].Trim().ToLowerInvariant(), parameters);
    }

    private static List<byte[]> SplitMultipart(byte[] body, string boundary)
    {
        var parts = new List<byte[]>();
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var start = -1;
        var lineStart = 0;
        while (lineStart < body.Length)
        {
            var lineEnd = Array.IndexOf(body, (byte)'\n', lineStart);
            var next = lineEnd < 0 ? body.Length : lineEnd + 1;
            var line = body.AsSpan(lineStart, next - lineStart).TrimEnd("\r\n"u8);
            if (line.StartsWith(delimiter))
            {
                if (start >= 0)
                {
                    // The line break before a delimiter belongs to the delimiter.
                    var end = lineStart;
                    end -= end > start && body[end - 1] == '\n' ? 1 : 0;
                    end -= end > start && body[end - 1] == '\r' ? 1 : 0;
                    parts.Add(body[start..end]);
                }

                if (line[delimiter.Length..].StartsWith("--"u8))
                {
                    return parts;
                }

                start = next;
            }

            lineStart = next;
        }

        if (start >= 0 && start < body.Length)
        {
            parts.Add(body[start..]);
        }

        return parts;
    }

    private static byte[] Base64(byte[] encoded)
    {
        var text = new string(Encoding.ASCII.GetString(encoded).Where(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/').ToArray());
        text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return [];
        }
    }

    private static byte[] QuotedPrintable(byte[] encoded)
    {
        var output = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] != '=')
            {
                output.Add(encoded[i]);
            }
            else if (i + 2 < encoded.Length && Uri.IsHexDigit((char)encoded[i + 1]) && Uri.IsHexDigit((char)encoded[i + 2]))
            {
                output.Add(Convert.ToByte(Encoding.ASCII.GetString(encoded, i + 1, 2), 16));
                i += 2;
            }
            else if (i + 1 < encoded.Length && (encoded[i + 1] == '\r' || encoded[i + 1] == '\n'))
            {
                // A soft line break.
                i += encoded[i + 1] == '\r' && i + 2 < encoded.Length && encoded[i + 2] == '\n' ? 2 : 1;
            }
            else
            {
                output.Add(encoded[i]);
            }
        }

        return [.. output];
    }
}
