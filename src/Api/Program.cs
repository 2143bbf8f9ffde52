using MedPlatform.Api.Audit;
using MedPlatform.Api.Forum;
using MedPlatform.Api.Hosting;
using MedPlatform.Api.Identity;
using MedPlatform.Api.Mall;
using MedPlatform.Api.Operations;
using MedPlatform.Api.Orders;

var builder = WebApplication.CreateBuilder(args);
builder.AddMedPlatformOrleans();
builder.AddMedPlatformApi();

var app = builder.Build();
app.UseMedPlatformPipeline();
app.MapHealthEndpoints();
app.MapMedPlatformOpenApi();
app.MapIdentityApi();
app.MapAuditApi();
app.MapForumApi();
app.MapCatalogApi();
app.MapPrescriptionsApi();
app.MapCartApi();
app.MapOrdersApi();
app.Run();

/// <summary>Visible to the Api tests' WebApplicationFactory.</summary>
public partial class Program;
