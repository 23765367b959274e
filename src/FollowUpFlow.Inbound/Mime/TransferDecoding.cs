namespace FollowUpFlow.Inbound.Mime;

/// <summary>Removes a Content-Transfer-Encoding. Identity encodings return the input slice itself (no copy).</summary>
internal static class TransferDecoding
{
    /// <summary>The lower-case encoding name, "7bit" when absent; common misspellings mapped to what they mean.</summary>
    public static string Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return "7bit";
        }

        var name = raw.Trim().Trim('"').ToLowerInvariant();
        var end = name.IndexOfAny([' ', '\t', ';', '(']);
        if (end > 0)
        {
            name = name[..end];
        }

        return name switch
        {
            "7-bit" => "7bit",
            "8-bit" => "8bit",
            "base-64" => "base64",
            "uuencode" or "x-uue" or "x-uuencode" or "uue" => "x-uuencode",
            _ => name,
        };
    }

    public static ReadOnlyMemory<byte> Decode(ReadOnlyMemory<byte> content, string encoding, ReadContext context, string where) => encoding switch
    {
        "7bit" or "8bit" or "binary" => content,
        "base64" => Base64Decoding.Decode(content.Span, context, where),
        "quoted-printable" => QuotedPrintableDecoding.Decode(content.Span, context, where),
        "x-uuencode" => UuDecoding.Decode(content.Span),
        _ => Unknown(content, encoding, context, where),
    };

    public static bool IsIdentity(string encoding) => encoding is "7bit" or "8bit" or "binary";

    private static ReadOnlyMemory<byte> Unknown(ReadOnlyMemory<byte> content, string encoding, ReadContext context, string where)
    {
        var shown = encoding.Length <= 40 ? encoding : encoding[..40] + "...";
        context.Report(MimeProblemCodes.TransferEncodingUnknown, $"{where}: unknown Content-Transfer-Encoding \"{shown}\"; content kept as is");
        return content;
    }
}
