using System.Globalization;

namespace FollowUpFlow.Mail.Writing;

/// <summary>RFC 5322 §3.3 date-time, e.g. <c>Fri, 07 Mar 2025 09:05:03 -0500</c>.</summary>
internal static class RfcDate
{
    public static string Format(DateTimeOffset value)
    {
        // The zone is +hhmm / -hhmm; .NET's "zzz" would write a colon, so it is built by hand.
        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{value:ddd, dd MMM yyyy HH:mm:ss} {sign}{abs.Hours:00}{abs.Minutes:00}");
    }
}
