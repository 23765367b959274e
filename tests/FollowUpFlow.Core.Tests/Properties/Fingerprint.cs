using System.Text.Json;
using FollowUpFlow.Core.Workflow;

namespace FollowUpFlow.Core.Tests.Properties;

/// <summary>A decision as text, commands with their runtime types, so two decisions compare by value.</summary>
internal static class Fingerprint
{
    public static string Of(Decision decision) =>
        JsonSerializer.Serialize(new
        {
            decision.Kind,
            decision.Reason,
            decision.State,
            Commands = decision.Commands.Select(c => $"{c.GetType().Name}:{JsonSerializer.Serialize(c, c.GetType())}").ToList(),
        });
}
