using System.Diagnostics;
using FollowUpFlow.Inbound.Understanding.Dates;
using FsCheck;
using FsCheck.Fluent;

namespace FollowUpFlow.Inbound.Tests.Understanding.Dates;

/// <summary>Random text and random damage to real mentions: never an exception, never a slow scan, always well-formed matches.</summary>
public sealed class TextDateFinderPropertyTests
{
    private const int Runs = 3000;

    /// <summary>One call on a few hundred characters takes microseconds; this bound only catches runaway work, even on a busy machine.</summary>
    private static readonly TimeSpan SlowestCall = TimeSpan.FromMilliseconds(250);

    private static readonly string[] Seeds =
    [
        "Tuesday, December 8, 2026 at 2:00 PM EST",
        "December 8th, 2026, 2:00–2:45 p.m. Eastern",
        "8 Dec 2026, 10:00–11:00 (GMT+1)",
        "12/08/2026 14:00 CET",
        "Dienstag, 8. Dezember 2026 um 14:00 Uhr MEZ",
        "am 8.12. von 14 bis 15 Uhr",
        "mardi 8 décembre 2026 à 14h00",
        "Le rendez-vous aura lieu mardi 8 déc. de 14h jusqu'à 15h (heure de Paris).",
        "We'd like to meet on Thursday, Dec 10 for a call at 3:30pm PT.",
        "When: Thursday, December 10, 2026 3:30 PM-4:15 PM. (UTC-08:00) Pacific Time (US & Canada)",
        "Dec 8, 2026 at 9am (UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna",
        "2026-12-08T14:00:00-05:00",
        "tomorrow afternoon at 3, 45 Min., une heure et demie, an hour and a half",
        "Monday the 14th, next Tuesday at 10am, après-demain à midi, übermorgen um 16:30",
    ];

    // Pieces that reach deep into the readers when glued together at random.
    private static readonly string[] Pieces =
    [
        "Dec", "8", "2026", ",", ".", ":", "-", "–", "/", "(", ")", "+", " ", "\n", "\n\n", "'", "at", "um", "à", "de", "von",
        "bis", "to", "between", "and", "pm", "a.m.", "h", "Uhr", "EST", "ET", "GMT", "UTC", "+01:00", "-0500", "Z", "T",
        "Tuesday", "Di", "mardi", "mar", "next", "this", "the", "14th", "1er", "tomorrow", "morgen", "aujourd'hui", "noon",
        "midi", "minutes", "hour", "Stunde", "half", "an", "early", "heure de Paris", "Amsterdam", "12", "30", "00", "24", "99",
        "é", "ß", "\u0301", "\u202F", "$", "#", "%", "@", "…",
    ];

    [Fact]
    public void Random_text_never_throws_and_stays_well_formed() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(Runs),
            Prop.ForAll(Arb.From(Gen.OneOf(ArbMap.Default.GeneratorFor<string>().Select(text => text ?? ""), PieceSoup())), AssertWellFormed));

    [Fact]
    public void Damaged_real_mentions_never_throw_and_stay_well_formed() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(Runs),
            Prop.ForAll(Arb.From(Damaged()), AssertWellFormed));

    private static Gen<string> PieceSoup() =>
        Gen.ListOf(Gen.Elements(Pieces)).Select(pieces => string.Concat(pieces));

    private static Gen<string> Damaged() =>
        from seed in Gen.Elements(Seeds)
        from edits in Gen.ListOf(Edit())
        select edits.Aggregate(seed, (text, edit) => edit(text));

    // Delete a slice, insert a piece or a random character, duplicate a slice, or change case.
    private static Gen<Func<string, string>> Edit() =>
        from kind in Gen.Choose(0, 4)
        from a in Gen.Choose(0, 1000)
        from b in Gen.Choose(0, 12)
        from piece in Gen.Elements(Pieces)
        from c in Gen.Choose(0, 0xFFFF)
        select (Func<string, string>)(text =>
        {
            int at = text.Length == 0 ? 0 : a % text.Length;
            int length = Math.Min(b, text.Length - at);
            return kind switch
            {
                0 => text.Remove(at, length),
                1 => text.Insert(at, piece),
                2 => text.Insert(at, ((char)c).ToString()),
                3 => text.Insert(at, text.Substring(at, length)),
                _ => text.ToUpperInvariant(),
            };
        });

    private static void AssertWellFormed(string text)
    {
        var clock = Stopwatch.StartNew();
        var matches = TextDateFinder.Find(text, DateExpectation.SentAt, "Europe/Berlin");
        Assert.True(clock.Elapsed < SlowestCall, $"{clock.Elapsed.TotalMilliseconds} ms for {text.Length} characters");
        int previousEnd = 0;
        foreach (var match in matches)
        {
            Assert.True(match.Index >= previousEnd && match.Length > 0 && match.Index + match.Length <= text.Length, "span out of order or out of text");
            previousEnd = match.Index + match.Length;
            Assert.InRange(match.Confidence, 0, 1);
            Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById(match.TimeZone).GetUtcOffset(match.Start), match.Start.Offset);
            if (match.End is { } end)
            {
                Assert.True(end > match.Start, "end before start");
                Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById(match.TimeZone).GetUtcOffset(end), end.Offset);
            }
        }
    }
}
