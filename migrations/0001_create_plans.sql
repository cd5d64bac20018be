-- Plans live behind two secrets: `id` (read and write) and `share_id` (read only).
create table plans (
    id              text primary key not null,
    share_id        text not null unique,
    current_job     text not null,
    target_career   text not null,
    interests       text not null default '',
    strengths       text not null default '',
    horizon_months  integer not null check (horizon_months between 6 and 120),
    created_on      text not null,            -- YYYY-MM-DD, the day the plan was made
    review_on       text not null,            -- YYYY-MM-DD, when to come back and adjust it
    version         integer not null default 1,
    idempotency_key text unique,              -- the planner form's hidden key: a resubmission finds its plan
    created_at      text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- The rungs between the current job and the target career, bottom first.
create table rungs (
    plan_id  text not null references plans (id) on delete cascade,
    position integer not null,
    title    text not null,
    primary key (plan_id, position)
) without rowid;

create table barriers (
    plan_id text not null references plans (id) on delete cascade,
    barrier text not null,
    primary key (plan_id, barrier)
) without rowid;

-- `number` names a step in URLs and never changes; `position` orders the steps on the page.
-- A rowid table: new steps are appended, and only the small (plan_id, number) index takes the
-- random plan ids; a WITHOUT ROWID table would scatter these long rows across its pages.
create table steps (
    plan_id   text not null references plans (id) on delete cascade,
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
    note      text not null default ''
);

create unique index steps_plan_number on steps (plan_id, number);

-- share_id is unique, so it has its index already.
