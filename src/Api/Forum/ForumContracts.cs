namespace MedPlatform.Api.Forum;

// The request bodies of the forum endpoints (see shared/API.md); answers are the grains' views.
// Fields are nullable so a missing field is reported as a per-field 400.

public sealed record AskRequest(string? Title, string? Body, string? Department, bool? Anonymous);

public sealed record PostRequest(string? Body);
