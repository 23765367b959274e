using System.Globalization;
using FollowUpFlow.Storage;
using FollowUpFlow.Storage.Tables;

namespace FollowUpFlow.Workflow.Persistence;

/// <summary>
/// Long text on a table entity. A property holds at most 64 KiB (32 Ki UTF-16 characters), so longer text is split
/// across "Name", "Name_1", "Name_2"... and joined on read. Never truncated: text that would not fit in an entity is refused.
/// </summary>
public static class EntityText
{
    /// <summary>Characters per property: 30,000 UTF-16 code units is 60,000 bytes, under the 64 KiB property limit.</summary>
    public const int ChunkLength = 30_000;

    /// <summary>Room for text in one entity, leaving space for the other properties under the 1 MiB entity limit.</summary>
    public const int MaxLength = ChunkLength * 15;

    public static void Write(TableEntity entity, string name, string? text)
    {
        if (text is null)
        {
            return;
        }

        if (text.Length > MaxLength)
        {
            throw new PayloadTooLargeException($"Text for '{name}' is {text.Length} characters; at most {MaxLength} fit in one stored entity.", name, text.Length, MaxLength);
        }

        var offset = 0;
        var chunk = 0;
        do
        {
            var length = Math.Min(ChunkLength, text.Length - offset);
            // Never split a surrogate pair: each property must be valid UTF-16 on its own.
            if (offset + length < text.Length && char.IsHighSurrogate(text[offset + length - 1]))
            {
                length--;
            }

            entity[PropertyName(name, chunk++)] = text.Substring(offset, length);
            offset += length;
        }
        while (offset < text.Length);
    }

    public static string? Read(TableEntity entity, string name)
    {
        var first = entity.GetString(name);
        if (first is null)
        {
            return null;
        }

        var next = entity.GetString(PropertyName(name, 1));
        if (next is null)
        {
            return first;
        }

        var builder = new System.Text.StringBuilder(first);
        for (var chunk = 1; next is not null; next = entity.GetString(PropertyName(name, ++chunk)))
        {
            builder.Append(next);
        }

        return builder.ToString();
    }

    private static string PropertyName(string name, int chunk) =>
        chunk == 0 ? name : string.Create(CultureInfo.InvariantCulture, $"{name}_{chunk}");
}
