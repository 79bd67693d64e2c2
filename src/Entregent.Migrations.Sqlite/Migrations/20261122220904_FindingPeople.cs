using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Entregent.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FindingPeople : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "OptedOutOfDirectory",
                table: "profiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "asks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Skills = table.Column<string>(type: "TEXT", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_asks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_asks_members_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_asks_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "conversations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastMessageAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "endorsements",
                columns: table => new
                {
                    EndorserId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    SkillId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_endorsements", x => new { x.MemberId, x.SkillId, x.EndorserId });
                    table.ForeignKey(
                        name: "FK_endorsements_members_EndorserId",
                        column: x => x.EndorserId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_endorsements_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_endorsements_skills_SkillId",
                        column: x => x.SkillId,
                        principalTable: "skills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recommendations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AuthorId = table.Column<long>(type: "INTEGER", nullable: false),
                    RecipientId = table.Column<long>(type: "INTEGER", nullable: false),
                    Relationship = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: true),
                    RequestMessage = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WrittenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recommendations_members_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_recommendations_members_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_recommendations_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "conversation_participants",
                columns: table => new
                {
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastReadAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversation_participants", x => new { x.ConversationId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_conversation_participants_conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_conversation_participants_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "introductions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequesterId = table.Column<long>(type: "INTEGER", nullable: false),
                    IntermediaryId = table.Column<long>(type: "INTEGER", nullable: false),
                    SecondIntermediaryId = table.Column<long>(type: "INTEGER", nullable: true),
                    TargetId = table.Column<long>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    IntermediaryNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SecondIntermediaryNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ResponseNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DeclinedById = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AskId = table.Column<long>(type: "INTEGER", nullable: true),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RemindedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_introductions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_introductions_asks_AskId",
                        column: x => x.AskId,
                        principalTable: "asks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_introductions_conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_introductions_members_IntermediaryId",
                        column: x => x.IntermediaryId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_introductions_members_RequesterId",
                        column: x => x.RequesterId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_introductions_members_SecondIntermediaryId",
                        column: x => x.SecondIntermediaryId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_introductions_members_TargetId",
                        column: x => x.TargetId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<long>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_messages_conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_messages_members_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ask_requests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AskId = table.Column<long>(type: "INTEGER", nullable: false),
                    ConnectionId = table.Column<long>(type: "INTEGER", nullable: false),
                    CandidateIds = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponseNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SuggestedMemberId = table.Column<long>(type: "INTEGER", nullable: true),
                    IntroductionId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RespondedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ask_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ask_requests_asks_AskId",
                        column: x => x.AskId,
                        principalTable: "asks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ask_requests_introductions_IntroductionId",
                        column: x => x.IntroductionId,
                        principalTable: "introductions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ask_requests_members_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ask_requests_members_SuggestedMemberId",
                        column: x => x.SuggestedMemberId,
                        principalTable: "members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ask_requests_AskId_ConnectionId",
                table: "ask_requests",
                columns: new[] { "AskId", "ConnectionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ask_requests_ConnectionId_Status",
                table: "ask_requests",
                columns: new[] { "ConnectionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ask_requests_IntroductionId",
                table: "ask_requests",
                column: "IntroductionId");

            migrationBuilder.CreateIndex(
                name: "IX_ask_requests_SuggestedMemberId",
                table: "ask_requests",
                column: "SuggestedMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_asks_OrganizationId",
                table: "asks",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_asks_OwnerId_CreatedAt",
                table: "asks",
                columns: new[] { "OwnerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_conversation_participants_MemberId",
                table: "conversation_participants",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_endorsements_EndorserId_MemberId",
                table: "endorsements",
                columns: new[] { "EndorserId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_endorsements_SkillId",
                table: "endorsements",
                column: "SkillId");

            migrationBuilder.CreateIndex(
                name: "IX_introductions_AskId",
                table: "introductions",
                column: "AskId");

            migrationBuilder.CreateIndex(
                name: "IX_introductions_ConversationId",
                table: "introductions",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_introductions_IntermediaryId_Status",
                table: "introductions",
                columns: new[] { "IntermediaryId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_introductions_RequesterId_CreatedAt",
                table: "introductions",
                columns: new[] { "RequesterId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_introductions_RequesterId_TargetId",
                table: "introductions",
                columns: new[] { "RequesterId", "TargetId" },
                unique: true,
                filter: "\"Status\" IN (0, 1, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_introductions_SecondIntermediaryId_Status",
                table: "introductions",
                columns: new[] { "SecondIntermediaryId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_introductions_Status_UpdatedAt",
                table: "introductions",
                columns: new[] { "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_introductions_TargetId_Status",
                table: "introductions",
                columns: new[] { "TargetId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_messages_AuthorId",
                table: "messages",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_messages_ConversationId_SentAt",
                table: "messages",
                columns: new[] { "ConversationId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_AuthorId_RecipientId",
                table: "recommendations",
                columns: new[] { "AuthorId", "RecipientId" },
                unique: true,
                filter: "\"Status\" IN (0, 1)");

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_OrganizationId",
                table: "recommendations",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_RecipientId_Status",
                table: "recommendations",
                columns: new[] { "RecipientId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ask_requests");

            migrationBuilder.DropTable(
                name: "conversation_participants");

            migrationBuilder.DropTable(
                name: "endorsements");

            migrationBuilder.DropTable(
                name: "messages");

            migrationBuilder.DropTable(
                name: "recommendations");

            migrationBuilder.DropTable(
                name: "introductions");

            migrationBuilder.DropTable(
                name: "asks");

            migrationBuilder.DropTable(
                name: "conversations");

            migrationBuilder.DropColumn(
                name: "OptedOutOfDirectory",
                table: "profiles");
        }
    }
}
