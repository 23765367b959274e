using System.Security.Cryptography;
using System.Text;

namespace FollowUpFlow.Mail;

/// <summary>
/// Per-message reply addresses, <c>reply+{token}@{domain}</c>. The token is the first 130 bits of
/// HMAC-SHA256(key, Message-ID) in lower-case base32 (26 characters): stable for a message, different for every
/// message and every key, and unguessable without the key, so a reply arriving at that address can be tied to the
/// message it answers and nobody can forge one for a message they never saw.
/// </summary>
public sealed class ReplyAddresses
{
    public const string LocalPartPrefix = "reply+";
    public const int TokenLength = 26;

    private const string Base32Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    private readonly byte[] _key;

    public ReplyAddresses(ReadOnlySpan<byte> key, string domain)
    {
        if (key.Length < SendGridOptionsValidator.MinReplyKeyBytes)
        {
            throw new ArgumentException($"The key must be at least {SendGridOptionsValidator.MinReplyKeyBytes} bytes.", nameof(key));
        }

        ArgumentNullException.ThrowIfNull(domain);
        if (!IsValidDomain(domain))
        {
            throw new ArgumentException($"'{domain}' is not a host name that can carry reply addresses.", nameof(domain));
        }

        _key = key.ToArray();
        Domain = domain;
    }

    public string Domain { get; }

    /// <summary>The token for a message id: 26 characters of <c>a-z</c> and <c>2-7</c>.</summary>
    public string TokenFor(string messageId)
    {
        MessageIds.Validate(messageId, nameof(messageId));
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(messageId), mac);
        return Base32Prefix(mac, TokenLength);
    }

    /// <summary>The reply address for a message id, with an optional display name (the candidate's).</summary>
    public MailAddress AddressFor(string messageId, string? displayName = null) =>
        new(displayName, $"{LocalPartPrefix}{TokenFor(messageId)}@{Domain}");

    /// <summary>True when <paramref name="token"/> is this message id's token (compared in constant time).</summary>
    public bool Matches(string messageId, string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var expected = TokenFor(messageId);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(token));
    }

    /// <summary>
    /// Reads the token from a bare address <c>reply+{token}@{domain}</c> on this domain (compared without regard
    /// to case). The token must have exactly the generated shape; anything else, a look-alike domain or extra
    /// characters included, is refused.
    /// </summary>
    public bool TryReadToken(string? address, out string token)
    {
        token = "";
        if (address is null)
        {
            return false;
        }

        var at = address.LastIndexOf('@');
        if (at != LocalPartPrefix.Length + TokenLength || !address.AsSpan(at + 1).Equals(Domain, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // The prefix is ours and lower-case; a mailer that changes case of the local part breaks RFC 5321 §2.4.
        if (!address.StartsWith(LocalPartPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var candidate = address.AsSpan(LocalPartPrefix.Length, TokenLength);
        foreach (var c in candidate)
        {
            if (!Base32Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        token = candidate.ToString();
        return true;
    }

    /// <summary>True when a reply address on this domain would be a valid address.</summary>
    public static bool IsValidDomain(string? domain)
    {
        if (string.IsNullOrEmpty(domain) || !domain.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            _ = new MailAddress($"{LocalPartPrefix}{new string('a', TokenLength)}@{domain}");
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string Base32Prefix(ReadOnlySpan<byte> bytes, int characters)
    {
        // RFC 4648 base32 read five bits at a time from the front; only as many characters as asked for.
        Span<char> output = stackalloc char[characters];
        var bitBuffer = 0;
        var bitCount = 0;
        var byteIndex = 0;
        for (var i = 0; i < characters; i++)
        {
            if (bitCount < 5)
            {
                bitBuffer = (bitBuffer << 8) | bytes[byteIndex++];
                bitCount += 8;
            }

            bitCount -= 5;
            output[i] = Base32Alphabet[(bitBuffer >> bitCount) & 0x1F];
        }

        return new string(output);
    }
}
