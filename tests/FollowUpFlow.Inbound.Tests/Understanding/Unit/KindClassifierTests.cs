using FollowUpFlow.Inbound.Understanding;
using FollowUpFlow.Inbound.Understanding.Dates;

namespace FollowUpFlow.Inbound.Tests.Understanding.Unit;

/// <summary>What short emails mean, in English, German and French, with and without a calendar part.</summary>
public sealed class KindClassifierTests
{
    [Theory]
    // Confirmations.
    [InlineData("Interview confirmation", "Hi Alex, your interview is confirmed for Tuesday, December 8 at 2pm. Looking forward to speaking with you.", EmailKind.Confirmation)]
    [InlineData("Phone screen", "Just confirming our phone screen tomorrow at 10am. I will call you on your mobile.", EmailKind.Confirmation)]
    [InlineData("Onsite", "You'll meet with Priya and Marcus on Thursday at 10am. See you then!", EmailKind.Confirmation)]
    [InlineData("Einladung zum Vorstellungsgespräch", "Sehr geehrter Herr Morgan, wir bestätigen Ihren Termin zum Vorstellungsgespräch am 8. Dezember um 14 Uhr.", EmailKind.Confirmation)]
    [InlineData("Convocation à un entretien", "Bonjour, nous confirmons votre entretien le mardi 8 décembre à 14h.", EmailKind.Confirmation)]
    // Reschedules.
    [InlineData("Interview rescheduled", "We need to move your interview to Wednesday at 3pm. Sorry for the change.", EmailKind.Reschedule)]
    [InlineData("Change of time", "Priya had a conflict, so we've moved your onsite to Friday at 1pm.", EmailKind.Reschedule)]
    [InlineData("Terminänderung", "Wir müssen Ihr Gespräch verschieben. Neuer Termin: Mittwoch, 9. Dezember, 15 Uhr.", EmailKind.Reschedule)]
    [InlineData("Entretien reporté", "Votre entretien est reporté au mercredi 9 décembre à 15h.", EmailKind.Reschedule)]
    // Cancellations.
    [InlineData("Interview cancelled", "Unfortunately we have to cancel your interview on Tuesday at 2pm.", EmailKind.Cancellation)]
    [InlineData("Canceled: Onsite interview", "This event has been canceled.", EmailKind.Cancellation)]
    [InlineData("Termin abgesagt", "Ihr Termin am Dienstag um 14 Uhr findet nicht statt.", EmailKind.Cancellation)]
    [InlineData("Entretien annulé", "Nous devons annuler votre entretien de mardi à 14h. Il n'aura pas lieu.", EmailKind.Cancellation)]
    // Rejections.
    [InlineData("Your application", "Thank you for your time. Unfortunately, we have decided to move forward with other candidates.", EmailKind.Rejection)]
    [InlineData("Following up", "Thank you for interviewing with us on Tuesday at 2pm. We regret to inform you that we will not be moving forward.", EmailKind.Rejection)]
    [InlineData("Ihre Bewerbung", "Leider müssen wir Ihnen mitteilen, dass wir uns für einen anderen Kandidaten entschieden haben.", EmailKind.Rejection)]
    [InlineData("Votre candidature", "Malheureusement, votre candidature n'a pas été retenue.", EmailKind.Rejection)]
    // Offers.
    [InlineData("Offer", "We are delighted to offer you the position of Senior Engineer. Your offer letter is attached.", EmailKind.Offer)]
    [InlineData("Vertragsangebot", "Wir freuen uns, Ihnen die Stelle als Teamleiter anzubieten.", EmailKind.Offer)]
    [InlineData("Proposition d'embauche", "Nous avons le plaisir de vous proposer le poste de chef de projet.", EmailKind.Offer)]
    // Everything else.
    [InlineData("Thank you for applying", "We have received your application and will review it shortly.", EmailKind.Other)]
    [InlineData("5 new jobs for you", "Jobs you might like this week. Unsubscribe at any time.", EmailKind.Other)]
    [InlineData("Schedule your interview", "Please pick a time that works for you using the link below.", EmailKind.Other)]
    [InlineData("Eingangsbestätigung", "Vielen Dank, wir haben Ihre Bewerbung erhalten.", EmailKind.Other)]
    [InlineData("Candidature bien reçue", "Votre candidature bien reçue, nous reviendrons vers vous.", EmailKind.Other)]
    public void Classifies_short_bodies(string subject, string body, EmailKind expected) =>
        Assert.Equal(expected, Classify(subject, body, HasDatedTime(body)).Kind);

