using FollowUpFlow.Inbound.Understanding.Dates;
namespace FollowUpFlow.Inbound.Understanding;

/// <summary>
/// Decides what a message means by weighing phrases (English, German, French) in its subject and body,
/// plus what its calendar part says. Sentences that only offer an option ("if you need to reschedule…")
/// do not count as the act itself.
/// </summary>
internal static class KindClassifier
{
    private static readonly (string Phrase, double Weight)[] Cancellation =
    [
        ("cancel", 2), ("have to cancel", 3), ("need to cancel", 3), ("cancel your interview", 3), ("cancel tomorrow", 3), ("cancel the interview", 3), ("cancel our", 3), ("called off", 2), ("no longer take place", 3), ("will not take place", 3),
        ("abgesagt", 3), ("absagen mussen", 3), ("entfallt", 2), ("storniert", 3), ("findet nicht statt", 3),
        ("annule", 3), ("annulation", 3), ("annuler", 2), ("n'aura pas lieu", 3),
    ];

    private static readonly (string Phrase, double Weight)[] Reschedule =
    [
        ("reschedul", 3), ("new time", 3), ("new date", 2), ("moved to", 2), ("move the interview", 3), ("move our", 2),
        ("moving our", 2), ("moving the interview", 3), ("updated invitation", 3), ("change of time", 3), ("time change", 3),
        ("push the interview", 3), ("we've moved", 3), ("move your", 3), ("we have moved", 3), ("moved your", 3), ("have to move", 3), ("need to move", 2), ("updated invite", 3), ("new invite", 2), ("pushed to", 2), ("instead of", 1), ("has changed", 2), ("new slot", 3), ("updated time", 3),
        ("verschoben", 3), ("verschieben", 3), ("neuer termin", 3), ("neue uhrzeit", 3), ("neuen termin", 3), ("geandert", 2), ("terminanderung", 3),
        ("reporte", 3), ("decale", 3), ("nouvel horaire", 3), ("nouvelle date", 3), ("nouvelle heure", 3), ("changement d'horaire", 3), ("modifie", 2), ("deplace", 3),
    ];

    private static readonly (string Phrase, double Weight)[] Rejection =
    [
        ("unfortunately", 1.5), ("regret to inform", 3), ("not to move forward", 3), ("not be moving forward", 3), ("won't be moving forward", 3),
        ("will not be moving forward", 3), ("move forward with other", 3), ("moving forward with other", 3), ("pursue other candidates", 3),
        ("other candidates", 2), ("not been selected", 3), ("not selected", 2), ("position has been filled", 3), ("decided not to proceed", 3),
        ("not to proceed", 3), ("not be progressing", 3), ("not progress your application", 3), ("closer match", 2), ("better match", 2),
        ("not be offering", 3), ("different direction", 3), ("won't be progressing", 3), ("will not be progressing", 3), ("filled the position", 3), ("every success in your", 1.5), ("not the right fit", 3), ("better fit", 1), ("other applicants", 2), ("keep your details on file", 2), ("keep your cv on file", 2), ("not successful", 3), ("unsuccessful", 3), ("decided to go with another", 3), ("gone with another", 3), ("with another candidate", 3),
        ("leider", 1.5), ("nicht weiter berucksichtigen", 3), ("nicht berucksichtigen", 3), ("anderen kandidaten", 3), ("anderen bewerber", 3),
        ("fur einen anderen", 3), ("absage", 2), ("keine positive", 2), ("nicht in die engere", 3), ("nicht weiterverfolgen", 3),
        ("malheureusement", 1.5), ("pas retenu", 3), ("ne pas donner suite", 3), ("pas donner suite", 3), ("suite favorable", 2),
        ("autre candidat", 3), ("pas suite", 3), ("regret de vous informer", 3), ("choisi une candidate", 3), ("choisi un candidat", 3), ("correspond davantage", 2), ("nicht fur sie entschieden", 3), ("anderweitig", 2), ("nicht berucksichtigt", 3), ("au regret", 3), ("pas ete retenu", 3), ("ne correspond pas", 2),
    ];

