using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Worker.Access;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Hosting;
using ChurnWatch.Worker.Pages;
using ChurnWatch.Worker.Pages.Dashboard;
using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Store;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>
/// The dashboard, with Hangfire's own dashboard at /hangfire, as a part of the process's one web host (beside
/// /healthz) on a listener of its own: loopback unless configured otherwise, and then behind HTTP Basic credentials.
/// Once the store holds a local user, everyone signs in as one through /signin instead (a session cookie), and the
/// Basic credentials no longer open the pages.
/// Pages are rendered on the server; every form that changes something is a POST carrying an ASP.NET Core
/// anti-forgery token, and one without it changes nothing.
/// </summary>
internal sealed partial class DashboardEndpoint(
    IServiceProvider services,
    DashboardReads queries,
    DashboardJobs jobs,
    SignalStore signals,
    HistoryStore history,
    ReportFiles files,
    AuditStore audit,
    UserStore users,
    DashboardSignIns signIns,
    DashboardSignOuts signOuts,
    DashboardMode mode,
    IOptions<DashboardOptions> options,
    IOptions<OutputOptions> output,
    IOptions<NextStepOptions> nextSteps,
    TimeProvider timeProvider,
    ILogger<DashboardEndpoint> logger) : IWebHostPart
{
    private const string Html = "text/html; charset=utf-8";

    /// <summary>How many events the audit page shows.</summary>
    private const int AuditPageSize = 200;

    // No script, no external anything: the pages need only inline styles and inline SVG.
    private const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>The address it listens on, once started (with the real port when Port is 0).</summary>
    public string? ListeningOn { get; set; }

    public string Name => "dashboard";

    public string Section => DashboardOptions.Section;

    public bool Serves => options.Value.Enabled || mode.Standalone;

    /// <summary>Inside <c>churnwatch run</c> the dashboard is a convenience: a taken port must not stop the scheduled jobs.</summary>
    public bool Optional => !mode.Standalone;

    public ListenerOptions Listener => options.Value;

    public int Port => options.Value.Port;

    public void AddServices(IServiceCollection webServices)
    {
        if (services.GetService<Hangfire.JobStorage>() is not null)
        {
            HangfireDashboard.AddTo(webServices, services);
        }

        webServices.AddDataProtection();
        // The keys behind the session cookie and the anti-forgery tokens live in the store: sessions survive a restart
        // and every dashboard on a shared store reads the others' cookies.
        webServices.Configure<KeyManagementOptions>(o => o.XmlRepository = services.GetRequiredService<DashboardKeyStore>());
        // The system clock, not the host's: ASP.NET Core dates and picks its keys by it.
        webServices.AddSingleton<IHostedService>(sp => new DashboardKeyRing(
            sp.GetRequiredService<IKeyManager>(), services.GetRequiredService<JobLocks>(), sp.GetRequiredService<IOptions<KeyManagementOptions>>(), TimeProvider.System));
        DashboardSessions.AddTo(webServices, options.Value, timeProvider);
        if (options.Value.OpenIdConnect.Enabled)
        {
            DashboardIdentityProvider.AddTo(webServices, options.Value.OpenIdConnect, timeProvider, ProviderEvents());
        }

        webServices.AddAntiforgery(o =>
        {
            o.FormFieldName = "__cw_token";
            o.Cookie.Name = "churnwatch-antiforgery";
        });
    }

    public Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        // Behind a trusted proxy, ASP.NET Core's own middleware takes the scheme and client address from its headers first.
        return forwarded.Value is { } proxies ? proxies.Invoke(context, c => ServeAsync(c, next)) : ServeAsync(context, next);
    }

    private async Task ServeAsync(HttpContext context, RequestDelegate next)
    {
        if (Health.HealthEndpoint.IsHealthPath(context.Request))
        {
            // /healthz has a listener of its own.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.Headers.ContentSecurityPolicy = HangfireDashboard.Serves(context.Request) ? HangfireDashboard.ContentSecurityPolicy : ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        var visitor = await VisitorAsync(context).ConfigureAwait(false);
        context.Features.Set(visitor);
        if (!visitor.MayUse && !(visitor.LocalUsers && IsSignInPath(context.Request)))
        {
            await RefuseAsync(context, visitor).ConfigureAwait(false);
            return;
        }

        if (HangfireDashboard.Serves(context.Request) && !visitor.RunsJobs)
        {
            // Hangfire's pages are the admin's: for anyone else they are not there at all.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = Html;
            await context.Response.WriteAsync(await NoSuchPageTextAsync(context).ConfigureAwait(false), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (HttpMethods.IsPost(context.Request.Method))
        {
            try
            {
                await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context).ConfigureAwait(false);
            }
            catch (AntiforgeryValidationException)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = Html;
                await context.Response.WriteAsync(await Message(context, "Form refused", "", "The form carried no valid anti-forgery token (it was stale, or sent from another site); nothing changed. Reload the page and try again.", "/", "Back to the overview").ConfigureAwait(false), context.RequestAborted).ConfigureAwait(false);
                return;
            }
        }

        try
        {
            await next(context).ConfigureAwait(false);
            if (HangfireDashboard.Serves(context.Request) && HttpMethods.IsPost(context.Request.Method) && context.Response.StatusCode < StatusCodes.Status400BadRequest)
            {
                await AuditHangfireAsync(context).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException && !context.Response.HasStarted)
        {
            // The details go to the log only: an exception message may name a server or a file path.
            LogPageFailed(logger, context.Request.Path, e);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.ContentType = Html;
            await context.Response.WriteAsync(await Message(context, "Page failed", "", "This page could not be built; the worker's log says why.", "/", "Back to the overview").ConfigureAwait(false), context.RequestAborted).ConfigureAwait(false);
        }
    }

    public void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var antiforgery = app.Services.GetRequiredService<IAntiforgery>();
        var hangfire = services.GetService<Hangfire.JobStorage>();
        app.UseRateLimiter();
        // After the access rule (HandleAsync), not before it as the web host would place it on its own: the identity
        // provider's answer (/signin-oidc) is handled here, so it gets the dashboard's headers and Host check first.
        app.UseAuthentication();
        app.MapGet("/signin", (HttpContext c, CancellationToken ct) => SignInPageAsync(c, antiforgery, ct));
        app.MapGet(DashboardIdentityProvider.ChallengePath, (HttpContext c, CancellationToken _) => ProviderChallengeAsync(c));
        app.MapPost("/signin", (HttpContext c, CancellationToken ct) => SignInAsync(c, antiforgery, ct)).RequireRateLimiting(DashboardSessions.SignInPolicy);
        app.MapPost("/signout", SignOutAsync);
        app.MapGet("/audit", AuditPageAsync);
        app.MapGet("/", OverviewAsync);
        app.MapGet("/accounts", AccountsAsync);
        app.MapGet("/accounts/{id}", AccountAsync);
        app.MapGet("/signals", (HttpContext c, CancellationToken ct) => SignalsAsync(c, antiforgery, null, ct));
        app.MapPost("/signals/{id:long}/ack", (HttpContext c, long id, CancellationToken ct) => SetSignalStateAsync(c, antiforgery, id, snooze: false, ct));
        app.MapPost("/signals/{id:long}/snooze", (HttpContext c, long id, CancellationToken ct) => SetSignalStateAsync(c, antiforgery, id, snooze: true, ct));
        app.MapPost("/signals/{id:long}/reopen", (HttpContext c, long id, CancellationToken ct) => ReopenSignalAsync(c, antiforgery, id, ct));
        app.MapGet("/jobs", (HttpContext c, CancellationToken ct) => JobsAsync(c, antiforgery, null, StatusCodes.Status200OK, ct));
        // Literal routes, not a regex constraint: the slim builder leaves the regex engine out.
        foreach (var action in new[] { "trigger", "pause", "resume" })
        {
            app.MapPost("/jobs/{job}/" + action, (HttpContext c, string job, CancellationToken ct) => JobActionAsync(c, antiforgery, job, action, ct));
        }
        if (hangfire is not null)
        {
            HangfireDashboard.Map(app, hangfire);
        }

        app.MapGet("/reports", (HttpContext c, CancellationToken _) => ReportsAsync(c, null, null, StatusCodes.Status200OK));
        app.MapGet(ReportsPage.FeatureUsagePath, FeatureUsageAsync);
        app.MapGet("/files/{**path}", ServeFile);
    }

    private DateTime Now => timeProvider.GetUtcNow().UtcDateTime;

    private readonly Lazy<ProxyHeaders?> forwarded = new(() => ProxyHeaders.For(options.Value.TrustedProxies));

    private async Task<IResult> OverviewAsync(HttpContext context, CancellationToken ct)
    {
        var visitor = Visitor(context);
        var freshness = await history.FreshnessAsync(ct).ConfigureAwait(false);
        // What the visitor may not see is not read at all, so no count or figure of it can reach the page.
        IReadOnlyList<JobStatus> status = visitor.RunsJobs ? await jobs.StatusAsync(ct).ConfigureAwait(false) : [];
        var model = visitor.SeesCompany ? await queries.ChurnModelAsync(ct).ConfigureAwait(false) : null;
        var live = (await signals.LiveAsync(ct).ConfigureAwait(false)).Where(s => visitor.Sees(s.OwnerEmail)).ToList();
        return await Page<OverviewPage>(context, new()
        {
            [nameof(OverviewPage.Freshness)] = freshness,
            [nameof(OverviewPage.StaleAfter)] = output.Value.StaleAfter,
            [nameof(OverviewPage.Now)] = Now,
            [nameof(OverviewPage.Jobs)] = status,
            [nameof(OverviewPage.Model)] = model,
            [nameof(OverviewPage.Live)] = live,
        }).ConfigureAwait(false);
    }

    private async Task<IResult> AccountsAsync(HttpContext context, CancellationToken ct)
    {
        var visitor = Visitor(context);
        var accounts = (await queries.AccountsAsync(Now, ct).ConfigureAwait(false)).Where(a => visitor.Sees(a.Owner)).ToList();
        var filter = AccountFilter.Parse(key => context.Request.Query[key].FirstOrDefault());
        // Someone who sees more owners' accounts than their own starts on their own (?owner= shows all they see).
        var mine = !context.Request.Query.ContainsKey("owner") && visitor.Owners is not { Count: 1 } && SignedInOwner(context) is { } user
            && accounts.Any(a => string.Equals(a.Owner, user, StringComparison.OrdinalIgnoreCase)) ? user : null;
        return await Page<AccountsPage>(context, new()
        {
            [nameof(AccountsPage.All)] = accounts,
            [nameof(AccountsPage.Filter)] = mine is null ? filter : filter with { Owner = mine },
            [nameof(AccountsPage.Today)] = DateOnly.FromDateTime(Now),
            [nameof(AccountsPage.OwnerBySignIn)] = mine is not null,
        }).ConfigureAwait(false);
    }

    private async Task<IResult> AccountAsync(HttpContext context, string id, CancellationToken ct)
    {
        var account = (await queries.AccountsAsync(Now, ct).ConfigureAwait(false)).FirstOrDefault(a => a.AccountId == id);
        // Another owner's account is answered as one that does not exist: the page must not even confirm the ID.
        if (account is null || !Visitor(context).Sees(account.Owner))
        {
            return Results.Content(await Message(context, "No such account", "/accounts", $"No account has ID {id}.", "/accounts", "All accounts").ConfigureAwait(false), Html, statusCode: StatusCodes.Status404NotFound);
        }

        var words = await queries.WordsAsync(id, ct).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(Now);
        var nextStep = NextSteps.For(words.Reasons, account.Renewal is { } renewal ? renewal.DayNumber - today.DayNumber : null, nextSteps.Value.ToTexts(output.Value.RenewalWindowDays));
        return await Page<AccountPage>(context, new()
        {
            [nameof(AccountPage.Account)] = account,
            [nameof(AccountPage.NextStep)] = nextStep,
            [nameof(AccountPage.Risk)] = await queries.RiskHistoryAsync(id, ct).ConfigureAwait(false),
            [nameof(AccountPage.Usage)] = await queries.WeeklyUsersAsync(id, ct).ConfigureAwait(false),
            [nameof(AccountPage.Words)] = words,
            [nameof(AccountPage.Signals)] = await queries.SignalsOfAsync(id, ct).ConfigureAwait(false),
            [nameof(AccountPage.Tickets)] = await queries.TicketsAsync(id, ct).ConfigureAwait(false),
            [nameof(AccountPage.Invoices)] = await queries.InvoicesAsync(id, ct).ConfigureAwait(false),
        }).ConfigureAwait(false);
    }

    private async Task<IResult> SignalsAsync(HttpContext context, IAntiforgery antiforgery, string? error, CancellationToken ct, string? ownerOverride = null, int errorStatus = StatusCodes.Status400BadRequest)
    {
        var visitor = Visitor(context);
        var query = context.Request.Query;
        // Filtered to the signed-in owner by default (when the user name is an owner's email); ?owner= shows everyone's.
        var owner = ownerOverride ?? (query.ContainsKey("owner") ? Blank(query["owner"].FirstOrDefault())
            : SignedInOwner(context));
        var live = (await signals.LiveAsync(ct).ConfigureAwait(false)).Where(s => visitor.Sees(s.OwnerEmail)).ToList();
        string? notice = null;
        if (error is null && long.TryParse(query["done"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var doneId)
            && await signals.GetAsync(doneId, ct).ConfigureAwait(false) is { } done && visitor.Sees(done.OwnerEmail))
        {
            notice = $"Signal {doneId} ({DashboardText.KindLabel(done.Kind)} on {done.AccountId}) is {DashboardText.DescribeState(done)}; it left the open list.";
        }

        var names = (await queries.AccountsAsync(Now, ct).ConfigureAwait(false)).Where(a => visitor.Sees(a.Owner)).ToDictionary(a => a.AccountId, a => a.Name, StringComparer.Ordinal);
        return await Page<SignalsPage>(
            context,
            new()
            {
                [nameof(SignalsPage.Live)] = live,
                [nameof(SignalsPage.Names)] = names,
                [nameof(SignalsPage.Owner)] = owner,
                [nameof(SignalsPage.Kind)] = Blank(query["kind"].FirstOrDefault()),
                [nameof(SignalsPage.Today)] = DateOnly.FromDateTime(Now),
                [nameof(SignalsPage.Token)] = Token(context, antiforgery),
                [nameof(SignalsPage.Notice)] = notice,
                [nameof(SignalsPage.Error)] = error,
            },
            error is null ? StatusCodes.Status200OK : errorStatus).ConfigureAwait(false);
    }

    private async Task<IResult> SetSignalStateAsync(HttpContext context, IAntiforgery antiforgery, long id, bool snooze, CancellationToken ct)
    {
        var form = await context.Request.ReadFormAsync(ct).ConfigureAwait(false);
        var owner = Blank(form["owner"].FirstOrDefault());
        var (signal, refused) = await SignalToChangeAsync(context, antiforgery, id, owner, ct).ConfigureAwait(false);
        if (signal is null)
        {
            return refused!;
        }

        var now = Now;
        var (reason, until, error) = SignalDecision.Check(form["reason"].FirstOrDefault(), snooze, form["until"].FirstOrDefault(), DateOnly.FromDateTime(now));
        if (error is null)
        {
            var what = $"Signal {id} ({DashboardText.KindLabel(signal.Kind)} on {signal.AccountId})";
            var detail = until is { } date ? string.Create(CultureInfo.InvariantCulture, $"until {date:yyyy-MM-dd}: {reason}") : reason;
            var recorded = AuditAlongside(context, snooze ? AuditActions.SignalSnoozed : AuditActions.SignalAcknowledged, $"signal {id.ToString(CultureInfo.InvariantCulture)}", detail);
            error = signal.State == SignalStates.Resolved ? $"{what} was resolved on {signal.ResolvedAt}: its condition no longer holds, so there is nothing to {(snooze ? "snooze" : "acknowledge")}."
                : !await signals.SetStateAsync(id, until, reason, Who(context) ?? "dashboard", now, recorded, ct).ConfigureAwait(false) ? $"{what} was resolved meanwhile; nothing changed."
                : null;
        }

        if (error is not null)
        {
            return await SignalsAsync(context, antiforgery, error, ct, owner).ConfigureAwait(false);
        }

        return Results.Redirect($"/signals?owner={Uri.EscapeDataString(owner ?? "")}&done={id.ToString(CultureInfo.InvariantCulture)}", permanent: false, preserveMethod: false);
    }

    private async Task<IResult> ReopenSignalAsync(HttpContext context, IAntiforgery antiforgery, long id, CancellationToken ct)
    {
        var form = await context.Request.ReadFormAsync(ct).ConfigureAwait(false);
        var owner = Blank(form["owner"].FirstOrDefault());
        var (signal, refused) = await SignalToChangeAsync(context, antiforgery, id, owner, ct).ConfigureAwait(false);
        if (signal is null)
        {
            return refused!;
        }

        var reason = form["reason"].FirstOrDefault()?.Trim();
        var what = $"Signal {id} ({DashboardText.KindLabel(signal.Kind)} on {signal.AccountId})";
        var error = string.IsNullOrEmpty(reason) ? "Say in a few words why the signal is reopened; nothing changed."
            : !await signals.ReopenAsync(id, reason, Who(context) ?? "dashboard", Now, AuditAlongside(context, AuditActions.SignalReopened, $"signal {id.ToString(CultureInfo.InvariantCulture)}", reason), ct).ConfigureAwait(false)
                ? $"{what} is {signal.State}: only an acknowledged or snoozed signal can be reopened; nothing changed."
            : null;
        if (error is not null)
        {
            return await SignalsAsync(context, antiforgery, error, ct, owner).ConfigureAwait(false);
        }

        return Results.Redirect($"/signals?owner={Uri.EscapeDataString(owner ?? "")}", permanent: false, preserveMethod: false);
    }

    /// <summary>
    /// The signal a form wants to change, or the answer refusing it: 403 for a role that does not change signals, 404
    /// (as for one that does not exist) for another owner's signal.
    /// </summary>
    private async Task<(StoredSignal? Signal, IResult? Refused)> SignalToChangeAsync(HttpContext context, IAntiforgery antiforgery, long id, string? owner, CancellationToken ct)
    {
        var visitor = Visitor(context);
        if (!visitor.ChangesSignals)
        {
            return (null, await SignalsAsync(context, antiforgery, $"Your role ({visitor.Role}) sees signals but does not acknowledge, snooze or reopen them; that is the account manager's or their team lead's call. Nothing changed.", ct, owner, StatusCodes.Status403Forbidden).ConfigureAwait(false));
        }

        if (await signals.GetAsync(id, ct).ConfigureAwait(false) is { } found && visitor.Sees(found.OwnerEmail))
        {
            return (found, null);
        }

        return (null, await SignalsAsync(context, antiforgery, $"No signal has ID {id}.", ct, owner, StatusCodes.Status404NotFound).ConfigureAwait(false));
    }

    private async Task<IResult> JobsAsync(HttpContext context, IAntiforgery antiforgery, string? error, int statusCode, CancellationToken ct)
    {
        if (!Visitor(context).RunsJobs)
        {
            return await NoSuchPageAsync(context).ConfigureAwait(false);
        }

        var query = context.Request.Query;
        var job = query["job"].FirstOrDefault();
        var did = query["did"].FirstOrDefault();
        string? notice = null;
        if (error is null && job is not null && ScheduledJobs.Names.Contains(job))
        {
            notice = did switch
            {
                "trigger" => $"Triggered {job}: a node of 'churnwatch run' takes it{(mode.SchedulerHere ? "" : " (none runs in this process)")}, and its run shows in the history below.",
                "pause" => $"Paused {job}.",
                "resume" => $"Resumed {job}.",
                "paused-already" => $"{job} was paused already; nothing changed.",
                "not-paused" => $"{job} was not paused; nothing changed.",
                _ => null,
            };
        }

        return await Page<JobsPage>(
            context,
            new()
            {
                [nameof(JobsPage.Jobs)] = await jobs.StatusAsync(ct).ConfigureAwait(false),
                [nameof(JobsPage.History)] = await jobs.HistoryAsync(50, ct).ConfigureAwait(false),
                [nameof(JobsPage.SchedulerHere)] = mode.SchedulerHere,
                [nameof(JobsPage.Hangfire)] = services.GetService<Hangfire.JobStorage>() is not null,
                [nameof(JobsPage.Token)] = Token(context, antiforgery),
                [nameof(JobsPage.Notice)] = notice,
                [nameof(JobsPage.Error)] = error,
            },
            statusCode).ConfigureAwait(false);
    }

    private async Task<IResult> JobActionAsync(HttpContext context, IAntiforgery antiforgery, string job, string action, CancellationToken ct)
    {
        if (!Visitor(context).RunsJobs)
        {
            return await NoSuchPageAsync(context).ConfigureAwait(false);
        }

        if (!ScheduledJobs.Names.Contains(job))
        {
            return await JobsAsync(context, antiforgery, $"No job named '{job}'. The jobs: {string.Join(", ", ScheduledJobs.Names)}.", StatusCodes.Status404NotFound, ct).ConfigureAwait(false);
        }

        var recorded = AuditAlongside(context, action switch
        {
            "trigger" => AuditActions.JobTriggered,
            "pause" => AuditActions.JobPaused,
            _ => AuditActions.JobResumed,
        }, job, "");
        // The request, pause or resume and its audit event are one transaction: both stored, or neither. Not cancelled
        // by the browser going away: once sent, the action is done whole.
        var did = action;
        if (action == "trigger")
        {
            await jobs.TriggerAsync(job, recorded, CancellationToken.None).ConfigureAwait(false);
        }
        else if (!await jobs.PauseOrResumeAsync(job, action == "pause", recorded, CancellationToken.None).ConfigureAwait(false))
        {
            did = action == "pause" ? "paused-already" : "not-paused";
        }

        return Results.Redirect($"/jobs?job={Uri.EscapeDataString(job)}&did={did}");
    }

    // Pages are Razor components (Pages/Dashboard) rendered on the server to plain HTML: no circuit, no script.
    private static async Task<IResult> Page<TPage>(HttpContext context, Dictionary<string, object?> parameters, int statusCode = StatusCodes.Status200OK)
        where TPage : Microsoft.AspNetCore.Components.IComponent =>
        Results.Content(await Render<TPage>(context, parameters).ConfigureAwait(false), Html, statusCode: statusCode);

    private static Task<string> Render<TPage>(HttpContext context, Dictionary<string, object?> parameters)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        var visitor = Visitor(context);
        if (visitor.HasSession)
        {
            visitor = visitor with { Token = Token(context, context.RequestServices.GetRequiredService<IAntiforgery>()) };
        }

        return PageRenderer.RenderAsync<DashboardFrame>(new Dictionary<string, object?>
        {
            [nameof(DashboardFrame.Visitor)] = visitor,
            [nameof(DashboardFrame.Page)] = typeof(TPage),
            [nameof(DashboardFrame.Values)] = parameters,
        });
    }

    private static Task<string> Message(HttpContext context, string title, string current, string error, string linkHref, string linkText) =>
        Render<MessagePage>(context, new Dictionary<string, object?>
        {
            [nameof(MessagePage.Title)] = title,
            [nameof(MessagePage.Current)] = current,
            [nameof(MessagePage.Error)] = error,
            [nameof(MessagePage.LinkHref)] = linkHref,
            [nameof(MessagePage.LinkText)] = linkText,
        });

    private async Task<IResult> ServeFile(HttpContext context, string path)
    {
        // Only a path that is exactly one of the listed files is served: no traversal, no other folder.
        // Another owner's report is answered as a file that does not exist.
        if (!files.ListFor(Visitor(context)).TryGetValue(path, out var file))
        {
            return Results.Content(await Message(context, "No such file", "/reports", "That file is not in the output folder's list.", "/reports", "Reports").ConfigureAwait(false), Html, statusCode: StatusCodes.Status404NotFound);
        }

        var type = file.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) ? "text/csv; charset=utf-8" : Html;
        return Results.File(file.FullName, type);
    }

    private static DashboardVisitor Visitor(HttpContext context) => context.Features.Get<DashboardVisitor>() ?? DashboardVisitor.Unknown;

    /// <summary>A 404 that says no more than that nothing is here: what a role may not see is answered this way.</summary>
    private static async Task<IResult> NoSuchPageAsync(HttpContext context) =>
        Results.Content(await NoSuchPageTextAsync(context).ConfigureAwait(false), Html, statusCode: StatusCodes.Status404NotFound);

    private static Task<string> NoSuchPageTextAsync(HttpContext context) =>
        Message(context, "No such page", "", "There is no page at this address.", "/", "Back to the overview");

    private static DashboardToken Token(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new DashboardToken(tokens.FormFieldName, tokens.RequestToken ?? "");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// The signed-in user, or null; records a failed sign-in (a request that carried wrong credentials: a browser's
    /// first request carries none and only fetches the challenge) and a successful one (see <see cref="DashboardSignIns"/>).
    /// </summary>
    private async Task<string?> BasicSignInAsync(HttpContext context)
    {
        var user = SignedIn(context.Request, options.Value);
        var address = Address(context);
        if (user is null && context.Request.Headers.Authorization.Count > 0)
        {
            // The user name tried, never the password: a typo in it says who was locked out, or who is guessing.
            await audit.RecordAsync(AuditSources.Anonymous, AuditActions.SignInFailed, BasicCredentials.UserName(context.Request), address, "", context.RequestAborted).ConfigureAwait(false);
        }
        else if (user is not null && signIns.IsNew(user, address, timeProvider.GetUtcNow()))
        {
            await audit.RecordAsync(user, AuditActions.SignInSucceeded, user, address, "", context.RequestAborted).ConfigureAwait(false);
        }

        return user;
    }

    /// <summary>
    /// Records a command Hangfire's dashboard carried out (its "Trigger now" as a job trigger, any other, such as
    /// delete or requeue, by its path), with the jobs it named.
    /// </summary>
    private Task AuditHangfireAsync(HttpContext context)
    {
        var command = context.Request.Path.Value![HangfireDashboard.Path.Length..].Trim('/');
        var jobs = context.Request.HasFormContentType ? string.Join(", ", context.Request.Form["jobs[]"].Where(j => j is not null)) : "";
        var action = command.Equals("recurring/trigger", StringComparison.OrdinalIgnoreCase) ? AuditActions.JobTriggered : AuditActions.HangfireCommand;
        return AuditAsync(context, action, jobs, "hangfire " + command, CancellationToken.None);
    }

    private Task AuditAsync(HttpContext context, string action, string target, string detail, CancellationToken ct) =>
        audit.RecordAsync(Who(context) ?? AuditSources.Anonymous, action, target, Address(context), detail, ct);

    /// <summary>The audit event of a change, to be written in the change's own transaction: both stored, or neither.</summary>
    private AlongsideWrite AuditAlongside(HttpContext context, string action, string target, string detail) =>
        audit.Alongside(Who(context) ?? AuditSources.Anonymous, action, target, Address(context), detail);

    private static string Address(HttpContext context) => DashboardSessions.ClientAddress(context);

    /// <summary>The signed-in user (a local user's e-mail, or the HTTP Basic user name), or null.</summary>
    private static string? Who(HttpContext context) => Visitor(context).User;

    /// <summary>The user name of valid HTTP Basic credentials, or null (also when none are configured).</summary>
    private static string? SignedIn(HttpRequest request, DashboardOptions settings) =>
        Hosting.BasicCredentials.Match(request, settings.Username, settings.Password) ? settings.Username : null;

    /// <summary>The signed-in user as an account owner: a user name that is an e-mail address, as owners are; else null.</summary>
    private static string? SignedInOwner(HttpContext context) =>
        Who(context) is { } user && user.Contains('@', StringComparison.Ordinal) ? user : null;

    [LoggerMessage(Level = LogLevel.Error, Message = "Dashboard page {Path} failed")]
    private static partial void LogPageFailed(ILogger logger, string path, Exception exception);
}
