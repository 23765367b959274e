using System.Text;
using System.Text.RegularExpressions;

namespace FollowUpFlow.Mail.Tests.Reading;

/// <summary>RFC 2047 decoding; whitespace between adjacent encoded-words is dropped (§6.2).</summary>
internal static partial class EncodedWordDecoder
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    [GeneratedRegex(@"=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=")]
    private static partial Regex Word();

    public static IReadOnlyList<string> FindWords(string value) => Word().Matches(value).Select(m => m.Value).ToList();

    public static string Decode(string value)
    {
        var result = new StringBuilder();
        var position = 0;
        var previousWasWord = false;
        foreach (Match match in Word().Matches(value))
        {
            var between = value[position..match.Index];
            if (!(previousWasWord && between.All(c => c is ' ' or '\t')))
            {
                result.Append(between);
            }

            result.Append(DecodeWord(match));
            position = match.Index + match.Length;
            previousWasWord = true;
        }

        result.Append(value[position..]);
        return result.ToString();
    }

    /// <summary>Decodes one word with a strict UTF-8 decoder: a word holding half a character throws.</summary>
    public static string DecodeSingle(string word)
    {
        var match = Word().Match(word);
        Assert.True(match.Success && match.Length == word.Length, $"Not an encoded-word: {word}");
        return DecodeWord(match);
    }

    private static string DecodeWord(Match match)
    {
        Assert.Equal("utf-8", match.Groups[1].Value, ignoreCase: true);
        var text = match.Groups[3].Value;
        var bytes = char.ToUpperInvariant(match.Groups[2].Value[0]) == 'B'
            ? Convert.FromBase64String(text)
            : DecodeQ(text);
        return StrictUtf8.GetString(bytes);
    }

    private static byte[] DecodeQ(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '_')
            {
                bytes.Add((byte)' ');
            }
            else if (text[i] == '=')
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)text[i]);
            }
        }

        return [.. bytes];
    }
}