    private static readonly (string Phrase, double Weight)[] Offer =
    [
        ("pleased to offer", 4), ("happy to offer", 4), ("delighted to offer", 4), ("excited to offer", 4), ("offer letter", 3),
        ("extend an offer", 4), ("extend you an offer", 4), ("offer of employment", 4), ("job offer", 3), ("verbal offer", 3), ("formal offer", 3),
        ("welcome aboard", 2), ("welcome to the team", 2), ("compensation package", 2), ("start date", 1), ("your offer", 2), ("the offer", 1),
        ("vertragsangebot", 4), ("arbeitsvertrag", 2), ("angebot", 1.5), ("anbieten", 2), ("zusage", 2), ("anzubieten", 3), ("willkommen im team", 2),
        ("offre d'emploi", 3), ("proposition d'embauche", 4), ("promesse d'embauche", 4), ("vous proposer le poste", 4), ("offre", 1.5), ("proposer un poste", 3), ("bienvenue dans l'equipe", 2),
    ];

    private static readonly (string Phrase, double Weight)[] Confirmation =
    [
        ("interview", 1), ("confirm", 2), ("scheduled", 1.5), ("invitation", 1), ("invite", 1), ("looking forward to speaking", 1.5),
        ("looking forward to meeting", 1.5), ("all set", 2), ("phone screen", 1.5), ("screen", 0.5), ("on the call", 1), ("conversation", 0.5), ("will call you", 1.5),
        ("like to meet", 1.5), ("like to interview", 2), ("works for me", 1), ("see you", 1), ("onsite", 1), ("panel", 1), ("portfolio review", 1.5), ("call", 0.5), ("technical", 0.5), ("you will meet", 1.5), ("you'll meet", 1.5), ("join the meeting", 1), ("calendar", 0.5),
        ("vorstellungsgesprach", 2), ("einladung", 1.5), ("bestatig", 2), ("gesprach", 1), ("kennenlernen", 1),
        ("entretien", 2), ("convocation", 2), ("rendez-vous", 1), ("confirmons", 2), ("invitation", 1),
    ];

    private static readonly (string Phrase, double Weight)[] Other =
    [
        ("thank you for applying", 3), ("thanks for applying", 3), ("application received", 3), ("received your application", 3), ("job alert", 4),
        ("unsubscribe", 1.5), ("newsletter", 3), ("take-home", 2), ("take home", 2), ("coding challenge", 2), ("assessment", 1.5),
        ("pick a time", 3), ("select a time", 3), ("choose a time", 3), ("book a time", 3), ("your availability", 2), ("share your availability", 3),
        ("jobs you might like", 4), ("recommended jobs", 4), ("eingang ihrer bewerbung", 3), ("bewerbung erhalten", 3), ("candidature bien recue", 3),
        ("thank you for the interview", 1), ("thank you for your time", 1),
    ];

    private static readonly string[] OptionMarkers =
    [
        "if you need", "if you have to", "should you need", "if anything changes", "in case you", "if you can't", "if you cannot",
        "if you are unable", "need to reschedule or", "to reschedule or cancel", "cancel or reschedule", "reschedule or cancel", "link below to",
        "falls sie", "sollten sie", "si vous", "en cas d'", "en cas de", "please let us know if", "need to make changes",
    ];

    public static (EmailKind Kind, double Confidence) Classify(string subject, string body, string? calendarMethod, int? calendarSequence, bool hasCalendarEvent, bool hasDatedTime, bool hasMeetingLink)
    {
        var foldedSubject = TextFolding.Fold(subject);
        var foldedBody = TextFolding.Fold(body);
        var scored = Score(foldedSubject, foldedBody);
        var (cancel, reschedule, rejection, offer, confirmation, other) = (scored[0], scored[1], scored[2], scored[3], scored[4], scored[5]);

        if (string.Equals(calendarMethod, "CANCEL", StringComparison.OrdinalIgnoreCase))
        {
            return (EmailKind.Cancellation, 0.97);
        }

        if (hasCalendarEvent)
        {
            confirmation += 3;
            if (calendarSequence > 0)
            {
                reschedule += 1.5;
            }
        }

        if (hasDatedTime)
        {
            confirmation += hasMeetingLink ? 3 : 2;
            reschedule += 0.5;
        }
        else
        {
            // Without any time, a message cannot confirm or move an interview.
            confirmation = Math.Min(confirmation, 1.5);
            reschedule = Math.Min(reschedule, 2);
        }

        if (foldedSubject.StartsWith("canceled", StringComparison.Ordinal) || foldedSubject.StartsWith("cancelled", StringComparison.Ordinal)
            || foldedSubject.StartsWith("abgesagt", StringComparison.Ordinal) || foldedSubject.StartsWith("annule", StringComparison.Ordinal))
        {
            cancel += 4;
        }

        if (foldedSubject.StartsWith("updated invitation", StringComparison.Ordinal) || foldedSubject.StartsWith("aktualisierte einladung", StringComparison.Ordinal)
            || foldedSubject.StartsWith("invitation mise a jour", StringComparison.Ordinal))
        {
            reschedule += 3;
        }

        // A message that cancels, moves, rejects or offers still talks about an interview and its time, so a clear
        // act outranks the confirming words around it.
        const double ClearAct = 3;
        var act = Math.Max(Math.Max(cancel, reschedule), Math.Max(rejection, offer));
        if (act >= ClearAct)
        {
            confirmation = Math.Min(confirmation, act - 0.5);
        }

        (EmailKind Kind, double Score)[] scores =
        [
            (EmailKind.Cancellation, cancel * 1.1),
            (EmailKind.Reschedule, reschedule),
            (EmailKind.Rejection, rejection),
            (EmailKind.Offer, offer),
            (EmailKind.Confirmation, confirmation),
            (EmailKind.Other, other + 1),
        ];
        Array.Sort(scores, (a, b) => b.Score.CompareTo(a.Score));
        var best = scores[0];
        var margin = best.Score - scores[1].Score;
        if (best.Score < 2.5)
        {
            return (EmailKind.Other, 0.5);
        }

        var confidence = Math.Clamp(0.55 + (margin * 0.1) + (best.Score * 0.03), 0.5, 0.98);
        return (best.Kind, confidence);
    }

