namespace FollowUpFlow.Inbound.Tests.Understanding.Dates;

/// <summary>French mentions, read in Paris unless they name a zone. Sent Friday 2026-11-20 09:15 UTC.</summary>
public sealed class FrenchDateTests
{
    private const string Paris = "Europe/Paris";

    [Theory]
    [InlineData("mardi 8 décembre 2026 à 14h00", "2026-12-08T14:00:00+01:00", null, Paris, "DT ~0.7")]
    [InlineData("MARDI 8 DECEMBRE 2026 A 14H00", "2026-12-08T14:00:00+01:00", null, Paris, "DT ~0.7")]
    [InlineData("le 8 décembre à 14 h 30", "2026-12-08T14:30:00+01:00", null, Paris, "DT")]
    [InlineData("le 8 decembre de 14h à 15h", "2026-12-08T14:00:00+01:00", "2026-12-08T15:00:00+01:00", Paris, "DT")]
    [InlineData("Le rendez-vous aura lieu mardi 8 déc. de 14h jusqu'à 15h (heure de Paris).", "2026-12-08T14:00:00+01:00", "2026-12-08T15:00:00+01:00", Paris, "ZDT >=0.85")]
    [InlineData("Mercredi 9 décembre à 14h30 heure de Paris", "2026-12-09T14:30:00+01:00", null, Paris, "ZDT >=0.85")]
    [InlineData("jeudi 10 décembre 2026 à 9h30 (heure de Paris), durée 45 minutes", "2026-12-10T09:30:00+01:00", "2026-12-10T10:15:00+01:00", Paris, "ZDT >=0.9")]
    [InlineData("le 1er décembre à 9h, durée : 1 heure", "2026-12-01T09:00:00+01:00", "2026-12-01T10:00:00+01:00", Paris, "DT")]
    [InlineData("le 8 décembre à 14h, pour une durée d'une heure", "2026-12-08T14:00:00+01:00", "2026-12-08T15:00:00+01:00", Paris, "DT")]
    [InlineData("entre 14h et 15h le 8 décembre", "2026-12-08T14:00:00+01:00", "2026-12-08T15:00:00+01:00", Paris, "DT")]
    [InlineData("rendez-vous le 8/12 à 10h", "2026-12-08T10:00:00+01:00", null, Paris, "DT")]
    [InlineData("le 8 décembre à midi", "2026-12-08T12:00:00+01:00", null, Paris, "DT")]
    [InlineData("demain à 15h", "2026-11-21T15:00:00+01:00", null, Paris, "DTR <0.7")]
    [InlineData("aujourd'hui à 16h30", "2026-11-20T16:30:00+01:00", null, Paris, "DTR")]
    [InlineData("après-demain à midi", "2026-11-22T12:00:00+01:00", null, Paris, "DTR")]
    [InlineData("mardi prochain à 10h", "2026-11-24T10:00:00+01:00", null, Paris, "DTR")]
    [InlineData("le lundi 14 à 10h", "2026-12-14T10:00:00+01:00", null, Paris, "DTR")]
    [InlineData("demain à 3h de l'après-midi", "2026-11-21T15:00:00+01:00", null, Paris, "DTR")]
    public void Reads_french_mentions(string text, string start, string? end, string zone, string flags) =>
        DateExpectation.Single(text, Paris, start, end, zone, flags);
}
