using Entregent.Web.Data;
using Entregent.Web.Features.Ldbc;
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
        Assert.Equal(180, await App.InStoreAsync(db => db.Education.CountAsync(Cancellation)));
        // LDBC names stay verbatim, and organisations whose names fold alike stay apart.
        Assert.Equal(1, await App.InStoreAsync(db => db.Organizations.CountAsync(o => o.Name == "Cubana_de_Aviación", Cancellation)));
        Assert.Equal(7955, await App.InStoreAsync(db => db.ExternalKeys.CountAsync(k => k.Source == ImportLdbc.Source && k.Kind == ImportLdbc.OrganizationKeyKind, Cancellation)));

        var (validated, validateOutput) = await RunAsync("validate", LdbcData.TinyExpected);
        Assert.True(validated == 0, validateOutput);
        Assert.EndsWith("39 passed, 0 failed, 198 skipped", validateOutput.TrimEnd(), StringComparison.Ordinal);

        // Again on the same store: nothing is duplicated, and the answers are unchanged.
        var (again, againOutput) = await RunAsync("import", LdbcData.Tiny);
        Assert.True(again == 0, againOutput);
        Assert.Contains("222 persons were imported before", againOutput, StringComparison.Ordinal);
        Assert.Equal(222, await App.InStoreAsync(db => db.Users.CountAsync(Cancellation)));
        Assert.Equal(825, await App.InStoreAsync(db => db.Connections.CountAsync(Cancellation)));
        Assert.Equal(485, await App.InStoreAsync(db => db.Positions.CountAsync(Cancellation)));
        var (revalidated, revalidateOutput) = await RunAsync("validate", LdbcData.TinyExpected);
        Assert.True(revalidated == 0, revalidateOutput);
    }

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
