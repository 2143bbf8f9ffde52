using MedPlatform.Api.Audit;
using MedPlatform.Api.Forum;
using MedPlatform.Api.Hosting;
using MedPlatform.Api.Identity;
using MedPlatform.Api.Mail;
using MedPlatform.Api.Mall;
using MedPlatform.Api.Notifications;
using MedPlatform.Api.Operations;
using MedPlatform.Api.Orders;
using MedPlatform.Api.Privacy;
using MedPlatform.ServiceDefaults;

if (HealthProbe.Requested(args))
    return HealthProbe.Run(args, "http://localhost:8080");

var builder = WebApplication.CreateBuilder(args);
builder.AddMedPlatformOrleans();
builder.AddMedPlatformApi();

var app = builder.Build();
app.UseMedPlatformPipeline();
app.MapMedPlatformHealth();
app.UseMedPlatformMetrics();
app.MapMedPlatformOpenApi();
var api = app.MapGroup("").WithContractResponses();
api.MapIdentityApi();
api.MapTwoFactorApi();
api.MapPatientsApi();
api.MapAuditApi();
api.MapPrivacyApi();
api.MapForumApi();
api.MapCatalogApi();
api.MapPrescriptionsApi();
api.MapCartApi();
api.MapOrdersApi();
api.MapAddressesApi();
api.MapNotificationsApi();
api.MapMailboxApi();
api.MapDashboardSessionApi();
app.MapMedPlatformDashboard();
app.Run();
return 0;

/// <summary>Visible to the Api tests' WebApplicationFactory.</summary>
public partial class Program;
