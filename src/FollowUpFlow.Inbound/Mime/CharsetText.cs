using System.Text;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>Decodes bytes labelled with a charset, falling back sensibly when the label is missing, unknown or wrong.</summary>
internal static class CharsetText
{
    /// <param name="where">What is being decoded, for the problem detail.</param>
    public static string Decode(ReadOnlySpan<byte> bytes, string? label, ReadContext context, string where) =>
        Choose(bytes, label, context, where).GetString(bytes);

    /// <summary>The encoding <see cref="Decode"/> reads the bytes with; the problems of that choice are reported here.</summary>
    public static Encoding Choose(ReadOnlySpan<byte> bytes, string? label, ReadContext context, string where)
    {
        if (Ascii.IsValid(bytes))
        {
            return ForAscii(label);
        }

        var isUtf8 = System.Text.Unicode.Utf8.IsValid(bytes);
        if (string.IsNullOrWhiteSpace(label))
        {
            if (isUtf8)
            {
                return Charsets.Utf8;
            }

            context.Report(MimeProblemCodes.CharsetMismatch, $"{where}: 8-bit text without a charset is not UTF-8; read as Windows-1252");
            return Charsets.Windows1252;
        }

        var known = Charsets.Find(label);
        if (known is null)
        {
            context.Report(MimeProblemCodes.CharsetUnknown, $"{where}: unknown charset \"{Shorten(label)}\"; read as {(isUtf8 ? "UTF-8" : "Latin-1")}");
            return isUtf8 ? Charsets.Utf8 : Encoding.Latin1;
        }

        if (known.CodePage == 65001)
        {
            if (isUtf8)
            {
                return Charsets.Utf8;
            }

            context.Report(MimeProblemCodes.CharsetMismatch, $"{where}: labelled UTF-8 but is not; read as Windows-1252");
            return Charsets.Windows1252;
        }

        if (Charsets.IsLatinLabel(known))
        {
            if (isUtf8)
            {
                // Latin text that happens to be valid multi-byte UTF-8 is rare; a UTF-8 body labelled Latin-1 is common.
                context.Report(MimeProblemCodes.CharsetMismatch, $"{where}: labelled {Shorten(label)} but is UTF-8; read as UTF-8");
                return Charsets.Utf8;
            }

            if (known.CodePage == 20127)
            {
                context.Report(MimeProblemCodes.CharsetMismatch, $"{where}: labelled US-ASCII but has 8-bit bytes; read as Windows-1252");
            }

            // Windows-1252 is what ISO-8859-1 means in practice (curly quotes in 0x80-0x9F).
            return Charsets.Windows1252;
        }

        return known;
    }

    /// <summary>The encoding <see cref="Choose"/> picks for bytes that are all ASCII (a choice without problems).</summary>
    public static Encoding ForAscii(string? label)
    {
        // Every charset a mail carries is an ASCII superset except the UTF-16/32 family and ISO-2022 escapes (all ASCII bytes too).
        var encoding = Charsets.Find(label);
        return encoding is null || encoding.IsSingleByte || encoding.CodePage == 65001 ? Encoding.ASCII : encoding;
    }

    private static string Shorten(string label) => label.Length <= 40 ? label : label[..40] + "...";
}
