namespace FollowUpFlow.Mail.Writing;

internal static class Hex
{
    // RFC 2045 §6.7 (1) and RFC 2047 §4.2 both require upper-case hex digits.
    public const string Upper = "0123456789ABCDEF";
}
