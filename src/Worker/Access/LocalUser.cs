namespace ChurnWatch.Worker.Access;

/// <summary>A local user as it may be shown: never with its password hash.</summary>
internal sealed record LocalUser(string Email, string Role, string CreatedAt, string UpdatedAt);
