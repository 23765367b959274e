namespace FollowUpFlow.Mail.Tests.Reading;

/// <summary>
/// A small, independent RFC 5322 reader for round-trip tests: splits header and body at the first
/// empty line and unfolds fields by removing each CRLF that precedes whitespace (§2.2.3).
/// </summary>
internal static class MessageReader
{
    public static ParsedMessage Parse(string raw)
    {
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split >= 0, "The message has no empty line between header and body.");

        var headerBlock = raw[..split];
        var body = raw[(split + 4)..];
        var lines = headerBlock.Split("\r\n");
        var fields = new List<KeyValuePair<string, string>>();
        string? name = null;
        var value = "";
        foreach (var line in lines)
        {
            if (line.Length > 0 && line[0] is ' ' or '\t')
            {
                Assert.NotNull(name);
                value += line;
                continue;
            }

            if (name is not null)
            {
                fields.Add(new(name, Trim(value)));
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            Assert.True(colon > 0, $"Not a header line: '{line}'");
            name = line[..colon];
            value = line[(colon + 1)..];
        }

        if (name is not null)
        {
            fields.Add(new(name, Trim(value)));
        }

        return new ParsedMessage(fields, lines, body);
    }

    // The space after the colon is the writer's separator, not part of the value.
    private static string Trim(string value) => value.StartsWith(' ') ? value[1..] : value;
}