    [Theory]
    [InlineData("Interview confirmed", "Your interview is confirmed for Tuesday, December 8 at 2pm. If you need to reschedule, please let us know.")]
    [InlineData("Interview confirmed", "See you Tuesday at 2pm. Should you need to cancel or reschedule, use the link below.")]
    [InlineData("Interview confirmed", "See you Tuesday at 2pm.\nNeed to reschedule or cancel? https://calendly.com/contoso/reschedule")]
    [InlineData("Bestätigung Ihres Termins", "Wir bestätigen Ihr Vorstellungsgespräch am 8. Dezember um 14 Uhr. Falls Sie den Termin verschieben müssen, melden Sie sich bitte.")]
    [InlineData("Confirmation d'entretien", "Nous confirmons votre entretien le 8 décembre à 14h. Si vous devez annuler ou reporter, merci de nous prévenir.")]
    public void An_offered_option_does_not_turn_a_confirmation_into_the_act(string subject, string body) =>
        Assert.Equal(EmailKind.Confirmation, Classify(subject, body, HasDatedTime(body)).Kind);

    [Theory]
    [InlineData("Interview update", "We've moved your interview to Friday, December 11 at 3pm, same link: https://zoom.us/j/123456789.", EmailKind.Reschedule)]
    [InlineData("Interview update", "We have to cancel your interview on Tuesday at 2pm (https://zoom.us/j/123456789). Sorry!", EmailKind.Cancellation)]
    public void An_act_written_next_to_its_link_still_counts(string subject, string body, EmailKind expected) =>
        Assert.Equal(expected, Classify(subject, body, HasDatedTime(body)).Kind);

    [Theory]
    [InlineData("Interview confirmed", "Your interview is confirmed for Tuesday at 2pm.")]
    [InlineData("Offer", "We are delighted to offer you the role.")]
    [InlineData("", "")]
    public void A_cancelling_calendar_wins_over_any_words(string subject, string body)
    {
        var (kind, confidence) = KindClassifier.Classify(subject, body, "CANCEL", 1, hasCalendarEvent: true, hasDatedTime: true, hasMeetingLink: true);

        Assert.Equal(EmailKind.Cancellation, kind);
        Assert.Equal(0.97, confidence);
    }

    [Theory]
    [InlineData("Interview confirmation", "Your interview is confirmed. Looking forward to speaking with you.")]
    [InlineData("Einladung zum Vorstellungsgespräch", "Wir bestätigen Ihr Vorstellungsgespräch.")]
    [InlineData("Interview rescheduled", "We need to move your interview. New times to follow.")]
    public void Without_a_time_nothing_is_confirmed_or_moved(string subject, string body)
    {
        var kind = Classify(subject, body, hasDatedTime: false).Kind;

        Assert.NotEqual(EmailKind.Confirmation, kind);
        Assert.NotEqual(EmailKind.Reschedule, kind);
    }

    [Fact]
    public void An_invitation_with_no_words_confirms()
    {
        var (kind, _) = KindClassifier.Classify("Interview", "", "REQUEST", 0, hasCalendarEvent: true, hasDatedTime: true, hasMeetingLink: true);

        Assert.Equal(EmailKind.Confirmation, kind);
    }

    [Fact]
    public void An_updated_invitation_with_a_later_sequence_is_a_reschedule()
    {
        var (kind, _) = KindClassifier.Classify("Updated invitation: Onsite interview", "Onsite interview with Contoso", "REQUEST", 2, hasCalendarEvent: true, hasDatedTime: true, hasMeetingLink: false);

        Assert.Equal(EmailKind.Reschedule, kind);
    }

    [Theory]
    [InlineData("Interview confirmation", "Your interview is confirmed for Tuesday at 2pm. You'll meet with Priya. Looking forward to meeting you!")]
    [InlineData("Your application", "Unfortunately, we regret to inform you that we will not be moving forward.")]
    [InlineData("hello", "hi")]
    public void Confidence_stays_between_a_half_and_almost_certain(string subject, string body)
    {
        var confidence = Classify(subject, body, hasDatedTime: true).Confidence;

        Assert.InRange(confidence, 0.5, 0.98);
    }

    [Fact]
    public void A_clear_message_is_more_certain_than_a_vague_one()
    {
        var clear = Classify("Interview confirmation", "Your interview is confirmed for Tuesday at 2pm. You'll meet with Priya. Looking forward to meeting you!", hasDatedTime: true);
        var vague = Classify("Quick question", "Are you free for a call sometime?", hasDatedTime: false);

        Assert.Equal(EmailKind.Other, vague.Kind);
        Assert.True(clear.Confidence > vague.Confidence, $"{clear.Confidence} should exceed {vague.Confidence}");
    }

    // As the understander decides it: a time on a known day somewhere in the body.
    private static bool HasDatedTime(string body) =>
        ScheduleFinder.HasDatedTime(TextDateFinder.Find(body, new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.Zero), "Europe/Berlin"));

    private static (EmailKind Kind, double Confidence) Classify(string subject, string body, bool hasDatedTime) =>
        KindClassifier.Classify(subject, body, calendarMethod: null, calendarSequence: null, hasCalendarEvent: false, hasDatedTime, hasMeetingLink: false);
}
