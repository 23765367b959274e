namespace FollowUpFlow.Mail.Tests.Support;

/// <summary>Structural assertions on a written message.</summary>
internal static class RawChecks
{
    /// <summary>Every CR is followed by LF and every LF preceded by CR.</summary>
    public static void OnlyCrLf(string raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\r')
            {
                Assert.True(i + 1 < raw.Length && raw[i + 1] == '\n', $"Bare CR at {i}.");
            }
            else if (raw[i] == '\n')
            {
                Assert.True(i > 0 && raw[i - 1] == '\r', $"Bare LF at {i}.");
            }
        }
    }

    public static void AllAscii(string raw) => Assert.All(raw, c => Assert.True(c < 128, $"Non-ASCII U+{(int)c:X4}."));

    public static void HeaderLinesAtMost(string raw, int max)
    {
        var header = raw[..raw.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        Assert.All(header.Split("\r\n"), line => Assert.True(line.Length <= max, $"{line.Length} > {max}: {line}"));
    }

    public static void EncodedWordsWellFormed(string value)
    {
        foreach (var word in Reading.EncodedWordDecoder.FindWords(value))
        {
            Assert.True(word.Length <= 75, $"Encoded word of {word.Length} characters: {word}");

            // Decoding each word alone with a strict decoder proves no UTF-8 sequence was split.
            Reading.EncodedWordDecoder.DecodeSingle(word);
        }
    }
}
