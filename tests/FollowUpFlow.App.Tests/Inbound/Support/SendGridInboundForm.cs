using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace FollowUpFlow.App.Tests.Inbound.Support;

/// <summary>
/// A SendGrid Inbound Parse post made from a raw .eml, byte for byte as SendGrid sends it: multipart/form-data with
/// boundary "xYzZY", plain form-data parts without a Content-Type, files with one.
/// <see cref="Raw"/> is the "Send Raw" mode (the whole message in "email"); <see cref="Parsed"/> is the default mode:
/// the header block in "headers" (LF line ends), the first text and html bodies in "text" and "html" in their own
/// charsets (named in "charsets"), From/To/Cc/Subject decoded to UTF-8, attachments as files "attachment1".."N"
/// described by "attachment-info", inline ones listed in "content-ids".
/// </summary>
public sealed class SendGridInboundForm
{
    public const string Boundary = "xYzZY";

    private readonly List<(string Name, byte[] Value, string? FileName, string? ContentType)> _parts = [];

    private SendGridInboundForm()
    {
    }

    public string ContentType => $"multipart/form-data; boundary={Boundary}";

    public IReadOnlyList<string> FieldNames => [.. _parts.Select(p => p.Name)];

    /// <summary>The form fields' values as sent (text fields in their charsets, files as their bytes).</summary>
    public byte[]? Field(string name) => _parts.FirstOrDefault(p => p.Name == name).Value;

    public static SendGridInboundForm Raw(byte[] eml, string to = "inbound@parse.example.com")
    {
        var message = Eml.Read(eml);
        var form = new SendGridInboundForm();
        form.Add("dkim", "{@example.com : pass}");
        form.Add("email", eml);
        form.Add("to", Decoded(message, "To") ?? to);
        form.Add("from", Decoded(message, "From") ?? "");
        form.Add("subject", Decoded(message, "Subject") ?? "");
        form.Add("sender_ip", "203.0.113.25");
        form.Add("envelope", JsonSerializer.Serialize(new { to = new[] { to }, from = "bounce@example.com" }));
        form.Add("charsets", JsonSerializer.Serialize(new Dictionary<string, string> { ["to"] = "UTF-8", ["subject"] = "UTF-8", ["from"] = "UTF-8" }));
        form.Add("SPF", "pass");
        form.Add("spam_score", "0.1");
        return form;
    }

    /// <param name="textCharset">Re-encodes the text body in this charset (e.g. "iso-8859-1"), as SendGrid passes a latin1 body on.</param>
    public static SendGridInboundForm Parsed(byte[] eml, string to = "inbound@parse.example.com", string? textCharset = null)
    {
        var message = Eml.Read(eml);
        var leaves = message.Leaves().ToList();
        var text = leaves.FirstOrDefault(p => p.MediaType == "text/plain" && !p.IsAttachment);
        var html = leaves.FirstOrDefault(p => p.MediaType == "text/html" && !p.IsAttachment);
        // Every other leaf (a text/calendar invitation included) reaches the webhook as an attachment.
        var attachments = leaves.Where(p => p != text && p != html).ToList();
        var charsets = new Dictionary<string, string> { ["to"] = "UTF-8", ["from"] = "UTF-8", ["subject"] = "UTF-8" };
        var form = new SendGridInboundForm();
        form.Add("headers", Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(message.HeaderBlock).Replace("\r\n", "\n", StringComparison.Ordinal)));
        form.Add("dkim", "{@example.com : pass}");
        var contentIds = attachments.Select((a, i) => (a.ContentId, Field: $"attachment{i + 1}")).Where(a => a.ContentId is not null).ToDictionary(a => a.ContentId!, a => a.Field);
        if (contentIds.Count > 0)
        {
            form.Add("content-ids", JsonSerializer.Serialize(contentIds));
        }

        form.Add("to", Decoded(message, "To") ?? to);
        if (html is not null)
        {
            form.Add("html", html.Content);
            charsets["html"] = html.Charset ?? "UTF-8";
        }

        form.Add("from", Decoded(message, "From") ?? "");
        if (text is not null)
        {
            var charset = textCharset ?? text.Charset ?? "UTF-8";
            form.Add("text", textCharset is null ? text.Content : Eml.EncodingOf(textCharset).GetBytes(text.Text()));
            charsets["text"] = charset;
        }

        if (Decoded(message, "Cc") is { } cc)
        {
            form.Add("cc", cc);
        }

        form.Add("sender_ip", "203.0.113.25");
        form.Add("envelope", JsonSerializer.Serialize(new { to = new[] { to }, from = "bounce@example.com" }));
        form.Add("attachments", attachments.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        form.Add("subject", Decoded(message, "Subject") ?? "");
        form.Add("spam_score", "0.1");
        if (attachments.Count > 0)
        {
            var info = attachments.Select((a, i) => (a, i)).ToDictionary(
                x => $"attachment{x.i + 1}",
                x => x.a.ContentId is null
                    ? (object)new { filename = x.a.FileName ?? $"attachment{x.i + 1}", type = x.a.MediaType }
                    : new Dictionary<string, string> { ["filename"] = x.a.FileName ?? $"attachment{x.i + 1}", ["type"] = x.a.MediaType, ["content-id"] = x.a.ContentId });
            form.Add("attachment-info", JsonSerializer.Serialize(info));
        }

        form.Add("charsets", JsonSerializer.Serialize(charsets));
        form.Add("SPF", "pass");
        for (var i = 0; i < attachments.Count; i++)
        {
            form._parts.Add(($"attachment{i + 1}", attachments[i].Content, attachments[i].FileName ?? $"attachment{i + 1}", attachments[i].MediaType));
        }

        return form;
    }

    /// <summary>The body exactly as posted.</summary>
    public byte[] Body()
    {
        using var body = new MemoryStream();
        foreach (var (name, value, fileName, contentType) in _parts)
        {
            Ascii(body, $"--{Boundary}\r\n");
            Utf8(body, fileName is null
                ? $"Content-Disposition: form-data; name=\"{name}\"\r\n\r\n"
                : $"Content-Disposition: form-data; name=\"{name}\"; filename=\"{fileName}\"\r\nContent-Type: {contentType}\r\n\r\n");
            body.Write(value);
            Ascii(body, "\r\n");
        }

        Ascii(body, $"--{Boundary}--\r\n");
        return body.ToArray();
    }

    public HttpContent ToContent()
    {
        var content = new ByteArrayContent(Body());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        return content;
    }

    private void Add(string name, string value) => _parts.Add((name, Encoding.UTF8.GetBytes(value), null, null));

    private void Add(string name, byte[] value) => _parts.Add((name, value, null, null));

    private static string? Decoded(EmlPart message, string header) => message.Header(header) is { } value ? Eml.DecodeWords(value) : null;

    private static void Ascii(Stream stream, string text) => stream.Write(Encoding.ASCII.GetBytes(text));

    private static void Utf8(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));
}
