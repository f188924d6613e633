-- Users, their roles per fund, and sessions (docs/api.md §5). Passwords are scrypt hashes; session ids and one-time
-- login tokens are stored only as their sha256, so a copy of the database does not let anyone in.

create table users (
  id bigserial primary key,
  name text not null unique check (name ~ '^[A-Za-z0-9_.@-]{1,64}$'),
  display_name text not null default '',
  password_hash text,
  admin boolean not null default false,
  created_at timestamptz not null default now()
);

-- Roles rank viewer < planner < approver < admin: each may do what the ones below it may.
create table memberships (
  user_id bigint not null references users (id),
  fund_id text not null references funds (id),
  role text not null check (role in ('viewer', 'planner', 'approver', 'admin')),
  granted_at timestamptz not null default now(),
  primary key (user_id, fund_id)
);

create table sessions (
  id_hash text primary key,
  user_id bigint not null references users (id),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index sessions_user on sessions (user_id);

-- A one-time link printed by `npm start` for the local admin (the way Jupyter does it): used once, short-lived.
create table login_tokens (
  token_hash text primary key,
  user_id bigint not null references users (id),
  expires_at timestamptz not null,
  used_at timestamptz
);
