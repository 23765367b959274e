using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Workflow.Approvals;

/// <summary>
/// Signs and checks one-click approval links: <c>base64url(payload).base64url(HMAC-SHA256(key, payload))</c>.
/// The first key signs; every key verifies, so keys can be rotated without breaking links already sent.
/// Verification never throws on any input: a token arrives from a URL anyone can type.
/// </summary>
public sealed class ApprovalLinkSigner
{
    private const int MacBytes = 32;
    private static readonly int MaxPayloadChars = Base64Url.GetEncodedLength(ApprovalLinkPayload.MaxBytes);
    private static readonly int MacChars = Base64Url.GetEncodedLength(MacBytes);

    private readonly byte[][] _keys;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public ApprovalLinkSigner(IOptions<ApprovalLinkOptions> options, TimeProvider time)
        : this(DecodeKeys(options.Value), options.Value.Lifetime, time)
    {
    }

    /// <param name="keys">Raw keys of at least 32 bytes; the first signs, all verify.</param>
    public ApprovalLinkSigner(IReadOnlyList<byte[]> keys, TimeSpan lifetime, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(time);
        if (keys.Count == 0)
        {
            throw new ArgumentException("At least one signing key is needed.", nameof(keys));
        }

        if (keys.Any(k => k is null || k.Length < ApprovalLinkKeys.MinKeyBytes))
        {
            throw new ArgumentException($"Every signing key needs at least {ApprovalLinkKeys.MinKeyBytes} bytes.", nameof(keys));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        _keys = [.. keys.Select(k => k.ToArray())];
        _lifetime = lifetime;
        _time = time;
    }

    /// <summary>The longest token this signer ever makes; anything longer is refused before it is decoded.</summary>
    public static int MaxTokenLength { get; } = MaxPayloadChars + 1 + MacChars;

    /// <summary>
    /// A new link for one draft, valid for the configured lifetime from now, or until <paramref name="notAfter"/>
    /// when that is sooner (a link need not outlive its draft). Ids are letters, digits, '.', '_' and '-' (1-128).
    /// </summary>
    public SignedApprovalLink Sign(string userId, string interviewId, string draftId, ApprovalAction action = ApprovalAction.Approve, DateTimeOffset? notAfter = null)
    {
        RequireId(userId, nameof(userId));
        RequireId(interviewId, nameof(interviewId));
        RequireId(draftId, nameof(draftId));
        if (!Enum.IsDefined(action))
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown approval action.");
        }

        var expiresAt = _time.GetUtcNow() + _lifetime;
        if (notAfter is { } cap && cap < expiresAt)
        {
            expiresAt = cap;
        }

        // Whole seconds, rounded down: the token carries seconds, and a link never outlives what was asked.
        var seconds = Math.Max(0, expiresAt.ToUnixTimeSeconds());
        Span<byte> nonce = stackalloc byte[ApprovalLinkPayload.NonceBytes];
        RandomNumberGenerator.Fill(nonce);
        Span<byte> payload = stackalloc byte[ApprovalLinkPayload.MaxBytes];
        var length = ApprovalLinkPayload.Write(payload, action, seconds, nonce, userId, interviewId, draftId);
        payload = payload[..length];
        Span<byte> mac = stackalloc byte[MacBytes];
        HMACSHA256.HashData(_keys[0], payload, mac);
        var token = string.Concat(Base64Url.EncodeToString(payload), ".", Base64Url.EncodeToString(mac));
        var link = new ApprovalLink(userId, interviewId, draftId, action, DateTimeOffset.FromUnixTimeSeconds(seconds), Convert.ToHexStringLower(nonce));
        return new SignedApprovalLink(token, link);
    }

    /// <summary>
    /// Checks a token: shape and length first (Malformed), then the MAC against every key in constant time (Forged),
    /// then the expiry against the clock (Expired). Whether the link was used already is not known here.
    /// </summary>
    public ApprovalLinkVerification Verify(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return ApprovalLinkVerification.Malformed;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || token.Length - dot - 1 != MacChars)
        {
            return ApprovalLinkVerification.Malformed;
        }

        Span<byte> payloadBuffer = stackalloc byte[ApprovalLinkPayload.MaxBytes];
        Span<byte> mac = stackalloc byte[MacBytes];
        if (!TryDecodeCanonical(token.AsSpan(0, dot), payloadBuffer, out var payloadLength)
            || !TryDecodeCanonical(token.AsSpan(dot + 1), mac, out var macLength) || macLength != MacBytes)
        {
            return ApprovalLinkVerification.Malformed;
        }

        var payload = payloadBuffer[..payloadLength];
        if (!IsSignedByAnyKey(payload, mac))
        {
            return ApprovalLinkVerification.Forged;
        }

        if (!ApprovalLinkPayload.TryRead(payload, out var link))
        {
            // Authentic but unreadable: only a format this version does not know can get here.
            return ApprovalLinkVerification.Malformed;
        }

        return _time.GetUtcNow() >= link!.ExpiresAt
            ? new ApprovalLinkVerification(ApprovalLinkStatus.Expired, link)
            : new ApprovalLinkVerification(ApprovalLinkStatus.Valid, link);
    }

    private bool IsSignedByAnyKey(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> mac)
    {
        Span<byte> expected = stackalloc byte[MacBytes];
        var matched = false;
        foreach (var key in _keys)
        {
            HMACSHA256.HashData(key, payload, expected);
            matched |= CryptographicOperations.FixedTimeEquals(expected, mac);
        }

        return matched;
    }

    /// <summary>
    /// Decodes unpadded base64url and accepts it only in the one form the signer writes: a final character with
    /// unused bits set (or padding) decodes to the same bytes, and would let a changed token pass as the same one.
    /// </summary>
    private static bool TryDecodeCanonical(ReadOnlySpan<char> text, Span<byte> destination, out int written)
    {
        written = 0;
        if (text.IsEmpty || text.Length > Base64Url.GetEncodedLength(destination.Length))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                return false;
            }
        }

        // The OperationStatus form reports bad input instead of throwing, as the Try form does for it.
        if (Base64Url.DecodeFromChars(text, destination, out var consumed, out written) != OperationStatus.Done || consumed != text.Length)
        {
            return false;
        }

        Span<char> again = stackalloc char[text.Length];
        return Base64Url.TryEncodeToChars(destination[..written], again, out var charsWritten)
            && again[..charsWritten].SequenceEqual(text);
    }

    private static void RequireId(string id, string paramName)
    {
        ArgumentNullException.ThrowIfNull(id, paramName);
        if (!ApprovalLinkPayload.IsValidId(id))
        {
            throw new ArgumentException($"An id in an approval link holds letters, digits, '.', '_' and '-' only (1-{ApprovalLinkPayload.MaxIdLength} characters).", paramName);
        }
    }

    private static byte[][] DecodeKeys(ApprovalLinkOptions options)
    {
        if (!options.Enabled)
        {
            throw new InvalidOperationException($"Approval links are off: set {ApprovalLinkOptions.Section}:Keys to sign them.");
        }

        return [.. options.Keys.Select((k, i) => ApprovalLinkKeys.TryDecode(k)
            ?? throw new InvalidOperationException($"{ApprovalLinkOptions.Section}:Keys:{i} is not base64."))];
    }
}
