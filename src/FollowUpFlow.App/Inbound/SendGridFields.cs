using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FollowUpFlow.App.Inbound;

/// <summary>One part of a SendGrid form: its bytes exactly as sent (never decoded here), and its file name and type for files.</summary>
internal sealed record SendGridField(string Name, ReadOnlyMemory<byte> Bytes, string? FileName, string? ContentType);

/// <summary>
/// The parts of a SendGrid Inbound Parse form, read as bytes: the "charsets" field says how text fields are encoded,
/// so nothing is decoded as UTF-8 on the way in. Field names are matched case-insensitively.
/// </summary>
internal sealed class SendGridFields
{
    /// <summary>Metadata fields (from, subject, envelope, charsets, SPF...) are small; a larger one is not SendGrid's.</summary>
    public const int MaxSmallField = 64 * 1024;

    /// <summary>The raw header block can carry long Received and signature chains.</summary>
    public const int MaxHeadersField = 1024 * 1024;

    private readonly Dictionary<string, SendGridField> _fields = new(StringComparer.OrdinalIgnoreCase);

    private SendGridFields()
    {
    }

    public IEnumerable<SendGridField> All => _fields.Values;

    public List<string> Problems { get; } = [];

    /// <summary>Set when a part count or field size limit was exceeded; the reason names it.</summary>
    public string? LimitExceeded { get; private set; }

    public SendGridField? this[string name] => _fields.GetValueOrDefault(name);

    /// <summary>Reads every part. Throws <see cref="InvalidDataException"/> or <see cref="IOException"/> when the body is not a readable form.</summary>
    public static async Task<SendGridFields> ReadAsync(ReadOnlyMemory<byte> body, string boundary, int maxParts, CancellationToken cancellationToken)
    {
        var fields = new SendGridFields();
        using var stream = new MemoryStream(body.ToArray(), writable: false);
        var reader = new MultipartReader(boundary, stream) { BodyLengthLimit = body.Length };
        var parts = 0;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (++parts > maxParts)
            {
                fields.LimitExceeded = $"The form has more than {maxParts} parts.";
                return fields;
            }

            using var content = new MemoryStream();
            await section.Body.CopyToAsync(content, cancellationToken);
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                fields.Problems.Add($"Form part {parts} has no form-data Content-Disposition; it is skipped.");
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
            var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.ToString() : HeaderUtilities.RemoveQuotes(disposition.FileName).ToString();
            var field = new SendGridField(name, content.ToArray(), fileName.Length > 0 ? fileName : null, section.ContentType);
            if (SizeLimit(name) is { } limit && field.Bytes.Length > limit)
            {
                fields.LimitExceeded = $"The form field '{Shorten(name)}' is {field.Bytes.Length} bytes; at most {limit} are accepted.";
                return fields;
            }

            if (!fields._fields.TryAdd(name, field))
            {
                fields.Problems.Add($"The form field '{Shorten(name)}' appears more than once; the first is used.");
            }
        }

        return fields;
    }

    /// <summary>The message itself, its text and its attachments are bounded only by the whole body's limit.</summary>
    private static int? SizeLimit(string name) => name.ToLowerInvariant() switch
    {
        "email" or "text" or "html" => null,
        "headers" => MaxHeadersField,
        var other when SendGridAttachments.IsAttachmentField(other) => null,
        _ => MaxSmallField,
    };

    private static string Shorten(string name) => name.Length <= 40 ? name : name[..40] + "…";
}
