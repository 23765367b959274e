using FollowUpFlow.Inbound.Forwards;

namespace FollowUpFlow.Inbound.Tests.Forwards;

/// <summary>
/// One inline forward per mail program and language: the outer layer keeps the candidate's note, the inner
/// layer is the original with its sender, subject, date and words.
/// </summary>
public sealed class InlineForwardTests
{
    private sealed record Case(string Raw, string Zone, string FromAddress, string? FromName, string Subject, string Date, string OriginalText);

    private const string Note = "Tracking this one, thanks.";

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["gmail-en"] = new(
            Unwrapping.FromCandidate("Fwd: Interview confirmation", $"""
                {Note}

                ---------- Forwarded message ---------
                From: Priya Natarajan <priya.natarajan@contoso.com>
                Date: Fri, Dec 4, 2026 at 3:12 PM
                Subject: Interview confirmation
                To: Alex Morgan <alex.morgan@example.com>


                Hi Alex,
                Your interview is confirmed for Tuesday, December 8 at 2pm.
                """),
            Unwrapping.NewYork, "priya.natarajan@contoso.com", "Priya Natarajan", "Interview confirmation", "2026-12-04T15:12:00-05:00",
            "Your interview is confirmed"),
        ["gmail-de"] = new(
            Unwrapping.FromCandidate("WG: Einladung zum Vorstellungsgespräch", $"""
                {Note}

                ---------- Weitergeleitete Nachricht ---------
                Von: Anna Schmidt <anna.schmidt@isarbruecke.de>
                Datum: Fr., 4. Dez. 2026 um 15:12 Uhr
                Betreff: Einladung zum Vorstellungsgespräch
                An: Alex Morgan <alex.morgan@example.com>


                Sehr geehrter Herr Morgan,
                wir laden Sie herzlich zum Gespräch ein.
                """),
            "Europe/Berlin", "anna.schmidt@isarbruecke.de", "Anna Schmidt", "Einladung zum Vorstellungsgespräch", "2026-12-04T15:12:00+01:00",
            "wir laden Sie herzlich"),
        ["gmail-fr"] = new(
            Unwrapping.FromCandidate("TR: Convocation à un entretien", $"""
                {Note}

                ---------- Message transféré ---------
                De : Claire Dubois <claire.dubois@fabrikam.fr>
                Date : ven. 4 déc. 2026 à 15:12
                Objet : Convocation à un entretien
                À : Alex Morgan <alex.morgan@example.com>


                Bonjour Alex,
                nous avons le plaisir de vous inviter à un entretien.
                """),
            "Europe/Paris", "claire.dubois@fabrikam.fr", "Claire Dubois", "Convocation à un entretien", "2026-12-04T15:12:00+01:00",
            "nous avons le plaisir"),
        ["outlook-plain"] = new(
            Unwrapping.FromCandidate("FW: Interview confirmation - Clinical Data Analyst", $"""
                {Note}

                ________________________________
                From: Rebecca Stone <rstone@lamnahealthcare.com>
                Sent: Friday, December 4, 2026 3:12 PM
                To: Alex Morgan <alex.morgan@example.com>
                Subject: Interview confirmation - Clinical Data Analyst

                Hi Alex,

                Your panel interview is confirmed.
                """),
            Unwrapping.NewYork, "rstone@lamnahealthcare.com", "Rebecca Stone", "Interview confirmation - Clinical Data Analyst", "2026-12-04T15:12:00-05:00",
            "Your panel interview is confirmed"),
        ["outlook-original-message"] = new(
            Unwrapping.FromCandidate("FW: Next steps", $"""
                {Note}

                -----Original Message-----
                From: Sam Lee [mailto:sam.lee@contoso.com]
                Sent: Friday, December 04, 2026 3:12 PM
                To: Alex Morgan
                Subject: Next steps

                Alex, we would like to invite you onsite.
                """),
            Unwrapping.NewYork, "sam.lee@contoso.com", "Sam Lee", "Next steps", "2026-12-04T15:12:00-05:00",
            "we would like to invite you onsite"),
        ["outlook-de"] = new(
            Unwrapping.FromCandidate("WG: Ihr Vorstellungsgespräch", $"""
                {Note}

                ________________________________
                Von: Anna Schmidt <anna.schmidt@isarbruecke.de>
                Gesendet: Freitag, 4. Dezember 2026 15:12
                An: Alex Morgan <alex.morgan@example.com>
                Betreff: Ihr Vorstellungsgespräch

                Guten Tag Herr Morgan,
                hiermit bestätigen wir Ihren Termin.
                """),
            "Europe/Berlin", "anna.schmidt@isarbruecke.de", "Anna Schmidt", "Ihr Vorstellungsgespräch", "2026-12-04T15:12:00+01:00",
            "hiermit bestätigen wir"),
        ["outlook-fr"] = new(
            Unwrapping.FromCandidate("TR: Votre entretien", $"""
                {Note}

                ________________________________
                De : Claire Dubois <claire.dubois@fabrikam.fr>
                Envoyé : vendredi 4 décembre 2026 15:12
                À : Alex Morgan <alex.morgan@example.com>
                Objet : Votre entretien

                Bonjour Alex,
                votre entretien est confirmé.
                """),
            "Europe/Paris", "claire.dubois@fabrikam.fr", "Claire Dubois", "Votre entretien", "2026-12-04T15:12:00+01:00",
            "votre entretien est confirmé"),
        ["outlook-html"] = new(
            """
            From: Alex Morgan <alex.morgan@example.com>
            To: track@in.followupflow.example
            Subject: FW: Interview confirmation - Clinical Data Analyst
            Date: Mon, 07 Dec 2026 09:00:00 -0500
            Content-Type: text/html; charset=utf-8

            <html><body><div>Tracking this one, thanks.</div>
            <hr style="display:inline-block;width:98%" tabindex="-1">
            <div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>From:</b> Rebecca Stone &lt;rstone@lamnahealthcare.com&gt;<br>
            <b>Sent:</b> Friday, December 4, 2026 3:12 PM<br>
            <b>To:</b> Alex Morgan &lt;alex.morgan@example.com&gt;<br>
            <b>Subject:</b> Interview confirmation - Clinical Data Analyst</font>
            <div>&nbsp;</div></div>
            <div class="WordSection1"><p class="MsoNormal">Hi Alex,</p>
            <p class="MsoNormal">Your panel interview is confirmed.</p></div>
            </body></html>
            """,
            Unwrapping.NewYork, "rstone@lamnahealthcare.com", "Rebecca Stone", "Interview confirmation - Clinical Data Analyst", "2026-12-04T15:12:00-05:00",
            "Your panel interview is confirmed"),
        ["apple-quoted"] = new(
            Unwrapping.FromCandidate("Fwd: Onsite interview", $"""
                {Note}

                Begin forwarded message:

                > From: Marcus Chen <marcus.chen@contoso.com>
                > Subject: Onsite interview
                > Date: December 4, 2026 at 3:12:45 PM EST
                > To: Alex Morgan <alex.morgan@example.com>
                >
                > Hi Alex,
                > We look forward to seeing you onsite.
                """),
            Unwrapping.NewYork, "marcus.chen@contoso.com", "Marcus Chen", "Onsite interview", "2026-12-04T15:12:45-05:00",
            "We look forward to seeing you onsite"),
        ["apple-plain"] = new(
            Unwrapping.FromCandidate("Fwd: Onsite interview", $"""
                {Note}

                Begin forwarded message:

                From: Marcus Chen <marcus.chen@contoso.com>
                Subject: Onsite interview
                Date: December 4, 2026 at 3:12 PM PST
                To: Alex Morgan <alex.morgan@example.com>

                Hi Alex,
                We look forward to seeing you onsite.
                """),
            Unwrapping.NewYork, "marcus.chen@contoso.com", "Marcus Chen", "Onsite interview", "2026-12-04T15:12:00-08:00",
            "We look forward to seeing you onsite"),
        ["apple-de"] = new(
            Unwrapping.FromCandidate("WG: Einladung", $"""
                {Note}

                Anfang der weitergeleiteten Nachricht:

                > Von: Anna Schmidt <anna.schmidt@isarbruecke.de>
                > Betreff: Einladung
                > Datum: 4. Dezember 2026 um 15:12:00 MEZ
                > An: Alex Morgan <alex.morgan@example.com>
                >
                > Guten Tag Herr Morgan,
                > wir freuen uns auf das Gespräch.
                """),
            Unwrapping.NewYork, "anna.schmidt@isarbruecke.de", "Anna Schmidt", "Einladung", "2026-12-04T15:12:00+01:00",
            "wir freuen uns auf das Gespräch"),
        ["thunderbird"] = new(
            Unwrapping.FromCandidate("Fwd: Phone screen", $"""
                {Note}

                -------- Forwarded Message --------
                Subject: 	Phone screen
                Date: 	Fri, 4 Dec 2026 15:12:00 -0500
                From: 	Dana Whitfield <dana.whitfield@contoso.com>
                To: 	Alex Morgan <alex.morgan@example.com>



                Hi Alex, I will call you for the phone screen.
                """),
            Unwrapping.NewYork, "dana.whitfield@contoso.com", "Dana Whitfield", "Phone screen", "2026-12-04T15:12:00-05:00",
            "I will call you for the phone screen"),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    // Gmail's and Outlook's English wording names no zone: the forwarder's zone applies (see the skipped test below).
    private static readonly string[] ZonelessEnglish = ["gmail-en", "outlook-plain", "outlook-original-message", "outlook-html"];

