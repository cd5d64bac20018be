-- Whether the person set a step's title or its date themselves. When they later change their
-- answers, only what they left as suggested is rewritten to match.
alter table steps add column own_title integer not null default 0 check (own_title in (0, 1));
alter table steps add column own_due integer not null default 0 check (own_due in (0, 1));
