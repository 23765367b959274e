namespace FollowUpFlow.Inbound.Mime;

/// <summary>The codes of <see cref="MimeProblem"/>: what the reader had to work around.</summary>
public static class MimeProblemCodes
{
    /// <summary>A <see cref="MimeLimits"/> limit stopped the reader; the detail names the limit.</summary>
    public const string LimitExceeded = "limit-exceeded";

    /// <summary>A line in a header block was neither a field nor a continuation.</summary>
    public const string HeaderGarbage = "header-garbage";

    /// <summary>A header field had 8-bit bytes that are not UTF-8 (read as Windows-1252).</summary>
    public const string HeaderEightBit = "header-8bit";

    /// <summary>A charset label .NET does not know (read as UTF-8 or Latin-1).</summary>
    public const string CharsetUnknown = "charset-unknown";

    /// <summary>Text that does not match its charset label, or 8-bit text without one.</summary>
    public const string CharsetMismatch = "charset-mismatch";

    /// <summary>A Content-Type without type or subtype.</summary>
    public const string ContentTypeInvalid = "content-type-invalid";

    /// <summary>A multipart without a boundary parameter (read as text/plain).</summary>
    public const string BoundaryMissing = "boundary-missing";

    /// <summary>A multipart that ended without its closing boundary.</summary>
    public const string BoundaryNotClosed = "boundary-not-closed";

    /// <summary>Base64 content with characters outside the alphabet (skipped).</summary>
    public const string Base64Junk = "base64-junk";

    /// <summary>Quoted-printable "=" sequences that are not escapes (kept as written).</summary>
    public const string QuotedPrintableInvalid = "quoted-printable-invalid";

    /// <summary>An unknown Content-Transfer-Encoding (content kept as is).</summary>
    public const string TransferEncodingUnknown = "transfer-encoding-unknown";

    /// <summary>An address list entry with no address in it (skipped).</summary>
    public const string AddressUnreadable = "address-unreadable";

    /// <summary>A Date header that could not be read.</summary>
    public const string DateUnreadable = "date-unreadable";

    /// <summary>Too many problems to record; the rest were dropped.</summary>
    public const string ProblemsTruncated = "problems-truncated";
}
