using System.Text;

namespace FollowUpFlow.Mail.Writing;

/// <summary>
/// One UTF-8 text entity, encoded: its body normalised to CRLF, the transfer encoding chosen for it
/// (<see cref="BodyEncoding"/>) and the body in that encoding. The message's only body or a part of a multipart.
/// </summary>
internal sealed class TextEntity
{
    private TextEntity(string subtype, string transferEncoding, string encodedBody)
    {
        Subtype = subtype;
        TransferEncoding = transferEncoding;
        EncodedBody = encodedBody;
    }

    /// <summary><c>plain</c> or <c>html</c>: the entity is <c>text/{Subtype}</c>.</summary>
    public string Subtype { get; }

    public string TransferEncoding { get; }

    /// <summary>The body as it is written: 7-bit clean, CRLF line breaks, lines within 998 octets.</summary>
    public string EncodedBody { get; }

    public static TextEntity Encode(string subtype, string text)
    {
        var body = LineEndings.ToCrLf(text);
        var transferEncoding = BodyEncoding.Choose(body);
        return new TextEntity(subtype, transferEncoding, BodyEncoding.Encode(body, transferEncoding));
    }

    /// <summary>The entity's own header fields, each ending in CRLF (the empty line after them is the caller's).</summary>
    public void AppendHeaders(StringBuilder output)
    {
        output.Append("Content-Type: text/").Append(Subtype).Append("; charset=utf-8\r\n");
        output.Append("Content-Transfer-Encoding: ").Append(TransferEncoding).Append("\r\n");
    }
}
