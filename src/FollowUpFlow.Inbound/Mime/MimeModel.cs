using System.Collections.Immutable;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>One header field, unfolded (CRLF + WSP joined) but otherwise as written: encoded words are not decoded.</summary>
public sealed record HeaderField(string Name, string RawValue);

/// <summary>A mailbox: an optional display name (decoded) and an addr-spec.</summary>
public sealed record MailboxAddress(string? Name, string Address)
{
    public override string ToString() => string.IsNullOrEmpty(Name) ? Address : $"{Name} <{Address}>";
}

/// <summary>A parsed Content-Type. Types and parameter names are lower case; parameter values are decoded (RFC 2231 included).</summary>
public sealed record ContentType(string MediaType, string SubType, ImmutableDictionary<string, string> Parameters)
{
    public static readonly ContentType TextPlain = new("text", "plain", ImmutableDictionary<string, string>.Empty);

    public string MimeType => $"{MediaType}/{SubType}";

    public string? Charset => Parameters.GetValueOrDefault("charset");

    public string? Boundary => Parameters.GetValueOrDefault("boundary");

    public bool Is(string mediaType, string subType) =>
        MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase) && SubType.Equals(subType, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Something the reader had to work around. Reading never throws: it records a problem and goes on with what it can read.</summary>
public sealed record MimeProblem(string Code, string Detail)
{
    public override string ToString() => $"{Code}: {Detail}";
}

/// <summary>Limits on what the reader will descend into. Exceeding one stops reading there and sets <see cref="MimeMessage.LimitExceeded"/>.</summary>
public sealed record MimeLimits
{
    public static readonly MimeLimits Default = new();

    public int MaxBytes { get; init; } = 25 * 1024 * 1024;

    public int MaxParts { get; init; } = 500;

    public int MaxDepth { get; init; } = 16;

    public int MaxHeaderFields { get; init; } = 1000;
}
