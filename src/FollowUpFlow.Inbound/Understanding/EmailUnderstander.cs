using System.Collections.Immutable;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Inbound.Calendar;
using FollowUpFlow.Inbound.Forwards;
using FollowUpFlow.Inbound.Mime;
using FollowUpFlow.Inbound.Understanding.Dates;

namespace FollowUpFlow.Inbound.Understanding;

/// <summary>
/// Reads a message the way a careful assistant would: unwrap the forwards, read the original's own words
/// and its calendar invitation, then decide what it means and pull out each field with a confidence.
/// </summary>
public static class EmailUnderstander
{
    public static EmailUnderstanding Understand(MimeMessage message, ParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(options);
        var candidates = new HashSet<string>(options.CandidateAddresses, StringComparer.OrdinalIgnoreCase);
        var candidateNames = new List<string>();
        var layers = ForwardUnwrapper.Unwrap(message, candidates, options.CandidateTimeZone);
        if (layers.Length > 1 && layers[0].From is { } forwarder)
        {
            // Whoever forwarded the original to FollowUpFlow is the candidate.
            candidates.Add(forwarder.Address);
            if (forwarder.Name is { Length: > 0 } forwarderName)
            {
                candidateNames.Add(forwarderName);
            }
        }

        var original = layers[^1];
        foreach (var recipient in original.To.Where(r => candidates.Contains(r.Address) && r.Name is { Length: > 0 }))
        {
            candidateNames.Add(recipient.Name!);
        }

        var problems = ImmutableArray.CreateBuilder<string>();
        problems.AddRange(message.Problems.Select(p => p.ToString()));
        if (layers.Any(l => l.Body.Length + l.Quoted.Length >= ForwardUnwrapper.MaxBodyChars))
        {
            problems.Add($"text: only the first {ForwardUnwrapper.MaxBodyChars:N0} characters of the body were read for understanding");
        }

        var (calendar, calendarEvent) = ReadCalendar(message, problems);

        var subject = ForwardSubjects.Strip(original.Subject ?? message.Subject);
        var body = original.Body;
        var calendarOnly = string.IsNullOrWhiteSpace(body) && calendarEvent is not null;
        if (string.IsNullOrWhiteSpace(body))
        {
            // A calendar-only message, or a forward with nothing but the header block: fall back to what there is.
            body = string.Join("\n\n", new[] { calendarEvent?.Summary, calendarEvent?.Description, original.Quoted }.Where(t => !string.IsNullOrWhiteSpace(t)));
        }

        // Notes added on the way (a recruiter forwarding the hiring manager's note) name the role, the company and the recruiter too.
        var notes = layers.Skip(1).Take(layers.Length - 2).Where(l => l.From is null || !candidates.Contains(l.From.Address)).Select(l => l.Body).Reverse();
        var context = Head(string.Join("\n\n", new[] { body }.Concat(notes).Where(t => !string.IsNullOrWhiteSpace(t))));
        var sentAt = original.Date ?? message.Date ?? DateTimeOffset.UnixEpoch;
        var textDates = TextDateFinder.Find(body, sentAt, options.CandidateTimeZone);
        var hasTime = calendarEvent?.Start is { Kind: not CalendarTimeKind.Date } || ScheduleFinder.HasDatedTime(textDates);
        var hasMeetingLink = CalendarMeetingLinks.FindIn(body) is not null || (calendarEvent is not null && CalendarMeetingLinks.FindMeetingUrl(calendarEvent) is not null);
        var (kind, kindConfidence) = KindClassifier.Classify(subject, context, calendar?.Method, calendarEvent?.Sequence, calendarEvent is not null, hasTime, hasMeetingLink);

        var schedule = kind is EmailKind.Rejection or EmailKind.Offer or EmailKind.Other
            ? Schedule.None
            : ScheduleFinder.Find(calendarEvent, textDates, body, subject, sentAt, options.CandidateTimeZone, kind == EmailKind.Reschedule);

        var otherSenders = layers.Take(layers.Length - 1).Select(l => l.From).Where(f => f is not null && !candidates.Contains(f.Address)).Select(f => f!).Reverse().ToList();
        var people = PeopleFinder.Find(new PeopleFinder.Evidence(calendarEvent, original.From, original.ReplyTo, otherSenders, context, Head(original.Quoted), calendarOnly, candidates, candidateNames));
        var interviewers = kind is EmailKind.Rejection or EmailKind.Offer or EmailKind.Other ? [] : people.Interviewers;

        var companyText = string.Join("\n", new[] { calendarEvent?.Summary, context }.Where(t => !string.IsNullOrEmpty(t)));
        var senderAddresses = new[] { original.From, original.ReplyTo }.Concat(otherSenders).Where(a => a is not null && !candidates.Contains(a.Address)).Select(a => a!.Address)
            .Concat(calendarEvent?.Organizer?.Email is { } organizer && !candidates.Contains(organizer) ? [organizer] : [])
            .Concat(interviewers.Where(i => i.Email is not null).Select(i => i.Email!))
            .ToList();
        var senderNames = new[] { original.From, original.ReplyTo }.Concat(otherSenders).Where(a => a?.Name is not null).Select(a => a!.Name!).ToList();
        // Only people known by an address: a name found in running text may be a company's ("meet with Coho Winery").
        var personNames = interviewers.Where(i => i.Email is not null).Select(i => i.Name).Concat(candidateNames)
            .Concat(people.Recruiter is { Email: not null } r ? [r.Name] : []).ToList();
        var patternText = RelevantLines.Select(companyText, PatternKeywords);
        var (company, companyConfidence) = CompanyFinder.Find(new CompanyFinder.Evidence(subject, patternText, senderAddresses, senderNames, personNames));
        var (role, roleConfidence) = RoleFinder.Find(subject, patternText);

        // A company name in a list of people ("Interview with Coho Winery") is not a person.
        interviewers = [.. interviewers.Where(i => company is null || !(CompanyNames.Same(i.Name, company) || i.Name.Contains(company, StringComparison.OrdinalIgnoreCase)))];
        var (meetingUrl, urlConfidence, location, locationConfidence) = PlaceFinder.Find(calendarEvent, Head(body), Head(original.Quoted));

        AddGaps(problems, kind, company, schedule);
        var confidence = ImmutableDictionary.CreateBuilder<string, double>();
        confidence["kind"] = Round(kindConfidence);
        confidence["company"] = Round(companyConfidence);
        confidence["role"] = Round(roleConfidence);
        confidence["start"] = Round(schedule.StartConfidence);
        confidence["end"] = Round(schedule.EndConfidence);
        confidence["timeZone"] = Round(schedule.TimeZoneConfidence);
        confidence["interviewers"] = Round(people.InterviewersConfidence);
        confidence["recruiter"] = Round(people.RecruiterConfidence);
        confidence["meetingUrl"] = Round(urlConfidence);
        confidence["location"] = Round(locationConfidence);

        var references = new EmailReferences(
            message.MessageId,
            original.Style == ForwardStyle.Attached ? original.MessageId : null,
            [.. layers.SelectMany(l => l.ThreadIds).Distinct(StringComparer.Ordinal)],
            calendarEvent?.Uid,
            calendarEvent?.Sequence,
            calendar?.Method,
            original.From is { } from ? new Person(from.Name ?? PersonNames.FromAddress(from.Address), from.Address.Length > 0 ? from.Address : null) : null,
            original.Subject,
            original.Date);

        return new EmailUnderstanding(
            kind, company, role, schedule.Start, schedule.End, schedule.TimeZone, interviewers, people.Recruiter, meetingUrl, location,
            confidence.ToImmutable(), problems.ToImmutable(), references);
    }

