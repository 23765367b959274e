namespace FollowUpFlow.Inbound.Understanding.Dates;

/// <summary>The English, German and French words that matter around dates and times, keyed by folded spelling.</summary>
internal static class Lexicon
{
    /// <summary>Every known word; id 0 is the unknown word. Tokens keep the small id, not the whole entry.</summary>
    private static readonly Lexeme[] All;

    private static readonly FoldedKeyTable Ids;

    static Lexicon()
    {
        var words = Build();
        All = [default, .. words.Values];
        Ids = new FoldedKeyTable([.. words.Keys]);
    }

    public static ref readonly Lexeme Get(ushort id) => ref All[id];

    /// <summary>The word's id, or 0 when the word is unknown.</summary>
    public static ushort Lookup(ReadOnlySpan<char> word) => Ids.Find(word);

    /// <summary>Lookup for a word of ASCII letters only, which the tokenizer knows without looking again.</summary>
    public static ushort LookupAscii(ReadOnlySpan<char> letters) => Ids.FindAscii(letters);

    private static Dictionary<string, Lexeme> Build()
    {
        var words = new Dictionary<string, Lexeme>(StringComparer.Ordinal);

        void Add(string spellings, WordRole roles, Lang lang, int month = 0, int weekday = -1, int number = 0)
        {
            foreach (var spelling in spellings.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var key = TextFolding.Fold(spelling);
                var added = new Lexeme(key, roles, lang, (sbyte)month, (sbyte)weekday, (sbyte)number);
                words[key] = words.TryGetValue(key, out var known) ? Merge(known, added) : added;
            }
        }

        // Months: the first spelling is the full name, the rest are abbreviations.
        void Months(Lang lang, params string[] months)
        {
            for (int m = 0; m < months.Length; m++)
            {
                var spellings = months[m].Split(' ');
                Add(spellings[0], WordRole.Month, lang, month: m + 1);
                Add(string.Join(' ', spellings[1..]), WordRole.Month | WordRole.Short, lang, month: m + 1);
            }
        }

        // Weekdays from Sunday (DayOfWeek order); two-letter abbreviations are "tiny".
        void Weekdays(Lang lang, params string[] days)
        {
            for (int d = 0; d < days.Length; d++)
            {
                var spellings = days[d].Split(' ');
                Add(spellings[0], WordRole.Weekday, lang, weekday: d);
                foreach (var abbreviation in spellings[1..])
                {
                    var size = abbreviation.Length == 2 ? WordRole.Tiny : WordRole.Short;
                    Add(abbreviation, WordRole.Weekday | size, lang, weekday: d);
                }
            }
        }

        Months(Lang.En, "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
            "august aug", "september sep sept", "october oct", "november nov", "december dec");
        Months(Lang.De, "januar jan jänner jaenner", "februar feb", "märz maerz mär mrz", "april apr", "mai",
            "juni jun", "juli jul", "august aug", "september sep sept", "oktober okt", "november nov", "dezember dez");
        Months(Lang.Fr, "janvier janv", "février fevrier févr fév", "mars", "avril avr", "mai", "juin", "juillet juil",
            "août aout", "septembre sept", "octobre oct", "novembre nov", "décembre déc");

        Weekdays(Lang.En, "sunday sun", "monday mon", "tuesday tue tues", "wednesday wed", "thursday thu thur thurs",
            "friday fri", "saturday sat");
        Weekdays(Lang.De, "sonntag so", "montag mo", "dienstag di", "mittwoch mi", "donnerstag do", "freitag fr",
            "samstag sa");
        Add("sonnabend", WordRole.Weekday, Lang.De, weekday: 6);
        Weekdays(Lang.Fr, "dimanche dim", "lundi lun", "mardi mar", "mercredi mer", "jeudi jeu", "vendredi ven",
            "samedi sam");

        Add("today tonight", WordRole.RelativeDay, Lang.En, number: 0);
        Add("tomorrow tmrw", WordRole.RelativeDay, Lang.En, number: 1);
        Add("heute", WordRole.RelativeDay, Lang.De, number: 0);
        Add("morgen", WordRole.RelativeDay | WordRole.Morning, Lang.De, number: 1);
        Add("übermorgen uebermorgen", WordRole.RelativeDay, Lang.De, number: 2);
        Add("aujourd", WordRole.RelativeDay, Lang.Fr, number: 0); // aujourd'hui
        Add("demain", WordRole.RelativeDay, Lang.Fr, number: 1);

        Add("this coming", WordRole.ThisModifier, Lang.En);
        Add("diesen dieser diese kommenden kommender", WordRole.ThisModifier, Lang.De);
        Add("ce cette", WordRole.ThisModifier, Lang.Fr);
        Add("next", WordRole.NextModifier, Lang.En);
        Add("nächsten nächster nächste naechsten naechster", WordRole.NextModifier, Lang.De);
        Add("prochain prochaine", WordRole.NextSuffix, Lang.Fr);

        Add("am", WordRole.Meridiem, Lang.En, number: 0);
        Add("pm", WordRole.Meridiem, Lang.En, number: 12);
        Add("noon midday", WordRole.Noon, Lang.En);
        Add("mittag", WordRole.Noon, Lang.De);
        Add("midi", WordRole.Noon, Lang.Fr);
        Add("midnight", WordRole.Midnight, Lang.En);
        Add("mitternacht", WordRole.Midnight, Lang.De);
        Add("minuit", WordRole.Midnight, Lang.Fr);
        Add("uhr", WordRole.Uhr, Lang.De);
        Add("h", WordRole.HourMark | WordRole.HourUnit, Lang.Fr);

        Add("afternoon evening", WordRole.Afternoon, Lang.En);
        Add("nachmittags nachmittag abends abend mittags", WordRole.Afternoon, Lang.De);
        Add("soir", WordRole.Afternoon, Lang.Fr);
        Add("morning", WordRole.Morning, Lang.En);
        Add("morgens vormittags vormittag früh", WordRole.Morning, Lang.De);
        Add("matin", WordRole.Morning, Lang.Fr);

        Add("on", WordRole.DateLead, Lang.En);
        Add("am den vom", WordRole.DateLead, Lang.De);
        Add("le", WordRole.DateLead, Lang.Fr);
        Add("at", WordRole.TimeLead, Lang.En);
        Add("um gegen ab", WordRole.TimeLead, Lang.De);
        Add("à vers dès", WordRole.TimeLead, Lang.Fr);
        Add("from", WordRole.RangeFrom, Lang.En);
        Add("von", WordRole.RangeFrom, Lang.De);
        Add("de", WordRole.RangeFrom, Lang.Fr);
        Add("between", WordRole.Between, Lang.En);
        Add("zwischen", WordRole.Between, Lang.De);
        Add("entre", WordRole.Between, Lang.Fr);
        Add("to till til until through", WordRole.RangeTo, Lang.En);
        Add("bis", WordRole.RangeTo, Lang.De);
        Add("à jusqu", WordRole.RangeTo, Lang.Fr); // jusqu'à
        Add("and", WordRole.And, Lang.En);
        Add("und", WordRole.And, Lang.De);
        Add("et", WordRole.And, Lang.Fr);

        Add("st nd rd th", WordRole.Ordinal, Lang.En);
        Add("er ère", WordRole.Ordinal, Lang.Fr);
        Add("of", WordRole.Of, Lang.En);
        Add("the", WordRole.The, Lang.En);
        Add("den", WordRole.The, Lang.De);

        Add("minute minutes min mins", WordRole.MinuteUnit, Lang.En);
        Add("minuten", WordRole.MinuteUnit, Lang.De);
        Add("mn", WordRole.MinuteUnit, Lang.Fr);
        Add("hour hours hr hrs", WordRole.HourUnit, Lang.En);
        Add("stunde stunden std", WordRole.HourUnit, Lang.De);
        Add("heure heures", WordRole.HourUnit, Lang.Fr);
        Add("a an one", WordRole.CountWord, Lang.En, number: 1);
        Add("ein eine einer", WordRole.CountWord, Lang.De, number: 1);
        Add("un une", WordRole.CountWord, Lang.Fr, number: 1);
        Add("two", WordRole.CountWord, Lang.En, number: 2);
        Add("zwei", WordRole.CountWord, Lang.De, number: 2);
        Add("deux", WordRole.CountWord, Lang.Fr, number: 2);
        Add("half", WordRole.Half, Lang.En);
        Add("halbe", WordRole.Half, Lang.De);
        Add("demi demie", WordRole.Half, Lang.Fr);

        Add("early earlier before beforehand prior ago late later after advance", WordRole.StopAfter, Lang.En);
        Add("vorher früher vor nach vorab", WordRole.StopAfter, Lang.De);
        Add("avant après tôt plus", WordRole.StopAfter, Lang.Fr);
        Add("in within every", WordRole.StopBefore, Lang.En);
        Add("innerhalb binnen alle", WordRole.StopBefore, Lang.De);
        Add("dans toutes", WordRole.StopBefore, Lang.Fr);

        Add("the and you your with for we is are please our will", WordRole.LangHint, Lang.En);
        Add("der die das und sie ihr ihre mit für wir ist bitte ich uns zu", WordRole.LangHint, Lang.De);
        Add("le la les et vous votre avec pour nous est merci je des du", WordRole.LangHint, Lang.Fr);

        // Glue words that readers compare by key: a.m., o'clock, aujourd'hui, ISO "T", "in the afternoon", "GMT+1", "(US & Canada)".
        Add("p m o clock oclock hui t in l apres gmt utc us canada", WordRole.None, Lang.None);
        // Words before "Morgen" that make it the morning, not tomorrow ("Guten Morgen", "jeden Morgen").
        Add("guten jeden gestern schönen einen", WordRole.None, Lang.De);

        return words;
    }

    private static Lexeme Merge(Lexeme a, Lexeme b) => new(
        a.Key,
        a.Roles | b.Roles,
        a.Lang | b.Lang,
        a.Month != 0 ? a.Month : b.Month,
        a.Weekday >= 0 ? a.Weekday : b.Weekday,
        a.Number != 0 ? a.Number : b.Number);
}
