using System.Collections.Immutable;

namespace FollowUpFlow.Inbound.Calendar;

/// <summary>One unfolded content line: upper-case name, parameters (quotes removed, lists joined by commas), raw value.</summary>
internal sealed record ContentLine(string Name, ImmutableDictionary<string, string> Parameters, string Value)
{
    /// <summary>The parameter's value, trimmed; null when absent or empty.</summary>
    public string? Parameter(string name) =>
        Parameters.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