    // The phrase lists in the order Score returns their totals; cancelling and moving are the acts an option sentence can offer.
    private static readonly (string Phrase, double Weight)[][] Lists = [Cancellation, Reschedule, Rejection, Offer, Confirmation, Other];
    private static readonly bool[] SkipsOptions = [true, true, false, false, false, false];
    private static readonly (int List, int Phrase)[] Owners = [.. Lists.SelectMany((list, l) => list.Select((_, p) => (l, p)))];
    private static readonly PhraseSearch AllPhrases = new([.. Lists.SelectMany(list => list.Select(p => p.Phrase))]);

    /// <summary>
    /// Each list's total: every phrase counts once (its weight, half again when in the subject). The body is read in
    /// one pass for all the lists' phrases together.
    /// </summary>
    private static double[] Score(string subject, string body)
    {
        var totals = new double[Lists.Length];
        var counted = new bool[Owners.Length];
        for (var i = 0; i < Owners.Length; i++)
        {
            var (list, phrase) = Owners[i];
            if (subject.Contains(Lists[list][phrase].Phrase, StringComparison.Ordinal))
            {
                totals[list] += Lists[list][phrase].Weight * 1.5;
            }
        }

        foreach (var (at, i) in AllPhrases.Hits(body))
        {
            var (list, phrase) = Owners[i];
            var text = Lists[list][phrase].Phrase;
            if (!counted[i] && !IsInLink(body, at) && !(SkipsOptions[list] && IsOption(SentenceAround(body, at), text)))
            {
                counted[i] = true;
                totals[list] += Lists[list][phrase].Weight;
            }
        }

        return totals;
    }

    /// <summary>"…/reschedulings/…" in a scheduling tool's link says nothing about what the message does.</summary>
    private static bool IsInLink(string text, int index)
    {
        var start = index;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] is not ('(' or '<'))
        {
            start--;
        }

        return start < index && (text.AsSpan(start).StartsWith("http", StringComparison.Ordinal) || text.AsSpan(start).StartsWith("www.", StringComparison.Ordinal));
    }

    private static ReadOnlySpan<char> SentenceAround(string text, int index)
    {
        var start = index;
        while (start > 0 && !IsSentenceEnd(text, start - 1))
        {
            start--;
        }

        var end = index;
        while (end < text.Length && !IsSentenceEnd(text, end))
        {
            end++;
        }

        return text.AsSpan(start, end - start);
    }

    private static bool IsSentenceEnd(string text, int i) =>
        text[i] == '\n' || (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));

    /// <summary>
    /// A sentence that only offers the act: "If you need to reschedule, …", or a link labelled with it
    /// ("Reschedule: https://…", as scheduling tools write under every confirmation).
    /// </summary>
    private static bool IsOption(ReadOnlySpan<char> sentence, string phrase)
    {
        var trimmed = sentence.Trim();
        if (trimmed.StartsWith(phrase, StringComparison.Ordinal) && trimmed.Contains("http", StringComparison.Ordinal)
            && trimmed[phrase.Length..].TrimStart("abcdefghijklmnopqrstuvwxyz").StartsWith(":", StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var marker in OptionMarkers)
        {
            if (sentence.Contains(marker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
