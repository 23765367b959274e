namespace FollowUpFlow.App.Dashboard;

/// <summary>
/// Marks a dashboard route for the request guards: its refusals are pages, not problem JSON, and a form route
/// (<see cref="ChangesState"/>) takes a browser form post with a valid antiforgery token instead of JSON.
/// </summary>
internal sealed record DashboardEndpointMetadata(bool ChangesState)
{
    public static DashboardEndpointMetadata Page { get; } = new(ChangesState: false);

    public static DashboardEndpointMetadata Form { get; } = new(ChangesState: true);
}
