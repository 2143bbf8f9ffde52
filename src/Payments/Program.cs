using MedPlatform.Payments;
using MedPlatform.ServiceDefaults;

if (HealthProbe.Requested(args))
    return HealthProbe.Run(args, "http://localhost:8080");

var builder = WebApplication.CreateBuilder(args);
builder.AddPaymentService();

var app = builder.Build();
app.UsePaymentService();
app.MapMedPlatformHealth();
app.UseMedPlatformMetrics();
app.MapPaymentEndpoints();
app.Run();
return 0;
