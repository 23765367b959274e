namespace FollowUpFlow.App.Dashboard;

/// <summary>303 See Other: after a form post the browser fetches the result with GET, so a reload never posts twice.</summary>
internal sealed class SeeOther(string location) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = location;
        return Task.CompletedTask;
    }
}
