using System.Globalization;
using FollowUpFlow.Inbound.Understanding.Dates;

namespace FollowUpFlow.Inbound.Tests.Understanding.Dates;

/// <summary>Checks one table row: the text holds exactly one mention, with this start, end, zone, flags and confidence.</summary>
internal static class DateExpectation
{
    /// <summary>Friday 20 November 2026, 09:15 UTC: the "email was sent" instant every table row resolves against.</summary>
    public static readonly DateTimeOffset SentAt = new(2026, 11, 20, 9, 15, 0, TimeSpan.Zero);

    /// <param name="flags">Letters for the true flags (Z explicit zone, D date, T time, R relative), then optionally a
    /// confidence rule: "&gt;=0.9", "&lt;=0.4", "&lt;0.7" or "~0.7" (within 0.05).</param>
    public static TextDateMatch Single(string text, string defaultZone, string start, string? end, string zone, string flags)
    {
        var matches = TextDateFinder.Find(text, SentAt, defaultZone);
        var match = Assert.Single(matches);
        Assert.Equal(start, Iso(match.Start));
        Assert.Equal(end, match.End is { } e ? Iso(e) : null);
        Assert.Equal(zone, match.TimeZone);
        var letters = flags.Split(' ')[0];
        Assert.Equal(letters.Contains('Z', StringComparison.Ordinal), match.ExplicitZone);
        Assert.Equal(letters.Contains('D', StringComparison.Ordinal), match.HasDate);
        Assert.Equal(letters.Contains('T', StringComparison.Ordinal), match.HasTime);
        Assert.Equal(letters.Contains('R', StringComparison.Ordinal), match.IsRelative);
        AssertConfidence(match.Confidence, flags);
        Assert.InRange(match.Index, 0, text.Length - 1);
        Assert.InRange(match.Index + match.Length, match.Index + 1, text.Length);
        return match;
    }

    public static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static void AssertConfidence(double confidence, string flags)
    {
        Assert.InRange(confidence, 0, 1);
        var parts = flags.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            return;
        }

        var rule = parts[1];
        string op = new([.. rule.TakeWhile(c => !char.IsAsciiDigit(c))]);
        double bound = double.Parse(rule[op.Length..], CultureInfo.InvariantCulture);
        bool holds = op switch
        {
            ">=" => confidence >= bound,
            "<=" => confidence <= bound,
            "<" => confidence < bound,
            "~" => Math.Abs(confidence - bound) <= 0.05,
            _ => throw new ArgumentException($"Unknown confidence rule '{rule}'.", nameof(flags)),
        };
        Assert.True(holds, $"confidence {confidence} does not satisfy {rule}");
    }
}
