using FollowUpFlow.Core.Model;
using FollowUpFlow.Inbound.Calendar;
using FollowUpFlow.Inbound.Mime;
using FollowUpFlow.Inbound.Tests.Calendar;
using FollowUpFlow.Inbound.Understanding;

namespace FollowUpFlow.Inbound.Tests.Understanding.Unit;

/// <summary>The panel and the recruiter, from calendar attendees and from what the text says.</summary>
public sealed class PeopleFinderTests
{
    private const string Candidate = "alex.morgan@example.com";

    private static readonly MailboxAddress Sam = new("Sam Lee", "sam.lee@contoso.com");

    private static readonly MailboxAddress NoReply = new("Contoso Recruiting", "no-reply@greenhouse.io");

    private static readonly CalendarEvent Onsite = Ics.ReadEvent(
        "UID:onsite-1",
        "DTSTART;TZID=America/Los_Angeles:20261218T130000",
        "DTEND;TZID=America/Los_Angeles:20261218T160000",
        "SUMMARY:Onsite interview",
        "ORGANIZER;CN=Sam Lee:mailto:sam.lee@contoso.com",
        "ATTENDEE;ROLE=REQ-PARTICIPANT;CN=Alex Morgan:mailto:alex.morgan@example.com",
        "ATTENDEE;ROLE=REQ-PARTICIPANT;CN=Priya Natarajan:mailto:priya.natarajan@contoso.com",
        "ATTENDEE;ROLE=REQ-PARTICIPANT;CN=Marcus Chen:mailto:marcus.chen@contoso.com",
        "ATTENDEE;ROLE=REQ-PARTICIPANT:mailto:dana.whitfield@contoso.com",
        "ATTENDEE;CUTYPE=RESOURCE;ROLE=NON-PARTICIPANT;CN=CONF-SEA-4B Rainier (12):mailto:conf-sea-4b@contoso.com",
        "ATTENDEE;CN=Conf Room Baker:mailto:baker@contoso.com",
        "ATTENDEE;CN=Contoso Recruiting:mailto:recruiting@contoso.com",
        "ATTENDEE;ROLE=REQ-PARTICIPANT;CN=Sam Lee:mailto:sam.lee@contoso.com");

    private const string SamSignature = "\n\nBest,\nSam Lee\nRecruiting Coordinator\nContoso";

    [Fact]
    public void Calendar_attendees_are_the_panel_without_candidate_rooms_mailboxes_and_recruiter()
    {
        var found = Find(Onsite, Sam, "Hi Alex,\n\nYour onsite is confirmed." + SamSignature);

        Assert.Equal(
            [new Person("Priya Natarajan", "priya.natarajan@contoso.com"), new Person("Marcus Chen", "marcus.chen@contoso.com"), new Person("Dana Whitfield", "dana.whitfield@contoso.com")],
            found.Interviewers.ToArray());
        Assert.Equal(new Person("Sam Lee", "sam.lee@contoso.com"), found.Recruiter);
        Assert.Equal(0.85, found.InterviewersConfidence);
    }

    [Fact]
    public void The_candidate_under_another_address_is_known_by_name()
    {
        var invitation = Ics.ReadEvent(
            "DTSTART:20261218T210000Z",
            "ORGANIZER;CN=Sam Lee:mailto:sam.lee@contoso.com",
            "ATTENDEE;CN=Alex Morgan:mailto:alex.personal@outlook.com",
            "ATTENDEE;CN=Priya Natarajan:mailto:priya.natarajan@contoso.com");

        var found = Find(invitation, Sam, "See you then." + SamSignature, candidateNames: ["Alex Morgan"]);

        Assert.Equal(["Priya Natarajan"], found.Interviewers.Select(p => p.Name));
    }

    [Theory]
    [InlineData("On Tuesday you'll meet with Priya Natarajan and Marcus Chen.", "Priya Natarajan|Marcus Chen")]
    [InlineData("You will be speaking with Priya Natarajan, our Head of Data.", "Priya Natarajan")]
    [InlineData("Interviewers:\nPriya Natarajan (priya.natarajan@contoso.com)\nMarcus Chen, Staff Engineer\n\nPlease arrive early.", "Priya Natarajan|Marcus Chen")]
    [InlineData("Schedule:\n1:00 PM - 2:00 PM  System design - Priya Natarajan\n2:00 PM - 3:00 PM  Coding - Marcus Chen\n\nSee you soon.", "Priya Natarajan|Marcus Chen")]
    [InlineData("Priya Natarajan will interview you on Tuesday.", "Priya Natarajan")]
    [InlineData("Ihre Gesprächspartner sind Frau Dr. Anna Schmidt und Herr Jonas Weber.", "Anna Schmidt|Jonas Weber")]
    [InlineData("Sie sprechen mit Frau Anna Schmidt (Teamleiterin Entwicklung).", "Anna Schmidt")]
    [InlineData("Vous serez reçue par Mme Claire Dubois et M. Julien Martin.", "Claire Dubois|Julien Martin")]
    [InlineData("Vous rencontrerez Claire Dubois, responsable technique.", "Claire Dubois")]
    public void The_text_names_the_panel(string body, string expected)
    {
        var found = Find(null, Sam, body + SamSignature);

        Assert.Equal(expected.Split('|'), found.Interviewers.Select(p => p.Name));
        Assert.Equal(0.7, found.InterviewersConfidence);
    }

    [Fact]
    public void An_address_in_a_list_line_is_that_persons()
    {
        var found = Find(null, Sam, "Interviewers:\nPriya Natarajan (priya.natarajan@contoso.com)\nMarcus Chen\n\nSee you." + SamSignature);

        Assert.Equal("priya.natarajan@contoso.com", found.Interviewers[0].Email);
        Assert.Null(found.Interviewers[1].Email);
    }

