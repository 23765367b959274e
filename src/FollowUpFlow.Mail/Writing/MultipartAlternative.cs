using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace FollowUpFlow.Mail.Writing;

/// <summary>
/// RFC 2046 §5.1.4 multipart/alternative: the same content in increasingly faithful forms, the last one preferred,
/// so the plain text goes first and the HTML after it.
/// </summary>
internal static class MultipartAlternative
{
    /// <summary>
    /// Every boundary starts with this. "=_" never occurs in quoted-printable output (an encoded '=' is "=3D" and a soft
    /// break is "=" at the end of a line), so only a 7bit part could ever hold a boundary, and each one is checked anyway.
    /// </summary>
    public const string BoundaryPrefix = "=_FollowUpFlow_";

    // 128 bits of the hash, in hex: with the prefix, 47 characters (RFC 2046 §5.1.1 allows up to 70).
    private const int HashBytes = 16;

    private const int MaxAttempts = 16;

    /// <summary>
    /// Appends the Content-Type field, the empty line that ends the header and the multipart body: no preamble, each
    /// part with its own Content-Type and Content-Transfer-Encoding, the close delimiter, then a final CRLF.
    /// </summary>
    public static void Append(StringBuilder output, IReadOnlyList<TextEntity> parts)
    {
        var boundary = ChooseBoundary(parts);
        var contentType = new HeaderFieldBuilder(output, "Content-Type");
        contentType.AppendToken("multipart/alternative;");

        // '=' is a tspecial (RFC 2045 §5.1): the parameter value must be quoted.
        contentType.AppendToken($"boundary=\"{boundary}\"");
        contentType.End();
        output.Append("\r\n");

        for (var i = 0; i < parts.Count; i++)
        {
            // The CRLF before "--" belongs to the delimiter (RFC 2046 §5.1.1), so each part's body comes back exactly,
            // a trailing line break included. The first delimiter opens the body: there is no preamble.
            var part = parts[i];
            output.Append(i == 0 ? "--" : "\r\n--").Append(boundary).Append("\r\n");
            part.AppendHeaders(output);
            output.Append("\r\n");
            output.Append(part.EncodedBody);
        }

        output.Append("\r\n--").Append(boundary).Append("--\r\n");
    }

    /// <summary>
    /// A boundary derived from a hash of the encoded parts (so the same message is always written the same way), which
    /// none of them contains: the hash is taken again with a counter until that holds.
    /// </summary>
    public static string ChooseBoundary(IReadOnlyList<TextEntity> parts) =>
        FirstAbsent(Enumerable.Range(0, MaxAttempts).Select(attempt => BoundaryPrefix + Hash(parts, attempt)), parts);

    /// <summary>The first candidate that occurs in none of the parts' encoded bodies.</summary>
    public static string FirstAbsent(IEnumerable<string> candidates, IReadOnlyList<TextEntity> parts)
    {
        foreach (var boundary in candidates)
        {
            if (!parts.Any(p => p.EncodedBody.Contains(boundary, StringComparison.Ordinal)))
            {
                return boundary;
            }
        }

        // Every hash of the content inside that content: not a message anyone can write.
        throw new InvalidOperationException("No multipart boundary absent from the message's parts was found.");
    }

    private static string Hash(IReadOnlyList<TextEntity> parts, int attempt)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, attempt);
        hash.AppendData(number);
        foreach (var part in parts)
        {
            // Length-prefixed, so no two different lists of parts hash the same input.
            var bytes = Encoding.UTF8.GetBytes(part.Subtype + "\0" + part.EncodedBody);
            BinaryPrimitives.WriteInt32BigEndian(number, bytes.Length);
            hash.AppendData(number);
            hash.AppendData(bytes);
        }

        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Convert.ToHexString(digest[..HashBytes]);
    }
}
