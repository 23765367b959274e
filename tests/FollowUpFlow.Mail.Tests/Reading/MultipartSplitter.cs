using System.Text.RegularExpressions;

namespace FollowUpFlow.Mail.Tests.Reading;

/// <summary>
/// Splits a written multipart/alternative body by the RFC 2046 §5.1.1 grammar, independently of the writer: the CRLF
/// before each "--boundary" belongs to the delimiter, the close delimiter ends in "--".
/// </summary>
internal static partial class MultipartSplitter
{
    public static MultipartBody Split(ParsedMessage message)
    {
        var contentType = message.RequiredHeader("Content-Type");
        var match = ContentTypePattern().Match(contentType);
        Assert.True(match.Success, $"Not a multipart/alternative Content-Type with a quoted boundary: {contentType}");
        var boundary = match.Groups["boundary"].Value;

        // Prefixing CRLF lets the first delimiter (at the very start of the body) be found like the others.
        var pieces = ("\r\n" + message.RawBody).Split("\r\n--" + boundary);
        Assert.True(pieces.Length >= 3, "A multipart needs at least one part and a close delimiter.");

        var parts = new List<ParsedMessage>();
        foreach (var piece in pieces[1..^1])
        {
            Assert.StartsWith("\r\n", piece, StringComparison.Ordinal);
            parts.Add(MessageReader.Parse(piece[2..]));
        }

        var close = pieces[^1];
        Assert.StartsWith("--", close, StringComparison.Ordinal);
        return new MultipartBody(boundary, pieces[0], parts, close[2..]);
    }

    [GeneratedRegex("^multipart/alternative; boundary=\"(?<boundary>[^\"]{1,70})\"$")]
    private static partial Regex ContentTypePattern();
}

/// <param name="Preamble">What precedes the first delimiter.</param>
/// <param name="Epilogue">What follows the close delimiter's "--".</param>
internal sealed record MultipartBody(string Boundary, string Preamble, IReadOnlyList<ParsedMessage> Parts, string Epilogue);
