namespace FollowUpFlow.Inbound.Mime;

/// <summary>Hex digits of quoted-printable and percent-encoding, either case.</summary>
internal static class Hex
{
    public static bool TryByte(byte high, byte low, out byte value)
    {
        var h = Digit(high);
        var l = Digit(low);
        value = (byte)((h << 4) | l);
        return h >= 0 && l >= 0;
    }

    private static int Digit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        _ => -1,
    };
}
