using System.Text;
using FollowUpFlow.Inbound.Mime;

namespace FollowUpFlow.Inbound.Tests.Mime;

/// <summary>Builds test messages from text: lines joined with CRLF (or LF), non-ASCII as UTF-8 unless bytes are given.</summary>
internal static class Mail
{
    public static MimeMessage Parse(string text, MimeLimits? limits = null) =>
        MimeReader.Parse(Crlf(text), limits);

    public static MimeMessage ParseLf(string text, MimeLimits? limits = null) =>
        MimeReader.Parse(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal)), limits);

    public static byte[] Crlf(string text) =>
        Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal));

    /// <summary>Text whose characters are the bytes (U+0000-U+00FF), for raw 8-bit content.</summary>
    public static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal));

    public static MimeMessage ParseBytes(byte[] bytes, MimeLimits? limits = null) => MimeReader.Parse(bytes, limits);

    public static IEnumerable<string> Codes(MimeMessage message) => message.Problems.Select(p => p.Code);
}
