namespace ChurnWatch.Worker.Access;

/// <summary>What an audit event records, in the words stored in <c>audit_events.action</c>.</summary>
internal static class AuditActions
{
    public const string SignInSucceeded = "sign_in_succeeded";
    public const string SignInFailed = "sign_in_failed";
    public const string SignedOut = "signed_out";
    public const string SignalAcknowledged = "signal_acknowledged";
    public const string SignalSnoozed = "signal_snoozed";
    public const string SignalReopened = "signal_reopened";
    public const string JobTriggered = "job_triggered";
    public const string JobPaused = "job_paused";
    public const string JobResumed = "job_resumed";

    /// <summary>Any other command given on Hangfire's dashboard (delete, requeue, ...): its path says which.</summary>
    public const string HangfireCommand = "hangfire_command";

    public const string UserAdded = "user_added";
    public const string UserRemoved = "user_removed";
    public const string UserPasswordReset = "user_password_reset";
    public const string UserRoleChanged = "user_role_changed";
}
