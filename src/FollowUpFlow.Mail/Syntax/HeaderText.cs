namespace FollowUpFlow.Mail.Syntax;

/// <summary>Guards for text that ends up inside a header field.</summary>
internal static class HeaderText
{
    /// <summary>
    /// Refuses CR and LF (a line break would let the value start a header of its own), other
    /// control characters, and unpaired surrogates (they cannot be encoded as UTF-8 faithfully).
    /// </summary>
    public static string Validate(string? value, string paramName, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        RejectLineBreaks(value, paramName);
        if (value.Length > maxLength)
        {
            throw new ArgumentException($"The value is longer than {maxLength} characters.", paramName);
        }

        foreach (var c in value)
        {
            if ((char.IsControl(c) && c != '\t') || c == '\u2028' || c == '\u2029')
            {
                throw new ArgumentException(
                    $"The value contains the control character U+{(int)c:X4}.", paramName);
            }
        }

        RejectUnpairedSurrogates(value, paramName);
        return value;
    }

    public static void RejectLineBreaks(string value, string paramName)
    {
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException(
                "The value contains CR or LF; line breaks are not allowed in a header (header injection).",
                paramName);
        }
    }

    public static void RejectUnpairedSurrogates(string value, string paramName)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                throw new ArgumentException("The value contains an unpaired surrogate.", paramName);
            }
        }
    }
}
