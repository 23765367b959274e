namespace FollowUpFlow.Inbound.Mime;

/// <summary>The codes of <see cref="MimeProblem"/>: what the reader had to work around.</summary>
public static class MimeProblemCodes
{
    public const string LimitExceeded = "limit-exceeded";
    public const string HeaderGarbage = "header-garbage";
    public const string HeaderEightBit = "header-8bit";
    public const string CharsetUnknown = "charset-unknown";
    public const string CharsetMismatch = "charset-mismatch";
    public const string ContentTypeInvalid = "content-type-invalid";
    public const string BoundaryMissing = "boundary-missing";
    public const string BoundaryNotClosed = "boundary-not-closed";
    public const string Base64Junk = "base64-junk";
    public const string QuotedPrintableInvalid = "quoted-printable-invalid";
    public const string TransferEncodingUnknown = "transfer-encoding-unknown";
    public const string AddressUnreadable = "address-unreadable";
    public const string DateUnreadable = "date-unreadable";
    public const string ProblemsTruncated = "problems-truncated";
}
