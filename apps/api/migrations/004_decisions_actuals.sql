-- The decision log (审批记录), monthly actuals (实际收支) and early warnings (预警): docs/api.md, "Decision log", "Actuals and variance", "Early warnings".
-- Migration 003 was taken by imports, so this is 004 (numbers run without gaps).

-- Who proposed, reviewed, approved, rejected or withdrew which run, and when: append-only, and each entry carries the
-- sha256 of its fields and of the entry before it in the fund (`prev_hash`; the first entry of a fund chains from a
-- fixed genesis value), so an entry changed behind the trigger's back no longer verifies (GET …/decisions says which).
create table decisions (
  id bigserial primary key,
  fund_id text not null references funds (id),
  run_id bigint not null references runs (id),
  action text not null check (action in ('propose', 'review', 'approve', 'reject', 'withdraw')),
  user_name text not null,
  comment text,
  created_at timestamptz not null,
  prev_hash text not null check (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text not null unique check (hash ~ '^[0-9a-f]{64}$')
);
create index decisions_fund on decisions (fund_id, id);
create index decisions_run on decisions (run_id, id);
-- Two entries of a fund never chain from the same entry (appends also lock the fund's row: the second waits).
create unique index decisions_chain on decisions (fund_id, prev_hash);

create trigger decisions_immutable before update or delete on decisions
  for each row execute function refuse_change();
create trigger decisions_no_truncate before truncate on decisions
  for each statement execute function refuse_change();

-- A month's actual inflow and outflow of one fund type, in yuan. A correction is a new row; the row it corrects gets
-- `superseded_by` = the new row's id, and nothing else about any row ever changes (the trigger below).
create table actuals (
  id bigserial primary key,
  fund_id text not null references funds (id),
  month text not null check (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  fund_type text not null,
  inflow numeric(20, 2) not null check (inflow >= 0),
  outflow numeric(20, 2) not null check (outflow >= 0),
  source text,
  created_by text,
  created_at timestamptz not null default now(),
  -- Deferred: the correcting row's id is taken first, the old row pointed at it, then the new row inserted.
  superseded_by bigint references actuals (id) deferrable initially deferred,
  check (superseded_by is null or superseded_by <> id)
);
-- One current figure per fund, month and fund type.
create unique index actuals_current on actuals (fund_id, month, fund_type) where superseded_by is null;
create index actuals_fund on actuals (fund_id, month, fund_type, id);

create function actuals_supersede_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.superseded_by is null and new.superseded_by is not null
     and (to_jsonb(new) - 'superseded_by') = (to_jsonb(old) - 'superseded_by') then
    return new;
  end if;
  raise exception 'actuals are corrected by a new row: % refused (only superseded_by may be set, once)', tg_op using errcode = 'P0001';
end $$;

create trigger actuals_append_only before update or delete on actuals
  for each row execute function actuals_supersede_only();
create trigger actuals_no_truncate before truncate on actuals
  for each statement execute function refuse_change();

-- Early warnings: one row per fund, rule and subject (a fund type, a bank, a deposit or account id), opened when the
-- rule finds its condition, cleared when an evaluation of the same rule no longer does; reopened if it returns.
create table warnings (
  id bigserial primary key,
  fund_id text not null references funds (id),
  rule text not null check (rule in ('monthsCovered', 'bankCapNear', 'maturityUnplaced', 'belowStatutoryRate', 'structuralGap')),
  subject text not null,
  state text not null check (state in ('open', 'cleared')),
  first_seen timestamptz not null,
  last_seen timestamptz not null,
  cleared_at timestamptz,
  detail jsonb not null,
  unique (fund_id, rule, subject),
  check ((state = 'cleared') = (cleared_at is not null))
);
