using Entregent.Web.Data;
using Entregent.Web.Features.Messaging;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Pages.Messages;

/// <summary>
/// A conversation thread (the newest page unless another is asked for), a form to reply, and the participant's own
/// moves (accept or decline a request, archive, leave). Works by POST and redirect; messages.js adds live delivery.
/// </summary>
[Authorize]
public sealed class ShowModel(EntregentDb db, NetworkGraph network, MessagingNotifier notifier, IOptions<MessagingOptions> options, TimeProvider time,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class ReplyInput
    {
        public string? Body { get; set; }

        /// <summary>Makes a double submit (or the script's retry without it) send once.</summary>
        public string? ClientKey { get; set; }
    }

    [BindProperty]
    public ReplyInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public ViewConversation.ConversationView Conversation { get; private set; } = null!;

    public PagerView Pager(string label) =>
        new(Conversation.PageNumber, Conversation.PageSize, Conversation.Total, p => $"/messages/{Conversation.Id}?p=" + PagerView.Number(p), label);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Input.ClientKey = Guid.NewGuid().ToString("N");
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        await notifier.UnreadChangedAsync(db, User.RequiredMemberId());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var outcome = await SendMessage.ExecuteAsync(db, network, notifier, options, time, User.RequiredMemberId(), id,
            new SendMessage.Request(Input.Body, Input.ClientKey), cancellationToken);
        if (!outcome.Succeeded)
        {
            PageNumber = null;
            if (!await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }
            ModelState.AddFailure(outcome.Failure!, t, hiddenFields: "clientKey");
            return Page();
        }
        return LocalRedirect($"/messages/{id}#message-{outcome.Value!.Message.Id}");
    }

    public Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, ManageConversation.Action.Accept, $"/messages/{id}", cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, ManageConversation.Action.Decline, "/messages?folder=requests", cancellationToken);

    public Task<IActionResult> OnPostArchiveAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, ManageConversation.Action.Archive, "/messages", cancellationToken);

    public Task<IActionResult> OnPostUnarchiveAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, ManageConversation.Action.Unarchive, $"/messages/{id}", cancellationToken);

    public Task<IActionResult> OnPostLeaveAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, ManageConversation.Action.Leave, "/messages", cancellationToken);

    private async Task<IActionResult> ActAsync(long id, ManageConversation.Action action, string then, CancellationToken cancellationToken)
    {
        var outcome = await ManageConversation.ExecuteAsync(db, notifier, time, User.RequiredMemberId(), id, action, cancellationToken);
        if (!outcome.Succeeded)
        {
            if (outcome.Failure!.Kind == FailureKind.NotFound || !await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }
            ModelState.AddFailure(outcome.Failure, t);
            return Page();
        }
        return LocalRedirect(then);
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var outcome = await ViewConversation.ExecuteAsync(db, network, time, User.RequiredMemberId(), id, PageNumber is > 0 ? PageNumber : null, cancellationToken);
        Conversation = outcome.Value!;
        return outcome.Succeeded;
    }
}
