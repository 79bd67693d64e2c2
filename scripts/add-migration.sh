#!/usr/bin/env bash
# Adds a migration named $1 to both stores' migrations projects, generated from the one EF model.
# Usage: scripts/add-migration.sh AddInvitations
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null

# Design time needs no running database: the provider alone decides the generated SQL.
Database__Provider=Sqlite \
  dotnet ef migrations add "$name" --project src/Entregent.Migrations.Sqlite --startup-project src/Entregent.Web --output-dir Migrations
Database__Provider=Postgres ConnectionStrings__Entregent="Host=127.0.0.1;Database=entregent_design" \
  dotnet ef migrations add "$name" --project src/Entregent.Migrations.Postgres --startup-project src/Entregent.Web --output-dir Migrations --no-build
echo "Added migration $name for SQLite and PostgreSQL."
