using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Ldbc;
using Entregent.Web.Features.Posts;
using Entregent.Web.Tests.Features.Ldbc;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Entregent.Web.Tests.Integration.Ldbc;

/// <summary>
/// The LDBC tiny graph imported into a fresh store (SQLite, and PostgreSQL in the second pass), then every expected
/// answer of the official parameters that Entregent models checked through the product's own code paths.
/// </summary>
public class LdbcTinyTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task ImportThenValidate_Tiny_EveryModelledAnswerMatchesLdbc()
    {
        if (!Directory.Exists(LdbcData.Tiny) || !File.Exists(LdbcData.TinyExpected))
        {
            Assert.Skip($"no LDBC data at {LdbcData.Folder}");
        }

        var (imported, importOutput) = await RunAsync("import", LdbcData.Tiny);
        Assert.True(imported == 0, importOutput);
        Assert.Equal(222, await App.InStoreAsync(db => db.ExternalKeys.CountAsync(k => k.Source == ImportLdbc.Source && k.Kind == ImportLdbc.MemberKeyKind, Cancellation)));
        Assert.Equal(825, await App.InStoreAsync(db => db.Connections.CountAsync(Cancellation)));
        Assert.Equal(485, await App.InStoreAsync(db => db.Positions.CountAsync(Cancellation)));
        // Positions date from when the work began, not from the import (the reconnect list reads that as news).
        var positions = await App.InStoreAsync(db => db.Positions.AsNoTracking().Select(p => new { p.StartMonth, p.CreatedAt }).ToListAsync(Cancellation));
        Assert.All(positions, p => Assert.Equal(p.StartMonth, DateOnly.FromDateTime(p.CreatedAt.UtcDateTime)));
        Assert.Equal(180, await App.InStoreAsync(db => db.Education.CountAsync(Cancellation)));
        // LDBC names stay verbatim, and organisations whose names fold alike stay apart.
        Assert.Equal(1, await App.InStoreAsync(db => db.Organizations.CountAsync(o => o.Name == "Cubana_de_Aviación", Cancellation)));
        Assert.Equal(7955, await App.InStoreAsync(db => db.ExternalKeys.CountAsync(k => k.Source == ImportLdbc.Source && k.Kind == ImportLdbc.OrganizationKeyKind, Cancellation)));

        await AssertCommunityAsync();

        var (validated, validateOutput) = await RunAsync("validate", LdbcData.TinyExpected);
        Assert.True(validated == 0, validateOutput);
        // Every line of every query the model expresses passes; IC3 and IC12 are skipped (2 lines each).
        Assert.EndsWith("233 passed, 0 failed, 4 skipped", validateOutput.TrimEnd(), StringComparison.Ordinal);
        foreach (var (query, lines) in new[] { ("IC2", 2), ("IC4", 2), ("IC5", 2), ("IC6", 2), ("IC7", 2), ("IC8", 2), ("IC9", 2), ("IC10", 2), ("IC14", 2), ("IS2", 16), ("IS4", 40), ("IS5", 40), ("IS6", 40), ("IS7", 40) })
        {
            Assert.Contains($"{query,-8}{lines,4} passed, 0 failed, 0 skipped", validateOutput, StringComparison.Ordinal);
        }

        // Again on the same store: nothing is duplicated, and the answers are unchanged.
        var (again, againOutput) = await RunAsync("import", LdbcData.Tiny);
        Assert.True(again == 0, againOutput);
        Assert.Contains("222 persons were imported before", againOutput, StringComparison.Ordinal);
        Assert.Equal(222, await App.InStoreAsync(db => db.Users.CountAsync(Cancellation)));
        Assert.Equal(825, await App.InStoreAsync(db => db.Connections.CountAsync(Cancellation)));
        Assert.Equal(485, await App.InStoreAsync(db => db.Positions.CountAsync(Cancellation)));
        Assert.Contains("805 forums were imported before", againOutput, StringComparison.Ordinal);
        Assert.Contains("5924 posts and 2218 comments were imported before", againOutput, StringComparison.Ordinal);
        await AssertCommunityAsync();
        var (revalidated, revalidateOutput) = await RunAsync("validate", LdbcData.TinyExpected);
        Assert.True(revalidated == 0, revalidateOutput);
        Assert.EndsWith("233 passed, 0 failed, 4 skipped", revalidateOutput.TrimEnd(), StringComparison.Ordinal);
    }

    /// <summary>Forums, posts, comments and likes as the import maps them, counts kept right.</summary>
    private async Task AssertCommunityAsync()
    {
        Assert.Equal(805, await App.InStoreAsync(db => db.Groups.CountAsync(Cancellation)));
        Assert.Equal(805, await App.InStoreAsync(db => db.Groups.CountAsync(g => g.Kind == GroupKind.Public, Cancellation)));
        // 3,584 hasMember rows plus each moderator not among them (803 of 805).
        Assert.Equal(4387, await App.InStoreAsync(db => db.GroupMemberships.CountAsync(Cancellation)));
        Assert.Equal(805, await App.InStoreAsync(db => db.GroupMemberships.CountAsync(m => m.Role == GroupRole.Owner, Cancellation)));
        Assert.Equal(0, await App.InStoreAsync(db => db.Groups.CountAsync(g => g.MemberCount != db.GroupMemberships.Count(m => m.GroupId == g.Id), Cancellation)));
        Assert.Equal(5924, await App.InStoreAsync(db => db.Posts.CountAsync(p => p.Audience == PostAudience.Group && p.GroupId != null, Cancellation)));
        Assert.Equal(2218, await App.InStoreAsync(db => db.Comments.CountAsync(Cancellation)));
        Assert.Equal(1383, await App.InStoreAsync(db => db.Reactions.CountAsync(r => r.Kind == ReactionKind.Like, Cancellation)));
        Assert.Equal(683, await App.InStoreAsync(db => db.PostHashtags.CountAsync(Cancellation)));
        Assert.Equal(0, await App.InStoreAsync(db => db.Posts.CountAsync(p => p.CommentCount != db.Comments.Count(c => c.PostId == p.Id)
            || p.ReactionCount != db.Reactions.Count(r => r.PostId == p.Id && r.CommentId == null), Cancellation)));
        Assert.Equal(0, await App.InStoreAsync(db => db.Comments.CountAsync(c => c.ReactionCount != db.Reactions.Count(r => r.CommentId == c.Id), Cancellation)));

        // A photo post: no text, the file name kept beside it.
        var photo = await LocalIdAsync(ImportLdbc.PostKeyKind, 343597383680);
        var photoBody = await App.InStoreAsync(db => db.Posts.Where(p => p.Id == photo).Select(p => new { p.Body, p.BodyHtml }).SingleAsync(Cancellation));
        Assert.Equal(("", ""), (photoBody.Body, photoBody.BodyHtml));
        Assert.Equal("photo343597383680.jpg", await App.InStoreAsync(db => db.ImportedContent.Where(i => i.PostId == photo).Select(i => i.ImageFile).SingleAsync(Cancellation)));

        // 274877914279 answers 274877914277, which answers 274877914275, a comment on post 274877914272: one level shown
        // (under 274877914275), the exact structure kept.
        var top = await LocalIdAsync(ImportLdbc.CommentKeyKind, 274877914275);
        var middle = await LocalIdAsync(ImportLdbc.CommentKeyKind, 274877914277);
        var deep = await LocalIdAsync(ImportLdbc.CommentKeyKind, 274877914279);
        var post = await LocalIdAsync(ImportLdbc.PostKeyKind, 274877914272);
        var comments = (await App.InStoreAsync(db => db.Comments.Where(c => c.Id == top || c.Id == middle || c.Id == deep)
                .Select(c => new { c.Id, c.PostId, c.ParentCommentId, c.ReplyToCommentId }).ToListAsync(Cancellation)))
            .ToDictionary(c => c.Id, c => (c.PostId, c.ParentCommentId, c.ReplyToCommentId));
        Assert.Equal((post, (long?)null, (long?)null), comments[top]);
        Assert.Equal((post, (long?)top, (long?)top), comments[middle]);
        Assert.Equal((post, (long?)top, (long?)middle), comments[deep]);
    }

    private Task<long> LocalIdAsync(string kind, long ldbcId) =>
        App.InStoreAsync(db => db.ExternalKeys
            .Where(k => k.Source == ImportLdbc.Source && k.Kind == kind && k.ExternalId == ldbcId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(k => k.LocalId).SingleAsync(Cancellation));

    /// <summary>Runs <c>entregent ldbc VERB PATH</c> with the app's services, as Program.cs does; returns the exit code and the output.</summary>
    private async Task<(int ExitCode, string Output)> RunAsync(string verb, string path)
    {
        string[] args = ["ldbc", verb, path];
        var command = LdbcCommand.TakeFrom(ref args)!;
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 400;
        var exitCode = await command.RunAsync(App.Services, console, Cancellation);
        return (exitCode, output.ToString());
    }
}
