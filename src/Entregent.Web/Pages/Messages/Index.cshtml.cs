using Entregent.Web.Data;
using Entregent.Web.Features.Messaging;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entregent.Web.Pages.Messages;

/// <summary>My conversations: inbox, requests or archived, newest activity first, with unread counts.</summary>
[Authorize]
public sealed class IndexModel(EntregentDb db, NetworkGraph network) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "folder")]
    public string? FolderName { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    public ConversationFolder Folder { get; private set; }

    public ListConversations.Page List { get; private set; } = null!;

    public UnreadCounts Counts { get; private set; } = new(0, 0);

    public static string Link(ConversationFolder folder, string? before)
    {
        var link = folder == ConversationFolder.Inbox ? "/messages" : "/messages?folder=" + folder.ToString().ToLowerInvariant();
        return before is null ? link : link + (folder == ConversationFolder.Inbox ? "?" : "&") + "before=" + Uri.EscapeDataString(before);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.RequiredMemberId();
        var list = await ListConversations.ExecuteAsync(db, network, me, FolderName, Before, cancellationToken);
        if (!list.Succeeded)
        {
            return NotFound();
        }
        List = list.Value!;
        Folder = Enum.TryParse<ConversationFolder>(FolderName, ignoreCase: true, out var folder) ? folder : ConversationFolder.Inbox;
        Counts = await ListConversations.UnreadAsync(db, network, me, cancellationToken);
        return Page();
    }
}
