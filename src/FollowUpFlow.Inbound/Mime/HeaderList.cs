using System.Collections;
using System.Collections.Immutable;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>The header fields of a message or part, in order. Lookups are case-insensitive and return the first field.</summary>
public sealed class HeaderList(ImmutableArray<HeaderField> fields) : IReadOnlyList<HeaderField>
{
    public static readonly HeaderList Empty = new([]);

    public int Count => fields.Length;

    public HeaderField this[int index] => fields[index];

    /// <summary>The first field's unfolded raw value, or null.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var field in fields)
            {
                if (field.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return field.RawValue;
                }
            }

            return null;
        }
    }

    public IEnumerable<string> GetAll(string name) =>
        fields.Where(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(f => f.RawValue);

    public IEnumerator<HeaderField> GetEnumerator() => ((IEnumerable<HeaderField>)fields).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