    private static (CalendarDocument? Document, CalendarEvent? Event) ReadCalendar(MimeMessage message, ImmutableArray<string>.Builder problems)
    {
        foreach (var part in MessageText.GetCalendarParts(message))
        {
            var text = part.Text ?? System.Text.Encoding.UTF8.GetString(part.Content.Span);
            var document = ICalendarReader.Parse(text);
            problems.AddRange(document.Problems.Select(p => $"calendar: {p}"));
            var evt = document.Events.FirstOrDefault(e => e.Start is not null) ?? document.Events.FirstOrDefault();
            if (evt is not null)
            {
                return (document, evt);
            }
        }

        return (null, null);
    }

    private static void AddGaps(ImmutableArray<string>.Builder problems, EmailKind kind, string? company, Schedule schedule)
    {
        if (kind is EmailKind.Confirmation or EmailKind.Reschedule && schedule.Start is null)
        {
            problems.Add("start: no date and time of the interview found");
        }

        if (kind is EmailKind.Confirmation or EmailKind.Reschedule && schedule.Start is not null && schedule.End is null)
        {
            problems.Add("end: the email gives no end time or length");
        }

        if (kind != EmailKind.Other && company is null)
        {
            problems.Add("company: not named anywhere");
        }
    }

    private static double Round(double value) => Math.Round(value, 2);

    /// <summary>
    /// The part of a long text the pattern-based finders read: who, where and which role are said in the first pages
    /// (signature included); the rest would only cost time.
    /// </summary>
    private static string Head(string text) => text.Length > MaxPatternChars ? text[..MaxPatternChars] : text;

    private const int MaxPatternChars = 16 * 1024;

    // Words that mark a line where the company or the role is named (see CompanyFinder and RoleFinder); other lines
    // past the opening and before the signature are left out of their patterns.
    private static readonly PhraseSearch PatternKeywords = new(
    [
        "interview", "position", "role", "opening", "client", "kunde", "behalf", "auftrag", "compte", "chez ", "bei ", "sein de", "rejoindre",
        "recruit", "talent", "career", "poste", "stelle", "bewerbung", "candidature", "gespräch", "entretien", "company", "firma", "unternehmen",
        "entreprise", "société", "gmbh", " ag", "ltd", "inc.", "llc", "interest", "join", "welcome", "offer", "en tant que",
    ], StringComparison.OrdinalIgnoreCase);
}
