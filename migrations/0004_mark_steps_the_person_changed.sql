-- Whether the person set a step's title or its date themselves. When they later change their
-- answers, only what they left as suggested is rewritten to match. Rows saved before this are
-- left null: unknown, so the code works it out from the answers they were made from.
alter table steps add column own_title integer check (own_title in (0, 1));
alter table steps add column own_due integer check (own_due in (0, 1));
