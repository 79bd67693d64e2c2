using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Entregent.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Network : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "Birthday",
                table: "profiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BirthdayAudience",
                table: "profiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "FamilyName",
                table: "profiles",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GivenName",
                table: "profiles",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HideConnections",
                table: "profiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Interests",
                table: "profiles",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "Reach",
                table: "profiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "ContextOrganizationId",
                table: "connections",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HowMet",
                table: "connections",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "blocks",
                columns: table => new
                {
                    BlockerId = table.Column<long>(type: "INTEGER", nullable: false),
                    BlockedId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_blocks", x => new { x.BlockerId, x.BlockedId });
                    table.ForeignKey(
                        name: "FK_blocks_members_BlockedId",
                        column: x => x.BlockedId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_blocks_members_BlockerId",
                        column: x => x.BlockerId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "external_keys",
                columns: table => new
                {
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LocalId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_external_keys", x => new { x.Source, x.Kind, x.ExternalId });
                });

            migrationBuilder.CreateTable(
                name: "follows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FollowerId = table.Column<long>(type: "INTEGER", nullable: false),
                    FollowedMemberId = table.Column<long>(type: "INTEGER", nullable: true),
                    FollowedOrganizationId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follows", x => x.Id);
                    table.CheckConstraint("CK_follows_one_target", "(\"FollowedMemberId\" IS NULL) <> (\"FollowedOrganizationId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_follows_members_FollowedMemberId",
                        column: x => x.FollowedMemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_follows_members_FollowerId",
                        column: x => x.FollowerId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_follows_organizations_FollowedOrganizationId",
                        column: x => x.FollowedOrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "imported_attributes",
                columns: table => new
                {
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Browser = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LocationIp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CityExternalId = table.Column<long>(type: "INTEGER", nullable: true),
                    Emails = table.Column<string>(type: "TEXT", nullable: false),
                    OriginalCreatedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_imported_attributes", x => x.MemberId);
                    table.ForeignKey(
                        name: "FK_imported_attributes_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invitations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FromMemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    ToMemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    HowMet = table.Column<int>(type: "INTEGER", nullable: false),
                    ContextOrganizationId = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RespondedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_invitations_members_FromMemberId",
                        column: x => x.FromMemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_invitations_members_ToMemberId",
                        column: x => x.ToMemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_invitations_organizations_ContextOrganizationId",
                        column: x => x.ContextOrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "suggestion_dismissals",
                columns: table => new
                {
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    DismissedMemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_suggestion_dismissals", x => new { x.MemberId, x.DismissedMemberId });
                    table.ForeignKey(
                        name: "FK_suggestion_dismissals_members_DismissedMemberId",
                        column: x => x.DismissedMemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_suggestion_dismissals_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_connections_ContextOrganizationId",
                table: "connections",
                column: "ContextOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_blocks_BlockedId",
                table: "blocks",
                column: "BlockedId");

            migrationBuilder.CreateIndex(
                name: "IX_external_keys_Source_Kind_LocalId",
                table: "external_keys",
                columns: new[] { "Source", "Kind", "LocalId" });

            migrationBuilder.CreateIndex(
                name: "IX_follows_FollowedMemberId",
                table: "follows",
                column: "FollowedMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_follows_FollowedOrganizationId",
                table: "follows",
                column: "FollowedOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_follows_FollowerId_FollowedMemberId",
                table: "follows",
                columns: new[] { "FollowerId", "FollowedMemberId" },
                unique: true,
                filter: "\"FollowedMemberId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_follows_FollowerId_FollowedOrganizationId",
                table: "follows",
                columns: new[] { "FollowerId", "FollowedOrganizationId" },
                unique: true,
                filter: "\"FollowedOrganizationId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_invitations_ContextOrganizationId",
                table: "invitations",
                column: "ContextOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_invitations_FromMemberId_CreatedAt",
                table: "invitations",
                columns: new[] { "FromMemberId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_invitations_FromMemberId_ToMemberId",
                table: "invitations",
                columns: new[] { "FromMemberId", "ToMemberId" },
                unique: true,
                filter: "\"Status\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_invitations_ToMemberId_Status",
                table: "invitations",
                columns: new[] { "ToMemberId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_suggestion_dismissals_DismissedMemberId",
                table: "suggestion_dismissals",
                column: "DismissedMemberId");

            migrationBuilder.AddForeignKey(
                name: "FK_connections_organizations_ContextOrganizationId",
                table: "connections",
                column: "ContextOrganizationId",
                principalTable: "organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_connections_organizations_ContextOrganizationId",
                table: "connections");

            migrationBuilder.DropTable(
                name: "blocks");

            migrationBuilder.DropTable(
                name: "external_keys");

            migrationBuilder.DropTable(
                name: "follows");

            migrationBuilder.DropTable(
                name: "imported_attributes");

            migrationBuilder.DropTable(
                name: "invitations");

            migrationBuilder.DropTable(
                name: "suggestion_dismissals");

            migrationBuilder.DropIndex(
                name: "IX_connections_ContextOrganizationId",
                table: "connections");

            migrationBuilder.DropColumn(
                name: "Birthday",
                table: "profiles");

            migrationBuilder.DropColumn(
                name: "BirthdayAudience",
                table: "profiles");

            migrationBuilder.DropColumn(
                name: "FamilyName",
                table: "profiles");

            migrationBuilder.DropColumn(
                name: "GivenName",
                table: "profiles");

            migrationBuilder.DropColumn(
                name: "HideConnections",
                table: "profiles");

            migrationBuilder.DropColumn(
                name: "Interests",
                table: "profiles");

            migrationBuilder.DropColumn(
                name: "Reach",
                table: "profiles");

            migrationBuilder.DropColumn(
                name: "ContextOrganizationId",
                table: "connections");

            migrationBuilder.DropColumn(
                name: "HowMet",
                table: "connections");
        }
    }
}
