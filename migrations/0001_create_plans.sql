-- Plans live behind two secrets: `id` (read and write) and `share_id` (read only). `n` is the
-- internal key the steps hang from: it grows with each plan, so a new plan's steps are appended
-- to the end of their table instead of being scattered by a random id.
create table plans (
    n               integer primary key,
    id              text not null unique,
    share_id        text not null unique,
    current_job     text not null,
    target_career   text not null,
    interests       text not null default '',
    strengths       text not null default '',
    rungs           text not null default '[]',   -- JSON array: the rungs in between, bottom first
    barriers        text not null default '[]',   -- JSON array of barrier slugs
    horizon_months  integer not null check (horizon_months between 6 and 120),
    created_on      text not null,            -- YYYY-MM-DD, the day the plan was made
    review_on       text not null,            -- YYYY-MM-DD, when to come back and adjust it
    version         integer not null default 1,
    idempotency_key text unique,              -- the planner form's hidden key: a resubmission finds its plan
    created_at      text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- `number` names a step in URLs and never changes; `position` orders the steps on the page.
-- Clustered by plan: one plan's steps sit together, read in one or two pages.
create table steps (
    plan      integer not null references plans (n) on delete cascade,
    number    integer not null,
    position  integer not null,
    kind      text not null,                  -- a generated kind ("path", "barrier-money") or "custom"
    title     text not null,
    why       text not null default '',
    action    text not null default '',
    resources text not null default '',       -- resource keys, comma separated
    guide     text not null default '',       -- link to the guide section that explains the step
    due_on    text,                           -- YYYY-MM-DD
    status    text not null default 'todo' check (status in ('todo', 'doing', 'done', 'skipped')),
    note      text not null default '',
    primary key (plan, number)
) without rowid;

