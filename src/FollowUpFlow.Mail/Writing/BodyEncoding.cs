namespace FollowUpFlow.Mail.Writing;

/// <summary>Picks the Content-Transfer-Encoding for a CRLF-normalised text body (RFC 2045 §2.7, §6).</summary>
internal static class BodyEncoding
{
    public const string SevenBit = "7bit";
    public const string QuotedPrintableName = "quoted-printable";

    // RFC 5322 §2.1.1: at most 998 characters per line, excluding the CRLF.
    private const int MaxLineLength = 998;

    public static string Choose(string crlfBody) => IsSevenBit(crlfBody) ? SevenBit : QuotedPrintableName;

    public static string Encode(string crlfBody, string transferEncoding) =>
        transferEncoding == SevenBit ? crlfBody : QuotedPrintable.Encode(crlfBody);

    private static bool IsSevenBit(string crlfBody)
    {
        foreach (var line in crlfBody.AsSpan().EnumerateLines())
        {
            if (line.Length > MaxLineLength)
            {
                return false;
            }

            foreach (var c in line)
            {
                // 7bit data: US-ASCII without NUL or stray controls (RFC 2045 §2.7).
                if (c is not ((>= ' ' and <= '~') or '\t'))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
