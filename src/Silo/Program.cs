using MedPlatform.Silo;

var builder = Host.CreateApplicationBuilder(args);
builder.AddMedPlatformClusterSilo();
builder.Build().Run();
