using System.Text.Json.Serialization;
using FollowUpFlow.App.Contracts;
using FollowUpFlow.App.Dashboard;
using FollowUpFlow.App.Endpoints;
using FollowUpFlow.App.Functions;
using FollowUpFlow.App.Hosting;
using FollowUpFlow.Workflow.Configuration;
using FollowUpFlow.Workflow.Persistence;
using FollowUpFlow.Workflow.Scheduling;

var builder = WebApplication.CreateBuilder(args);
var mode = HostingMode.Detect(builder.Configuration);
builder.WebHost.UseUrls(mode.Url);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);

builder.Services.AddSingleton(mode);
builder.Services.AddFollowUpFlowWorkflow(builder.Configuration);
builder.Services.AddSingleton<UserContext>();
builder.Services.AddDashboard();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<KnownExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(o =>
{
    var shared = WorkflowJson.Options;
    o.SerializerOptions.PropertyNamingPolicy = shared.PropertyNamingPolicy;
    o.SerializerOptions.DefaultIgnoreCondition = shared.DefaultIgnoreCondition;
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
});
var schedulerEnabled = builder.Configuration.GetValue($"{WorkflowOptions.Section}:{nameof(WorkflowOptions.SchedulerEnabled)}", defaultValue: true);
if (mode.RunsOwnScheduler && schedulerEnabled)
{
    // Under the Functions host the timer trigger posts /Tick instead; see Functions/FunctionInvocationEndpoints.
    builder.Services.AddHostedService<SchedulerService>();
}

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestSizeLimit();
app.UseRequestGuards(mode);
app.MapHealthEndpoints();
app.MapInterviewEndpoints();
app.MapDraftEndpoints();
app.MapInboundEndpoints();
app.MapGraphNotificationEndpoints();
app.MapFunctionInvocationEndpoints();
app.MapDashboard();
if (!mode.IsFunctionsHost)
{
    app.Lifetime.ApplicationStarted.Register(() => LoopbackCheck.StopUnlessLoopback(app));
}

await app.RunAsync();

/// <summary>The entry point, visible to the in-process API tests.</summary>
public partial class Program;
