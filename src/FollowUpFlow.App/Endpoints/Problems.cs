using System.Text.RegularExpressions;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Workflow;

namespace FollowUpFlow.App.Endpoints;

/// <summary>RFC 9457 problem details with a detail that tells the caller what to do.</summary>
internal static partial class Problems
{
    public static IResult NotFound(string what, string id) =>
        TypedResults.Problem(detail: $"No {what} with id '{id}' exists.", statusCode: StatusCodes.Status404NotFound, title: $"{Capitalise(what)} not found");

    public static IResult Refused(string reason) =>
        TypedResults.Problem(detail: reason, statusCode: StatusCodes.Status409Conflict, title: "Not possible in the interview's current state");

    public static IResult BadId(string id) =>
        TypedResults.Problem(detail: $"'{(id.Length > 40 ? id[..40] + "…" : id)}' is not a valid id: ids hold letters, digits and '-' only.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid id");

    /// <summary>A refused event whose interview does not exist is a 404, any other refusal a 409.</summary>
    public static IResult? ForRefusal(WorkflowResult result, string interviewId) => result.Kind switch
    {
        DecisionKind.Refused when result.State is null => NotFound("interview", interviewId),
        DecisionKind.Refused => Refused(result.Reason ?? "The interview's state does not allow this."),
        _ => null,
    };

    /// <summary>
    /// Every "{id}" in the group's routes is checked before its handler runs: ids become table keys, so anything
    /// but letters, digits and '-' is a 400 rather than a lookup.
    /// </summary>
    public static RouteGroupBuilder RequireValidIds(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
            context.HttpContext.Request.RouteValues.TryGetValue("id", out var value) && value is string id && !IdPattern().IsMatch(id)
                ? BadId(id)
                : await next(context));
        return group;
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex IdPattern();
}
