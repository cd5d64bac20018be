-- The highest step number a plan has ever had. A step's number names it in URLs and calendar
-- events, so a new step takes the next one up and never reuses the number of a removed step.
alter table plans add column last_step integer not null default 0;

update plans set last_step = (select coalesce(max(number), 0) from steps where plan = plans.n);
