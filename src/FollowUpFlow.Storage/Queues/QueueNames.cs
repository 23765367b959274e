namespace FollowUpFlow.Storage.Queues;

/// <summary>Queue naming rules: 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.</summary>
internal static class QueueNames
{
    public static void Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var valid = name.Length is >= 3 and <= 63
            && IsLowerAlnum(name[0])
            && IsLowerAlnum(name[^1])
            && name.All(c => IsLowerAlnum(c) || c == '-')
            && !name.Contains("--", StringComparison.Ordinal);
        if (!valid)
        {
            throw new ArgumentException($"'{name}' is not a valid queue name: 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.", nameof(name));
        }
    }

    private static bool IsLowerAlnum(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
}
