-- Imports (docs/api.md §2): every upload, previewed, refused or saved, with the files' bytes and sha256, what it
-- changed or why it was refused, and the scenario version it saved. Append-only, as the versions are.

create table imports (
  id bigserial primary key,
  fund_id text not null references funds (id),
  files jsonb not null,
  contents bytea[] not null,
  outcome text not null check (outcome in ('preview', 'saved', 'refused')),
  scenario_version_id bigint references scenario_versions (id),
  issues jsonb not null default '[]',
  changes jsonb not null default '[]',
  created_by text,
  created_at timestamptz not null default now(),
  check ((outcome = 'saved') = (scenario_version_id is not null))
);
create index imports_fund on imports (fund_id, id desc);

create trigger imports_immutable before update or delete on imports
  for each row execute function refuse_change();
