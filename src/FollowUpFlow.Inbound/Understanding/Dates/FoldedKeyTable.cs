namespace FollowUpFlow.Inbound.Understanding.Dates;

/// <summary>Finds a word's id by its folded spelling; a word of ASCII letters is looked up as it stands, without folding a copy.</summary>
/// <remarks>Open addressing over a table at most a quarter full: the tokenizer asks once per word, so this is its hottest path.</remarks>
internal sealed class FoldedKeyTable
{
    private const int FoldBuffer = 32;

    private readonly string?[] keys;
    private readonly ushort[] ids;
    private readonly int mask;
    private readonly int longestKey;

    /// <summary>The key at index n gets id n + 1; id 0 stays the unknown word.</summary>
    public FoldedKeyTable(IReadOnlyList<string> keysInIdOrder)
    {
        int size = 16;
        while (size < keysInIdOrder.Count * 4)
        {
            size *= 2;
        }

        keys = new string?[size];
        ids = new ushort[size];
        mask = size - 1;
        for (int n = 0; n < keysInIdOrder.Count; n++)
        {
            var key = keysInIdOrder[n];
            int slot = Slot(key);
            while (keys[slot] is not null)
            {
                slot = (slot + 1) & mask;
            }

            keys[slot] = key;
            ids[slot] = (ushort)(n + 1);
            longestKey = Math.Max(longestKey, key.Length);
        }
    }

    /// <summary>The word's id, or 0 when its folded spelling is no key.</summary>
    public ushort Find(ReadOnlySpan<char> word)
    {
        if (word.Length > longestKey + 2 || word.IsEmpty)
        {
            return 0; // folding can only shorten a word by its combining accents
        }

        Span<char> folded = stackalloc char[FoldBuffer];
        int length = TextFolding.Fold(word, folded);
        return length > 0 && length <= longestKey ? FindFolded(folded[..length]) : (ushort)0;
    }

    /// <summary>Find for a word of ASCII letters only: folding is lower-casing, so the word is compared to the key as it stands.</summary>
    public ushort FindAscii(ReadOnlySpan<char> letters)
    {
        if (letters.Length > longestKey || letters.IsEmpty)
        {
            return 0;
        }

        int slot = Slot(letters[0] | 0x20, letters[Math.Min(1, letters.Length - 1)] | 0x20, letters[^1] | 0x20, letters.Length);
        for (; keys[slot] is string key; slot = (slot + 1) & mask)
        {
            if (EqualsLowered(key, letters))
            {
                return ids[slot];
            }
        }

        return 0;
    }

    private ushort FindFolded(ReadOnlySpan<char> folded)
    {
        for (int slot = Slot(folded); keys[slot] is string key; slot = (slot + 1) & mask)
        {
            if (folded.SequenceEqual(key))
            {
                return ids[slot];
            }
        }

        return 0;
    }

    private static bool EqualsLowered(string key, ReadOnlySpan<char> letters)
    {
        if (key.Length != letters.Length)
        {
            return false;
        }

        for (int k = 0; k < key.Length; k++)
        {
            if (key[k] != (letters[k] | 0x20))
            {
                return false;
            }
        }

        return true;
    }

    private int Slot(ReadOnlySpan<char> folded) => Slot(folded[0], folded[Math.Min(1, folded.Length - 1)], folded[^1], folded.Length);

    // Two first letters, the last and the length: enough to spread a few hundred keys, and no loop over the word.
    private int Slot(int first, int second, int last, int length)
    {
        uint mixed = (uint)((((((first * 31) + second) * 31) + last) * 31) + length);
        return (int)((mixed * 2654435769u) >> 16) & mask;
    }
}
