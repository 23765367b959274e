using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FollowUpFlow.App.Inbound;

/// <summary>
/// Rebuilds the RFC 5322 message a parsed-mode SendGrid post was made from: the original header block (less its
/// MIME-Version, Content-Type and Content-Transfer-Encoding, which described a body no longer there) over a
/// multipart/mixed of a multipart/alternative (text, html) and the attachments. The text fields arrive in the
/// charsets the "charsets" field names; they are decoded from those and written as UTF-8. Every body is base64, so
/// no content can collide with a boundary or break a line limit.
/// </summary>
internal static class SendGridMessage
{
    private static readonly HashSet<string> ReplacedFields = new(StringComparer.OrdinalIgnoreCase) { "MIME-Version", "Content-Type", "Content-Transfer-Encoding" };

    /// <summary>Input bytes per base64 line: 57 bytes make 76 characters, the line length MIME asks for.</summary>
    private const int Base64LineInput = 57;

    static SendGridMessage() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static byte[] Build(SendGridFields fields, List<string> problems)
    {
        var charsets = SendGridAttachments.JsonObject(fields["charsets"], "charsets", problems);
        var attachments = SendGridAttachments.Read(fields, problems);
        var output = new ArrayBufferWriter<byte>(fields.All.Sum(f => f.Bytes.Length) * 4 / 3 + 4096);
        WriteHeaderBlock(fields["headers"]!.Bytes.Span, output);
        var mixed = NewBoundary();
        Ascii(output, $"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"{mixed}\"\r\n\r\n");

        var text = fields["text"];
        var html = fields["html"];
        if (text is not null || html is not null)
        {
            var alternative = NewBoundary();
            Ascii(output, $"--{mixed}\r\nContent-Type: multipart/alternative; boundary=\"{alternative}\"\r\n\r\n");
            foreach (var (field, subtype) in new[] { (text, "plain"), (html, "html") })
            {
                if (field is not null)
                {
                    var utf8 = Encoding.UTF8.GetBytes(Decode(field, charsets, problems));
                    Ascii(output, $"--{alternative}\r\nContent-Type: text/{subtype}; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
                    WriteBase64(output, utf8);
                }
            }

            Ascii(output, $"--{alternative}--\r\n");
        }

        foreach (var attachment in attachments)
        {
            Ascii(output, $"--{mixed}\r\nContent-Type: {attachment.MediaType}\r\n");
            var disposition = attachment.ContentId is null ? "attachment" : "inline";
            Ascii(output, attachment.FileName is { } name ? $"Content-Disposition: {disposition}; {FileNameParameter(name)}\r\n" : $"Content-Disposition: {disposition}\r\n");
            if (attachment.ContentId is { } contentId && SafeContentId(contentId) is { } safe)
            {
                Ascii(output, $"Content-ID: <{safe}>\r\n");
            }

            Ascii(output, "Content-Transfer-Encoding: base64\r\n\r\n");
            WriteBase64(output, attachment.Bytes.Span);
        }

        Ascii(output, $"--{mixed}--\r\n");
        return output.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Copies the header block field by field, dropping the fields this message replaces (with their folded lines)
    /// and ending each line in CRLF. Stops at the first empty line: that would end the header block.
    /// </summary>
    private static void WriteHeaderBlock(ReadOnlySpan<byte> block, ArrayBufferWriter<byte> output)
    {
        var skipping = false;
        while (!block.IsEmpty)
        {
            var end = block.IndexOf((byte)'\n');
            var line = end < 0 ? block : block[..end];
            block = end < 0 ? [] : block[(end + 1)..];
            if (line.EndsWith("\r"u8))
            {
                line = line[..^1];
            }

            if (line.IsEmpty)
            {
                break;
            }

            if (line[0] is not ((byte)' ' or (byte)'\t'))
            {
                var colon = line.IndexOf((byte)':');
                skipping = colon > 0 && ReplacedFields.Contains(Encoding.ASCII.GetString(line[..colon]).Trim());
            }

            if (!skipping)
            {
                output.Write(line);
                output.Write("\r\n"u8);
            }
        }
    }

    /// <summary>A text field decoded from the charset "charsets" gives it; an unknown charset is read as UTF-8, and said so.</summary>
    private static string Decode(SendGridField field, JsonElement? charsets, List<string> problems)
    {
        var name = charsets is { } map && map.TryGetProperty(field.Name.ToLowerInvariant(), out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
        if (string.IsNullOrWhiteSpace(name))
        {
            return Encoding.UTF8.GetString(field.Bytes.Span);
        }

        try
        {
            return Encoding.GetEncoding(name.Trim()).GetString(field.Bytes.Span);
        }
        catch (ArgumentException)
        {
            problems.Add($"The '{field.Name}' field is in charset '{(name.Length > 40 ? name[..40] : name)}', which is unknown; it was read as UTF-8.");
            return Encoding.UTF8.GetString(field.Bytes.Span);
        }
    }

    /// <summary>filename="..." for printable ASCII names, RFC 2231 filename*=utf-8''... for any other.</summary>
    private static string FileNameParameter(string name)
    {
        if (name.All(c => c is >= ' ' and < '\u007f'))
        {
            return $"filename=\"{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
        }

        var encoded = new StringBuilder("filename*=utf-8''");
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'.' or (byte)'-' or (byte)'_')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(Convert.ToHexString([b]));
            }
        }

        return encoded.ToString();
    }

    private static string? SafeContentId(string contentId)
    {
        var trimmed = contentId.Trim().Trim('<', '>');
        return trimmed.Length is > 0 and <= 250 && trimmed.All(c => c is > ' ' and < '\u007f' and not ('<' or '>')) ? trimmed : null;
    }

    private static void WriteBase64(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        Span<byte> line = stackalloc byte[80];
        for (var offset = 0; offset < bytes.Length; offset += Base64LineInput)
        {
            var chunk = bytes.Slice(offset, Math.Min(Base64LineInput, bytes.Length - offset));
            System.Buffers.Text.Base64.EncodeToUtf8(chunk, line, out _, out var written);
            output.Write(line[..written]);
            output.Write("\r\n"u8);
        }
    }

    private static void Ascii(ArrayBufferWriter<byte> output, string text) => output.Write(Encoding.ASCII.GetBytes(text));

    /// <summary>"=_" cannot occur in base64, so no body written here can contain the boundary.</summary>
    private static string NewBoundary() => "=_FollowUpFlow_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
