using FollowUpFlow.Inbound.Mime;

namespace FollowUpFlow.Inbound.Tests.Mime;

public sealed class DateParserTests
{
    [Theory]
    [InlineData("Fri, 21 Nov 1997 09:55:06 -0600", 1997, 11, 21, 9, 55, 6, -6 * 60)]
    [InlineData("21 Nov 1997 09:55:06 +0530", 1997, 11, 21, 9, 55, 6, 5 * 60 + 30)]
    [InlineData("Fri, 21 Nov 1997 09:55 -0600", 1997, 11, 21, 9, 55, 0, -6 * 60)]
    [InlineData("Fri, 21 Nov 97 09:55:06 GMT", 1997, 11, 21, 9, 55, 6, 0)]
    [InlineData("Fri, 21 Nov 07 09:55:06 UT", 2007, 11, 21, 9, 55, 6, 0)]
    [InlineData("Fri, 21 Nov 097 09:55:06 EST", 1997, 11, 21, 9, 55, 6, -5 * 60)]
    [InlineData("Fri, 21 Nov 1997 09:55:06 PDT", 1997, 11, 21, 9, 55, 6, -7 * 60)]
    [InlineData("Fri, 21 Nov 1997 09:55:06 edt", 1997, 11, 21, 9, 55, 6, -4 * 60)]
    [InlineData("Fri, 21 Nov 1997 09:55:06 -0600 (CST)", 1997, 11, 21, 9, 55, 6, -6 * 60)]
    [InlineData("Friday, 21 November 1997 09:55:06 +0100", 1997, 11, 21, 9, 55, 6, 60)]
    [InlineData("  Fri,21 Nov 1997 9:55:06 +0000 junk at the end", 1997, 11, 21, 9, 55, 6, 0)]
    [InlineData("Fri Nov 21 09:55:06 1997", 1997, 11, 21, 9, 55, 6, 0)]
    [InlineData("21-Nov-1997 09:55:06 -0600", 1997, 11, 21, 9, 55, 6, -6 * 60)]
    [InlineData("Fri, 21 Nov 1997 09:55:06 Z", 1997, 11, 21, 9, 55, 6, 0)]
    [InlineData("Fri, 21 Nov 1997 09:55:60 +0000", 1997, 11, 21, 9, 55, 59, 0)]
    [InlineData("Fri, 21 Nov 1997 9:55 PM +0000", 1997, 11, 21, 21, 55, 0, 0)]
    [InlineData("1997-11-21T09:55:06+02:00", 1997, 11, 21, 9, 55, 6, 120)]
    public void Dates_in_rfc_5322_and_obsolete_forms(string raw, int year, int month, int day, int hour, int minute, int second, int offsetMinutes)
    {
        var expected = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromMinutes(offsetMinutes));

        var parsed = DateParser.Parse(raw);

        Assert.Equal(expected, parsed);
        Assert.Equal(expected.Offset, parsed!.Value.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("31 Feb 2020 10:00:00 +0000")]
    [InlineData("Fri, 21 1997 09:55:06")]
    [InlineData("Fri, 21 Nov 1997 25:00:00 +0000")]
    public void Unreadable_dates_are_null(string raw)
    {
        Assert.Null(DateParser.Parse(raw));
    }

    [Fact]
    public void An_unreadable_date_header_is_a_problem()
    {
        var message = Mail.Parse("Date: someday\n\nbody");

        Assert.Null(message.Date);
        Assert.Contains(MimeProblemCodes.DateUnreadable, Mail.Codes(message));
    }
}
