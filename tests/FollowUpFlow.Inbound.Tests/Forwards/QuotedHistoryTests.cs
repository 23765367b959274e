using FollowUpFlow.Inbound.Forwards;

namespace FollowUpFlow.Inbound.Tests.Forwards;

/// <summary>Where a reply's own words end and the older conversation starts.</summary>
public sealed class QuotedHistoryTests
{
    private const string Fresh = "Tuesday works, see you then.\n\n";

    [Theory]
    [InlineData("On Fri, Dec 4, 2026 at 3:12 PM Alex Morgan <alex.morgan@example.com> wrote:\n> Could we meet Tuesday?")]
    [InlineData("Am Fr., 4. Dez. 2026 um 15:12 Uhr schrieb Alex Morgan <alex.morgan@example.com>:\n> Ginge auch Dienstag?")]
    [InlineData("Le ven. 4 déc. 2026 à 15:12, Alex Morgan <alex.morgan@example.com> a écrit :\n> Mardi serait possible ?")]
    [InlineData("Alex Morgan <alex.morgan@example.com> wrote:\n\nCould we meet Tuesday?")]
    [InlineData("> Could we meet Tuesday?\n> Alex")]
    [InlineData("From: Alex Morgan <alex.morgan@example.com>\nSent: Friday, December 4, 2026 3:12 PM\nSubject: Interview time\n\nCould we meet Tuesday?")]
    [InlineData("Von: Alex Morgan <alex.morgan@example.com>\nGesendet: Freitag, 4. Dezember 2026 15:12\nBetreff: Termin\n\nGinge auch Dienstag?")]
    public void Cuts_at_the_start_of_the_history(string history)
    {
        var (fresh, quoted) = QuotedHistory.Split(Fresh + history);

        Assert.Equal(Fresh, fresh);
        Assert.Equal(history, quoted);
    }

    [Theory]
    [InlineData("On Tuesday we will meet at the office.\nSee you then.")]
    [InlineData("From the whole team: congratulations!\nBest, Sam")]
    [InlineData("Date: Tuesday 8 December\nTime: 2pm")]
    [InlineData("")]
    public void A_body_without_history_stays_whole(string body)
    {
        var (fresh, quoted) = QuotedHistory.Split(body);

        Assert.Equal(body, fresh);
        Assert.Equal("", quoted);
    }
}
