using Entregent.Web.Features.Posts;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages;

/// <summary>Words for posts' enums, shared by the post pages and the card.</summary>
public static class PostDisplay
{
    public static IReadOnlyList<ReactionKind> Reactions { get; } = Enum.GetValues<ReactionKind>();

    public static string Reaction(IStringLocalizer t, ReactionKind kind) => kind switch
    {
        ReactionKind.Like => t["Like"],
        ReactionKind.Celebrate => t["Celebrate"],
        ReactionKind.Support => t["Support"],
        ReactionKind.Insightful => t["Insightful"],
        _ => t["Curious"],
    };
}
