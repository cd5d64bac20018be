-- The barriers a person said apply to them, one row each, hanging from their plan. They move
-- here from the JSON list in the plan row, which is then dropped.
create table barriers (
    plan    integer not null references plans (n) on delete cascade,
    barrier text not null
        check (barrier in ('experience', 'education', 'goals', 'transportation', 'childcare', 'money')),
    primary key (plan, barrier)
) without rowid;

insert or ignore into barriers (plan, barrier)
    select plans.n, list.value from plans, json_each(plans.barriers) as list;

alter table plans drop column barriers;