    public static TheoryData<string> NamesWithReadableDates => [.. Cases.Keys.Except(ZonelessEnglish)];

    public static TheoryData<string> NamesWithZonelessEnglishDates => [.. ZonelessEnglish];

    [Theory]
    [MemberData(nameof(Names))]
    public void Finds_two_layers_the_outer_one_from_the_candidate(string name)
    {
        var layers = Read(name);

        Assert.Equal([ForwardStyle.None, ForwardStyle.Inline], layers.Select(l => l.Style));
        Assert.Equal(Unwrapping.Candidate, layers[0].From?.Address);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Outer_layer_holds_only_the_note(string name)
    {
        var outer = Read(name)[0];

        Assert.Contains(Note, outer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(Cases[name].OriginalText, outer.Body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Original_sender_has_address_and_name(string name)
    {
        var from = Read(name)[^1].From;

        Assert.NotNull(from);
        Assert.Equal(Cases[name].FromAddress, from.Address);
        Assert.Equal(Cases[name].FromName, from.Name);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Original_subject_is_read(string name) =>
        Assert.Equal(Cases[name].Subject, Read(name)[^1].Subject);

    [Theory]
    [MemberData(nameof(NamesWithReadableDates))]
    public void Original_date_is_the_instant_written(string name) =>
        Assert.Equal(DateTimeOffset.Parse(Cases[name].Date, System.Globalization.CultureInfo.InvariantCulture), Read(name)[^1].Date);

    [Theory]
    [MemberData(nameof(NamesWithZonelessEnglishDates))]
    public void Original_date_without_a_zone_is_read_in_the_default_zone(string name) =>
        Assert.Equal(DateTimeOffset.Parse(Cases[name].Date, System.Globalization.CultureInfo.InvariantCulture), Read(name)[^1].Date);

    [Theory]
    [MemberData(nameof(Names))]
    public void Original_body_is_its_own_words_without_the_header_block(string name)
    {
        var body = Read(name)[^1].Body;

        Assert.Contains(Cases[name].OriginalText, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Cases[name].Subject, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Note, body, StringComparison.Ordinal);
        Assert.DoesNotContain(">", body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Original_is_addressed_to_the_candidate(string name)
    {
        var to = Assert.Single(Read(name)[^1].To);

        Assert.Equal("Alex Morgan", to.Name);
    }

    private static System.Collections.Immutable.ImmutableArray<ForwardedLayer> Read(string name) =>
        Unwrapping.Layers(Cases[name].Raw, Cases[name].Zone);
}