    [Fact]
    public void The_recruiter_signs_under_a_no_reply_sender()
    {
        var found = Find(null, NoReply, "Hi Alex,\n\nYour interview is confirmed. You'll meet with Priya Natarajan.\n\nBest,\nSam Lee\nTalent Acquisition Partner, Contoso");

        Assert.Equal("Sam Lee", found.Recruiter?.Name);
        Assert.Null(found.Recruiter?.Email);
        Assert.Equal(0.85, found.RecruiterConfidence);
        Assert.Equal(["Priya Natarajan"], found.Interviewers.Select(p => p.Name));
    }

    [Theory]
    [InlineData("Mit freundlichen Grüßen\nAnna Schmidt\nPersonalabteilung", "Anna Schmidt")]
    [InlineData("Cordialement,\nClaire Dubois\nChargée de recrutement", "Claire Dubois")]
    [InlineData("Thanks!\nJordan Blake\nTalent Acquisition Coordinator", "Jordan Blake")]
    [InlineData("Tom Baxter\nSenior Consultant | Northgate Talent", "Tom Baxter")]
    public void Recruiting_signatures_in_three_languages(string signature, string recruiter)
    {
        var found = Find(null, NoReply, "Your interview is confirmed.\n\n" + signature);

        Assert.Equal(recruiter, found.Recruiter?.Name);
    }

    [Fact]
    public void A_panel_sentence_ends_after_a_short_surname()
    {
        var found = Find(null, Sam, "You'll meet with Marcus Chen. Please bring a photo ID and ask for Jordan Blake at reception." + SamSignature);

        Assert.Equal(["Marcus Chen"], found.Interviewers.Select(p => p.Name));
    }

    [Fact]
    public void A_signing_recruiter_takes_the_senders_address()
    {
        var found = Find(null, Sam, "You'll meet with Priya Natarajan." + SamSignature);

        Assert.Equal(new Person("Sam Lee", "sam.lee@contoso.com"), found.Recruiter);
    }

    [Fact]
    public void A_no_reply_sender_with_no_signature_is_nobody()
    {
        var found = Find(null, NoReply, "Your interview is confirmed for Tuesday at 2pm.");

        Assert.Null(found.Recruiter);
        Assert.Empty(found.Interviewers);
        Assert.Equal(0.5, found.InterviewersConfidence);
    }

    [Theory]
    [InlineData("You'll meet with me and Priya Natarajan.")]
    [InlineData("I'll join the call together with Priya Natarajan.")]
    [InlineData("Sie sprechen mit mir und Frau Priya Natarajan.")]
    public void The_recruiter_who_says_so_is_on_the_panel(string body)
    {
        var found = Find(null, Sam, body + "\n\nThanks,\nSam Lee\nRecruiter");

        Assert.Contains(new Person("Priya Natarajan", null), found.Interviewers.Select(p => p with { Email = null }));
        Assert.Contains(new Person("Sam Lee", "sam.lee@contoso.com"), found.Interviewers);
        Assert.Equal(new Person("Sam Lee", "sam.lee@contoso.com"), found.Recruiter);
    }

    [Fact]
    public void A_recruiter_who_does_not_join_stays_off_the_panel()
    {
        var found = Find(null, Sam, "You'll meet with Priya Natarajan." + SamSignature);

        Assert.DoesNotContain(found.Interviewers, p => p.Name == "Sam Lee");
    }

    [Fact]
    public void The_quoted_invitation_names_the_panel_when_a_reply_does_not()
    {
        var found = Find(null, Sam, "Hannah had a conflict, so the new time is 3pm." + SamSignature, quoted: "> You'll meet with Priya Natarajan and Marcus Chen.\n> Sam");

        Assert.Equal(["Priya Natarajan", "Marcus Chen"], found.Interviewers.Select(p => p.Name));
    }

    [Fact]
    public void An_invitation_without_words_puts_its_organizer_on_the_panel()
    {
        var invitation = Ics.ReadEvent(
            "DTSTART:20261218T210000Z",
            "SUMMARY:Coffee chat",
            "ORGANIZER;CN=Priya Natarajan:mailto:priya.natarajan@contoso.com",
            "ATTENDEE;CN=Alex Morgan:mailto:alex.morgan@example.com");

        var found = PeopleFinder.Find(new PeopleFinder.Evidence(
            invitation, new MailboxAddress("Priya Natarajan", "priya.natarajan@contoso.com"), null, [], "", "", CalendarOnly: true, new HashSet<string> { Candidate }, []));

        Assert.Equal([new Person("Priya Natarajan", "priya.natarajan@contoso.com")], found.Interviewers.ToArray());
        Assert.Null(found.Recruiter);
    }

    [Fact]
    public void The_candidate_is_never_on_the_panel()
    {
        var found = Find(null, Sam, "Interviewers:\nAlex Morgan\nPriya Natarajan\n\nSee you." + SamSignature, candidateNames: ["Alex Morgan"]);

        Assert.Equal(["Priya Natarajan"], found.Interviewers.Select(p => p.Name));
    }

    private static (System.Collections.Immutable.ImmutableArray<Person> Interviewers, double InterviewersConfidence, Person? Recruiter, double RecruiterConfidence) Find(
        CalendarEvent? calendar, MailboxAddress sender, string body, string quoted = "", string[]? candidateNames = null) =>
        PeopleFinder.Find(new PeopleFinder.Evidence(calendar, sender, null, [], body, quoted, CalendarOnly: false, new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Candidate }, candidateNames ?? []));
}
