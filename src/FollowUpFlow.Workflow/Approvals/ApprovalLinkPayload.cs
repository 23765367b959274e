using System.Buffers.Binary;

namespace FollowUpFlow.Workflow.Approvals;

/// <summary>
/// The signed bytes of a link, format 1: version, action, expiry (Unix seconds, big-endian), 16-byte nonce, then
/// user, interview and draft ids, each as a length byte and ASCII. Binary keeps the token short enough for one line.
/// </summary>
internal static class ApprovalLinkPayload
{
    public const byte Version = 1;
    public const int NonceBytes = 16;

    /// <summary>Ids are letters, digits, '.', '_' and '-' only (what user, interview and draft ids are made of), at most this long.</summary>
    public const int MaxIdLength = 128;

    private const int FixedBytes = 1 + 1 + 8 + NonceBytes;

    public const int MaxBytes = FixedBytes + (3 * (1 + MaxIdLength));

    public static bool IsValidId(ReadOnlySpan<char> id)
    {
        if (id.Length is 0 or > MaxIdLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!IsIdChar(c))
            {
                return false;
            }
        }

        return true;
    }

    public static int Write(Span<byte> destination, ApprovalAction action, long expiresAtUnixSeconds, ReadOnlySpan<byte> nonce, string userId, string interviewId, string draftId)
    {
        destination[0] = Version;
        destination[1] = (byte)action;
        BinaryPrimitives.WriteInt64BigEndian(destination[2..], expiresAtUnixSeconds);
        nonce.CopyTo(destination[10..]);
        var position = FixedBytes;
        foreach (var id in (ReadOnlySpan<string>)[userId, interviewId, draftId])
        {
            destination[position++] = (byte)id.Length;
            foreach (var c in id)
            {
                destination[position++] = (byte)c;
            }
        }

        return position;
    }

    /// <summary>Reads a payload whose MAC checked out; false for any shape this version does not write.</summary>
    public static bool TryRead(ReadOnlySpan<byte> payload, out ApprovalLink? link)
    {
        link = null;
        if (payload.Length < FixedBytes || payload[0] != Version || !Enum.IsDefined((ApprovalAction)payload[1]))
        {
            return false;
        }

        var seconds = BinaryPrimitives.ReadInt64BigEndian(payload[2..]);
        if (seconds is < 0 or > 253_402_300_799) // DateTimeOffset's range in Unix seconds
        {
            return false;
        }

        var nonce = Convert.ToHexStringLower(payload.Slice(10, NonceBytes));
        var rest = payload[FixedBytes..];
        if (!TryReadId(ref rest, out var userId) || !TryReadId(ref rest, out var interviewId) || !TryReadId(ref rest, out var draftId) || !rest.IsEmpty)
        {
            return false;
        }

        link = new ApprovalLink(userId, interviewId, draftId, (ApprovalAction)payload[1], DateTimeOffset.FromUnixTimeSeconds(seconds), nonce);
        return true;
    }

    private static bool TryReadId(ref ReadOnlySpan<byte> rest, out string id)
    {
        id = "";
        if (rest.IsEmpty || rest[0] is 0 or > MaxIdLength || rest.Length < 1 + rest[0])
        {
            return false;
        }

        var bytes = rest.Slice(1, rest[0]);
        foreach (var b in bytes)
        {
            if (!IsIdChar((char)b))
            {
                return false;
            }
        }

        id = System.Text.Encoding.ASCII.GetString(bytes);
        rest = rest[(1 + bytes.Length)..];
        return true;
    }

    private static bool IsIdChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
}
