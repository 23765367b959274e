namespace FollowUpFlow.Inbound.Tests.Understanding.Dates;

/// <summary>German mentions, read in Berlin unless they name a zone. Sent Friday 2026-11-20 09:15 UTC.</summary>
public sealed class GermanDateTests
{
    private const string Berlin = "Europe/Berlin";

    [Theory]
    [InlineData("08.12.2026 um 14:00 Uhr", "2026-12-08T14:00:00+01:00", null, Berlin, "DT ~0.7")]
    [InlineData("Dienstag, 8. Dezember 2026 um 14:00 Uhr MEZ", "2026-12-08T14:00:00+01:00", null, Berlin, "ZDT >=0.9")]
    [InlineData("am 08.12.2026 um 16 Uhr MESZ", "2026-12-08T16:00:00+01:00", null, Berlin, "ZDT >=0.9")]
    [InlineData("Mittwoch, 9. Dez. 2026, 10:00 Uhr (Berliner Zeit)", "2026-12-09T10:00:00+01:00", null, Berlin, "ZDT >=0.9")]
    [InlineData("Termin: Di., 08.12.2026, 14:00 - 14:45 Uhr (MEZ)", "2026-12-08T14:00:00+01:00", "2026-12-08T14:45:00+01:00", Berlin, "ZDT >=0.9")]
    [InlineData("am 8.12. von 14 bis 15 Uhr", "2026-12-08T14:00:00+01:00", "2026-12-08T15:00:00+01:00", Berlin, "DT")]
    [InlineData("Do 10.12. 15 Uhr", "2026-12-10T15:00:00+01:00", null, Berlin, "DT")]
    [InlineData("Montag, den 14. Dezember um 10 Uhr", "2026-12-14T10:00:00+01:00", null, Berlin, "DT")]
    [InlineData("am 3. Maerz um 3 Uhr nachmittags", "2027-03-03T15:00:00+01:00", null, Berlin, "DT")]
    [InlineData("am 3. März 2027 um 12:00 Uhr mittags", "2027-03-03T12:00:00+01:00", null, Berlin, "DT ~0.7")]
    [InlineData("12/08/2026 14:00", "2026-08-12T14:00:00+02:00", null, Berlin, "DT <0.7")]
    [InlineData("Das Gespräch dauert ca. 45 Min. und findet am 10.12.2026 um 9:30 Uhr statt.", "2026-12-10T09:30:00+01:00", "2026-12-10T10:15:00+01:00", Berlin, "DT")]
    [InlineData("Das Interview dauert 1 Stunde und beginnt am 8. Dezember um 14 Uhr.", "2026-12-08T14:00:00+01:00", "2026-12-08T15:00:00+01:00", Berlin, "DT")]
    [InlineData("morgen um 10 Uhr", "2026-11-21T10:00:00+01:00", null, Berlin, "DTR <0.7")]
    [InlineData("übermorgen um 16:30", "2026-11-22T16:30:00+01:00", null, Berlin, "DTR")]
    [InlineData("Uebermorgen 14.30 Uhr", "2026-11-22T14:30:00+01:00", null, Berlin, "DTR")]
    [InlineData("nächsten Dienstag um 11 Uhr", "2026-11-24T11:00:00+01:00", null, Berlin, "DTR")]
    [InlineData("zwischen 14 und 15 Uhr am Freitag", "2026-11-20T14:00:00+01:00", "2026-11-20T15:00:00+01:00", Berlin, "DTR")]
    [InlineData("DIENSTAG, 8. DEZEMBER UM 9 UHR", "2026-12-08T09:00:00+01:00", null, Berlin, "DT")]
    public void Reads_german_mentions(string text, string start, string? end, string zone, string flags) =>
        DateExpectation.Single(text, Berlin, start, end, zone, flags);
}
