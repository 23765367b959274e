using System.Security.Cryptography;

namespace FollowUpFlow.App.Hosting;

/// <summary>Short random ids for interviews and replies: lowercase letters and digits, easy to read and type.</summary>
public static class Ids
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public static string New(int length = 12) => RandomNumberGenerator.GetString(Alphabet, length);
}
