using FollowUpFlow.Inbound.Forwards;

namespace FollowUpFlow.Inbound.Tests.Forwards;

/// <summary>Header lines inside a body, in the spellings mail programs use.</summary>
public sealed class InlineHeaderBlockTests
{
    [Theory]
    [InlineData("From: Sam Lee <sam@x.com>", "from", "Sam Lee <sam@x.com>")]
    [InlineData("*Von:* Anna Schmidt", "from", "Anna Schmidt")]
    [InlineData("> De : Claire Dubois", "from", "Claire Dubois")]
    [InlineData(">> From: Sam", "from", "Sam")]
    [InlineData("Sent: Friday, December 4, 2026 3:12 PM", "date", "Friday, December 4, 2026 3:12 PM")]
    [InlineData("Gesendet: Freitag, 4. Dezember 2026 15:12", "date", "Freitag, 4. Dezember 2026 15:12")]
    [InlineData("Envoyé : vendredi 4 décembre 2026 15:12", "date", "vendredi 4 décembre 2026 15:12")]
    [InlineData("Objet : Entretien", "subject", "Entretien")]
    [InlineData("Betreff: Termin", "subject", "Termin")]
    [InlineData("À : Alex Morgan", "to", "Alex Morgan")]
    [InlineData("An: Alex Morgan", "to", "Alex Morgan")]
    [InlineData("Kopie: Sam Lee", "cc", "Sam Lee")]
    [InlineData("Antwort an: Sam Lee", "reply-to", "Sam Lee")]
    [InlineData("Subject: \tPhone screen", "subject", "Phone screen")]
    public void Reads_a_field_line(string line, string key, string value)
    {
        Assert.True(InlineHeaderBlock.TryReadField(line, out var readKey, out var readValue));
        Assert.Equal((key, value), (readKey, readValue));
    }

    [Theory]
    [InlineData("Note: bring your ID")]
    [InlineData("Location: Contoso HQ")]
    [InlineData("https://zoom.us/j/123")]
    [InlineData("A line without any colon")]
    [InlineData(": From")]
    [InlineData("Please reply to this email by Friday at the latest: thanks")]
    public void Other_lines_are_not_fields(string line) =>
        Assert.False(InlineHeaderBlock.TryReadField(line, out _, out _));

    [Fact]
    public void Wrapped_recipient_lines_belong_to_the_block()
    {
        const string Text = "Note\n\nFrom: Sam Lee <sam@x.com>\nTo: Alex Morgan <alex@x.com>;\n Priya Natarajan <priya@x.com>\nSubject: Onsite\n\nBody starts here.";

        var block = InlineHeaderBlock.FindFirst(Text);

        Assert.NotNull(block);
        Assert.Equal(Text.IndexOf("From:", StringComparison.Ordinal), block.Start);
        Assert.Equal("Alex Morgan <alex@x.com>; Priya Natarajan <priya@x.com>", block["to"]);
        Assert.StartsWith("\nBody starts here.", Text[block.BodyStart..], StringComparison.Ordinal);
        Assert.False(block.HasForwardMarker);
    }

    [Theory]
    [InlineData("---------- Forwarded message ---------")]
    [InlineData("-------- Original Message --------")]
    [InlineData("-----Original Message-----")]
    [InlineData("-----Ursprüngliche Nachricht-----")]
    [InlineData("-------- Message d'origine --------")]
    [InlineData("Begin forwarded message:")]
    [InlineData("Anfang der weitergeleiteten Nachricht:")]
    [InlineData("Début du message réexpédié :")]
    public void Marker_lines_above_the_block_are_seen(string marker)
    {
        var block = InlineHeaderBlock.FindFirst($"Note\n\n{marker}\n\nFrom: Sam <sam@x.com>\nDate: Fri, 4 Dec 2026 15:12:00 -0500\n\nBody");

        Assert.NotNull(block);
        Assert.True(block.HasForwardMarker);
    }

    [Fact]
    public void Outlooks_separator_line_is_not_a_forward_marker_because_replies_have_it_too()
    {
        var block = InlineHeaderBlock.FindFirst("Note\n\n________________________________\nFrom: Sam <sam@x.com>\nSent: Friday, December 4, 2026 3:12 PM\n\nBody");

        Assert.NotNull(block);
        Assert.False(block.HasForwardMarker);
    }

    [Theory]
    [InlineData("From: Sam <sam@x.com>\nTo: Alex <alex@x.com>\n\nBody")]
    [InlineData("Subject: Onsite\nDate: Fri, 4 Dec 2026\n\nBody")]
    [InlineData("From the team: welcome!\nSubject to change.")]
    public void A_block_needs_a_sender_and_a_date_or_subject(string text) =>
        Assert.Null(InlineHeaderBlock.FindFirst(text));
}
