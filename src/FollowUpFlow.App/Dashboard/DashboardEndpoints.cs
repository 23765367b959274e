using System.Text.RegularExpressions;
using FollowUpFlow.App.Hosting;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Storage;
using FollowUpFlow.Workflow.Configuration;
using FollowUpFlow.Workflow.Inbound;
using FollowUpFlow.Workflow.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.App.Dashboard;

/// <summary>
/// The dashboard: server-rendered pages beside the JSON API, no script. Pages read the stores; forms go through the
/// same decisions as the API (see <see cref="DraftFormEndpoints"/>), and approval links through <see cref="ApprovalLinkEndpoints"/>.
/// </summary>
internal static partial class DashboardEndpoints
{
    /// <summary>How many review items the page lists; the API pages through more.</summary>
    private const int ReviewItemsShown = 200;

    /// <summary>Name of the table (after the prefix) that holds the Data Protection keys the forms' tokens are made with.</summary>
    public const string KeysTable = "Keys";

    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        // One key ring for every instance and restart, in the app's own storage: a form served by one instance is
        // accepted by another, and one served before a restart still after it.
        services.AddDataProtection().SetApplicationName("FollowUpFlow");
        services.AddOptions<KeyManagementOptions>().Configure<StorageClientFactory, IOptions<WorkflowOptions>>(
            (keys, storage, workflow) => keys.XmlRepository = new TableKeyRepository(storage.GetTableClient(workflow.Value.TablePrefix + KeysTable)));
        return services.AddAntiforgery(o => o.Cookie.Name = "FollowUpFlow.Antiforgery");
    }

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => TypedResults.Redirect("/interviews")).WithMetadata(DashboardEndpointMetadata.Page);
        app.MapGet(Layout.StyleSheetPath, StyleSheet.Serve).WithMetadata(DashboardEndpointMetadata.Page);

        var pages = app.MapGroup("").WithMetadata(DashboardEndpointMetadata.Page).RequireDashboardIds();
        pages.MapGet("/interviews", InterviewsAsync);
        pages.MapGet("/interviews/{id}", InterviewAsync);
        pages.MapGet("/drafts", DraftsAsync);
        pages.MapGet("/drafts/{id}", DraftAsync);
        pages.MapGet("/review", ReviewAsync);

        var forms = app.MapGroup("").WithMetadata(DashboardEndpointMetadata.Form).RequireDashboardIds();
        forms.MapDraftForms();
        ApprovalLinkEndpoints.Map(pages, forms);
        return app;
    }

    public static HtmlPage NotFound(string what) => Layout.Notice(
        StatusCodes.Status404NotFound,
        $"No such {what}",
        $"This {what} does not exist (any more). Check the address, or start from the lists.",
        ("/interviews", "All interviews"),
        ("/drafts", "All drafts"));

    private static async Task<IResult> InterviewsAsync(InterviewStore store, UserContext user, IOptions<CandidateOptions> candidate, CancellationToken cancellationToken)
    {
        var waiting = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var record in store.ListDraftsAsync(user.UserId, null, cancellationToken))
        {
            if (record.Draft.IsOpen())
            {
                waiting[record.InterviewId] = waiting.GetValueOrDefault(record.InterviewId) + 1;
            }
        }

        // One query for the list's plain columns: reading each interview whole took over a second with 1,000 of them.
        var rows = new List<InterviewRow>();
        await foreach (var summary in store.ListAsync(user.UserId, cancellationToken))
        {
            rows.Add(new InterviewRow(summary, waiting.GetValueOrDefault(summary.Id)));
        }

        return InterviewPages.List([.. rows.OrderByDescending(r => r.Summary.Start)], candidate.Value.TimeZone);
    }

    private static async Task<IResult> InterviewAsync(string id, InterviewStore store, UserContext user, IOptions<CandidateOptions> candidate, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(user.UserId, id, cancellationToken);
        if (record is null)
        {
            return NotFound("interview");
        }

        var replies = await store.GetRepliesAsync(user.UserId, id, cancellationToken);
        var history = await store.GetHistoryAsync(user.UserId, id, cancellationToken);
        return InterviewPages.Detail(record.State, replies, history, candidate.Value.TimeZone);
    }

    private static async Task<IResult> DraftsAsync(string? done, HttpContext context, InterviewStore store, UserContext user, IOptions<CandidateOptions> candidate, CancellationToken cancellationToken)
    {
        var drafts = new List<DraftRecord>();
        await foreach (var record in store.ListDraftsAsync(user.UserId, null, cancellationToken))
        {
            drafts.Add(record);
        }

        return DraftPages.List(context, drafts, candidate.Value.TimeZone, done);
    }

    private static async Task<IResult> DraftAsync(string id, string? done, HttpContext context, InterviewStore store, UserContext user, IOptions<CandidateOptions> candidate, CancellationToken cancellationToken)
    {
        var record = await store.GetDraftAsync(user.UserId, id, cancellationToken);
        return record is null ? NotFound("draft") : DraftPages.One(context, record, candidate.Value.TimeZone, done);
    }

    private static async Task<IResult> ReviewAsync(InboundStore inbound, UserContext user, IOptions<CandidateOptions> candidate, CancellationToken cancellationToken) =>
        ReviewPage.Render(await inbound.ListReviewAsync(user.UserId, ReviewItemsShown, cancellationToken), candidate.Value.TimeZone);

    /// <summary>Ids become table keys: anything but letters, digits and '-' is a "no such page", never a lookup.</summary>
    private static RouteGroupBuilder RequireDashboardIds(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
            context.HttpContext.Request.RouteValues.TryGetValue("id", out var value) && value is string id && !IdPattern().IsMatch(id)
                ? NotFound("page")
                : await next(context));
        return group;
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex IdPattern();
}
