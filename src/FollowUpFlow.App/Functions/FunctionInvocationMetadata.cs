namespace FollowUpFlow.App.Functions;

/// <summary>Marks a route the Functions host itself posts a trigger invocation to; the host sends no user principal.</summary>
internal sealed class FunctionInvocationMetadata
{
    public static FunctionInvocationMetadata Instance { get; } = new();
}
