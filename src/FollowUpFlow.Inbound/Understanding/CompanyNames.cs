using System.Globalization;
using System.Text;

namespace FollowUpFlow.Inbound.Understanding;

/// <summary>Company names compared as people mean them: "Contoso Ltd." and "contoso" are the same company.</summary>
public static class CompanyNames
{
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "plc", "corp", "corporation", "co", "company",
        "gmbh", "ag", "kg", "se", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "pty", "oy", "ab", "as", "aps", "kk", "pvt", "private",
    };

    /// <summary>Lower case, letters and digits only (accents removed), with a leading "the" and trailing legal forms dropped.</summary>
    public static string Normalise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0 && c != '.' && c != '\'')
            {
                // "Ltd." and "L.L.C." stay one word; spaces, commas and '&' separate words.
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        if (words.Count > 1 && words[0] == "the")
        {
            words.RemoveAt(0);
        }

        while (words.Count > 1 && LegalForms.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words);
    }

    public static bool Same(string? a, string? b)
    {
        var left = Normalise(a);
        return left.Length > 0 && left == Normalise(b);
    }

    /// <summary>The same employer written shorter or longer: "Woodgrove" and "Woodgrove Bank" (whole words from the start).</summary>
    public static bool Similar(string? a, string? b)
    {
        var left = Normalise(a).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var right = Normalise(b).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (left.Length == 0 || right.Length == 0)
        {
            return false;
        }

        var shorter = left.Length <= right.Length ? left : right;
        var longer = ReferenceEquals(shorter, left) ? right : left;
        return shorter.SequenceEqual(longer.Take(shorter.Length));
    }
}
