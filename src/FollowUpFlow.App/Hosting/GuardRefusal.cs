using FollowUpFlow.App.Dashboard;

namespace FollowUpFlow.App.Hosting;

/// <summary>Why the request guards turned a request away: as problem JSON for the API, as a page for the dashboard.</summary>
internal sealed record GuardRefusal(int StatusCode, string Title, string Detail)
{
    public IResult ToResult(bool forDashboard) => forDashboard
        ? Layout.Notice(StatusCode, Title, Detail, ("/interviews", "Go to the dashboard"))
        : TypedResults.Problem(detail: Detail, statusCode: StatusCode, title: Title);
}
