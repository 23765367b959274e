namespace FollowUpFlow.Mail.Tests.Reading;

/// <summary>A message split into unfolded header fields and its raw (still transfer-encoded) body.</summary>
internal sealed record ParsedMessage(IReadOnlyList<KeyValuePair<string, string>> Headers, IReadOnlyList<string> RawHeaderLines, string RawBody)
{
    public string? Header(string name)
    {
        var matches = Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(matches.Count <= 1, $"Header {name} appears {matches.Count} times.");
        return matches.Count == 0 ? null : matches[0].Value;
    }

    public string RequiredHeader(string name) => Header(name) ?? throw new Xunit.Sdk.XunitException($"Header {name} is missing.");

    /// <summary>The body decoded per Content-Transfer-Encoding, as text.</summary>
    public string DecodedBody() =>
        RequiredHeader("Content-Transfer-Encoding").ToLowerInvariant() switch
        {
            "7bit" => RawBody,
            "quoted-printable" => QuotedPrintableDecoder.DecodeText(RawBody),
            var other => throw new Xunit.Sdk.XunitException($"Unexpected transfer encoding {other}."),
        };
}
