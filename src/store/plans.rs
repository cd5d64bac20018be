//! Plans and their steps. Every write that touches several rows is one transaction, so a plan
//! is saved whole or not at all.

use std::collections::HashMap;

use futures_core::future::BoxFuture;
use sqlx::{Arguments, AssertSqlSafe, SqliteConnection, sqlite::SqliteArguments};
use time::Date;

use super::Store;

/// The query for one plan row, `where` clause appended: a literal, as sqlx asks of SQL.
macro_rules! select_plan {
    ($filter:literal) => {
        concat!(
            "select n, id, share_id, current_job, target_career, interests, strengths, rungs, ",
            "(select json_group_array(barrier) from barriers where plan = plans.n) as barriers, ",
            "horizon_months, created_on, review_on, version from plans ",
            $filter
        )
    };
}

/// A plan's own row.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PlanRow {
    /// The internal key the steps hang from.
    pub(crate) n: i64,
    pub id: String,
    pub share_id: String,
    pub current_job: String,
    pub target_career: String,
    pub interests: String,
    pub strengths: String,
    pub horizon_months: i64,
    pub created_on: Date,
    pub review_on: Date,
    pub version: i64,
    /// Rung titles, bottom first, as a JSON array.
    pub(crate) rungs: String,
    /// Barrier slugs as a JSON array.
    pub(crate) barriers: String,
}

/// One step as stored.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct StepRow {
    pub number: i64,
    pub position: i64,
    pub kind: String,
    pub title: String,
    pub why: String,
    pub action: String,
    pub resources: String,
    pub guide: String,
    pub due_on: Option<Date>,
    pub status: String,
    pub note: String,
    /// The person typed this title themselves; `None` for a step saved before this was
    /// recorded.
    pub own_title: Option<bool>,
    /// The person set (or cleared) this date themselves; `None` as for `own_title`.
    pub own_due: Option<bool>,
}

/// A whole plan: its row, the rungs (bottom first), barrier slugs and steps in page order.
#[derive(Debug, Clone)]
pub struct PlanRecord {
    pub plan: PlanRow,
    pub rungs: Vec<String>,
    pub barriers: Vec<String>,
    pub steps: Vec<StepRow>,
}

/// The answers a plan is made from, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Answers {
    pub current_job: String,
    pub target_career: String,
    pub rungs: Vec<String>,
    pub interests: String,
    pub strengths: String,
    pub horizon_months: i64,
    /// Barrier slugs.
    pub barriers: Vec<String>,
}

/// A step to write. `number` is `None` for a step that does not exist yet.
#[derive(Debug, Clone, PartialEq)]
pub struct StepDraft {
    pub number: Option<i64>,
    pub kind: String,
    pub title: String,
    pub why: String,
    pub action: String,
    pub resources: String,
    pub guide: String,
    pub due_on: Option<Date>,
    /// The person typed this title themselves.
    pub own_title: bool,
    /// The person set (or cleared) this date themselves.
    pub own_due: bool,
}

/// A new plan, with its secrets already drawn.
#[derive(Debug, Clone)]
pub struct NewPlan {
    pub id: String,
    pub share_id: String,
    /// The planner form's one-time key: a resubmitted form finds the plan it already made.
    pub idempotency_key: Option<String>,
    pub answers: Answers,
    pub created_on: Date,
    pub review_on: Date,
    pub steps: Vec<StepDraft>,
}

/// A whole edit of a plan: new answers, review date and the steps it keeps or adds, made from
/// the plan as it was at `version`.
#[derive(Debug, Clone)]
pub struct PlanEdit {
    pub id: String,
    pub version: i64,
    pub answers: Answers,
    pub review_on: Date,
    pub steps: Vec<StepDraft>,
}

/// What became of an edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditOutcome {
    Saved,
    /// Someone saved the plan since this edit was started: nothing was written.
    Stale,
    NotFound,
}

/// A change to one step; `None` fields stay as they are.
#[derive(Debug, Clone, Default)]
pub struct StepChange {
    pub status: Option<&'static str>,
    pub note: Option<String>,
}

impl Store {
    /// Saves a new plan whole, and returns its id. When the form's key was already used, nothing
    /// is written and the id of the plan that key made is returned instead. Plans arriving
    /// together are saved together (see `coalesce`).
    pub async fn create_plan(&self, plan: NewPlan) -> sqlx::Result<String> {
        self.creates.submit(plan).await
    }

    /// The plan with this (edit) id.
    pub async fn find_plan(&self, id: &str) -> sqlx::Result<Option<PlanRecord>> {
        let row = sqlx::query_as::<_, PlanRow>(select_plan!("where id = ?"))
            .bind(id)
            .fetch_optional(&self.reader)
            .await?;
        self.complete(row).await
    }

    /// The plan with this read-only share id.
    pub async fn find_shared_plan(&self, share_id: &str) -> sqlx::Result<Option<PlanRecord>> {
        let row = sqlx::query_as::<_, PlanRow>(select_plan!("where share_id = ?"))
            .bind(share_id)
            .fetch_optional(&self.reader)
            .await?;
        self.complete(row).await
    }

    async fn complete(&self, row: Option<PlanRow>) -> sqlx::Result<Option<PlanRecord>> {
        let Some(mut plan) = row else { return Ok(None) };
        let rungs = from_json(&std::mem::take(&mut plan.rungs))?;
        let barriers = from_json(&std::mem::take(&mut plan.barriers))?;
        let steps = sqlx::query_as::<_, StepRow>(
            r"select number, position, kind, title, why, action, resources, guide, due_on, status,
                     note, own_title, own_due
              from steps where plan = ? order by position, number",
        )
        .bind(plan.n)
        .fetch_all(&self.reader)
        .await?;
        Ok(Some(PlanRecord {
            plan,
            rungs,
            barriers,
            steps,
        }))
    }

    /// Changes one step's status and/or note. Returns false when the plan or step is unknown.
    pub async fn update_step(
        &self,
        id: String,
        number: i64,
        change: StepChange,
    ) -> sqlx::Result<bool> {
        self.step_updates
            .submit(StepUpdate { id, number, change })
            .await
    }

    /// Replaces a plan's answers, review date and steps, if nobody saved it since `version`.
    /// Steps missing from `steps` are deleted; listed ones keep their status and note. New steps
    /// take numbers above any the plan ever had.
    pub async fn edit_plan(&self, edit: PlanEdit) -> sqlx::Result<EditOutcome> {
        self.write
            .write(move |conn| Box::pin(async move { apply_edit(conn, &edit).await }))
            .await
    }

    /// Deletes a plan and, through the foreign keys, everything in it.
    pub async fn delete_plan(&self, id: String) -> sqlx::Result<bool> {
        self.write
            .write(move |conn| {
                Box::pin(async move {
                    let result = sqlx::query("delete from plans where id = ?")
                        .bind(&id)
                        .execute(&mut *conn)
                        .await?;
                    Ok(result.rows_affected() == 1)
                })
            })
            .await
    }

    /// Gives the plan a new read-only share id; the old share link stops working.
    pub async fn rotate_share_id(&self, id: String, share_id: String) -> sqlx::Result<bool> {
        self.write
            .write(move |conn| {
                Box::pin(async move {
                    let result = sqlx::query("update plans set share_id = ? where id = ?")
                        .bind(&share_id)
                        .bind(&id)
                        .execute(&mut *conn)
                        .await?;
                    Ok(result.rows_affected() == 1)
                })
            })
            .await
    }
}

/// Saves a group of new plans with one multi-row insert per table. A key already used (in the
/// database or earlier in the group) gives back the plan it made and writes nothing.
pub(crate) fn insert_plans(
    conn: &mut SqliteConnection,
    plans: Vec<NewPlan>,
) -> BoxFuture<'_, sqlx::Result<Vec<String>>> {
    Box::pin(async move {
        let keys: Vec<Value> = plans
            .iter()
            .filter_map(|p| p.idempotency_key.as_deref())
            .map(Value::Text)
            .collect();
        let mut known: HashMap<String, String> = HashMap::new();
        for chunk in keys.chunks(ROWS_PER_INSERT) {
            let sql = format!(
                "select idempotency_key, id from plans where idempotency_key in ({})",
                vec!["?"; chunk.len()].join(", ")
            );
            let rows: Vec<(String, String)> =
                sqlx::query_as_with(AssertSqlSafe(sql), arguments(chunk)?)
                    .fetch_all(&mut *conn)
                    .await?;
            known.extend(rows);
        }

        let mut ids = Vec::with_capacity(plans.len());
        let mut fresh = Vec::with_capacity(plans.len());
        for plan in &plans {
            if let Some(id) = plan.idempotency_key.as_ref().and_then(|k| known.get(k)) {
                ids.push(id.clone());
                continue;
            }
            if let Some(key) = &plan.idempotency_key {
                known.insert(key.clone(), plan.id.clone());
            }
            ids.push(plan.id.clone());
            fresh.push(plan);
        }

        // The only writer hands out the internal keys, in order.
        let next: i64 = sqlx::query_scalar("select coalesce(max(n), 0) + 1 from plans")
            .fetch_one(&mut *conn)
            .await?;
        let rungs: Vec<String> = fresh.iter().map(|p| to_json(&p.answers.rungs)).collect();
        let mut plan_rows = Vec::new();
        let mut barrier_rows = Vec::new();
        let mut step_rows = Vec::new();
        for ((n, plan), rungs) in (next..).zip(fresh).zip(&rungs) {
            let a = &plan.answers;
            plan_rows.push(vec![
                Value::Int(n),
                Value::Text(&plan.id),
                Value::Text(&plan.share_id),
                Value::Text(&a.current_job),
                Value::Text(&a.target_career),
                Value::Text(&a.interests),
                Value::Text(&a.strengths),
                Value::Text(rungs),
                Value::Int(a.horizon_months),
                Value::Date(Some(plan.created_on)),
                Value::Date(Some(plan.review_on)),
                Value::OptText(plan.idempotency_key.as_deref()),
                Value::Int(plan.steps.len() as i64),
            ]);
            barrier_rows.extend(barrier_values(n, &a.barriers));
            for (index, step) in plan.steps.iter().enumerate() {
                let number = index as i64 + 1;
                step_rows.push(step_values(n, number, number, step));
            }
        }
        insert_rows(conn, PLAN_INSERT, &plan_rows).await?;
        insert_rows(conn, BARRIER_INSERT, &barrier_rows).await?;
        insert_rows(conn, STEP_INSERT, &step_rows).await?;
        Ok(ids)
    })
}

/// One step change, as queued.
#[derive(Debug)]
pub(crate) struct StepUpdate {
    id: String,
    number: i64,
    change: StepChange,
}

/// Applies a group of step changes with one statement, and tells each whether its step exists.
/// Several changes to one step apply in order: the last status and the last note win.
pub(crate) fn update_steps(
    conn: &mut SqliteConnection,
    updates: Vec<StepUpdate>,
) -> BoxFuture<'_, sqlx::Result<Vec<bool>>> {
    Box::pin(async move {
        let mut merged: Vec<(&str, i64, Option<&str>, Option<&str>)> = Vec::new();
        for u in &updates {
            match merged.iter_mut().find(|m| m.0 == u.id && m.1 == u.number) {
                Some(m) => {
                    m.2 = u.change.status.or(m.2);
                    m.3 = u.change.note.as_deref().or(m.3);
                }
                None => merged.push((&u.id, u.number, u.change.status, u.change.note.as_deref())),
            }
        }
        let plans = internal_keys(conn, merged.iter().map(|m| m.0)).await?;
        let known: Vec<_> = merged
            .iter()
            .filter_map(|&(id, number, status, note)| Some((*plans.get(id)?, number, status, note)))
            .collect();
        let mut found: Vec<(i64, i64)> = Vec::with_capacity(known.len());
        for chunk in known.chunks(ROWS_PER_INSERT) {
            let values: Vec<Value> = chunk
                .iter()
                .flat_map(|&(plan, number, status, note)| {
                    [
                        Value::Int(plan),
                        Value::Int(number),
                        Value::OptText(status),
                        Value::OptText(note),
                    ]
                })
                .collect();
            // Each (plan, step) appears once, so every step row matches at most one row of `v`.
            let sql = format!(
                "update steps set status = coalesce(v.column3, steps.status), \
                 note = coalesce(v.column4, steps.note) \
                 from (values {}) as v \
                 where steps.plan = v.column1 and steps.number = v.column2 \
                 returning steps.plan, steps.number",
                vec!["(?, ?, ?, ?)"; chunk.len()].join(", ")
            );
            let rows: Vec<(i64, i64)> =
                sqlx::query_as_with(AssertSqlSafe(sql), arguments(&values)?)
                    .fetch_all(&mut *conn)
                    .await?;
            found.extend(rows);
        }
        Ok(updates
            .iter()
            .map(|u| {
                plans
                    .get(u.id.as_str())
                    .is_some_and(|&plan| found.contains(&(plan, u.number)))
            })
            .collect())
    })
}

async fn apply_edit(conn: &mut SqliteConnection, edit: &PlanEdit) -> sqlx::Result<EditOutcome> {
    let (id, answers) = (&edit.id, &edit.answers);
    let updated: Option<(i64, i64)> = sqlx::query_as(
        r"update plans set current_job = ?, target_career = ?, interests = ?, strengths = ?,
              rungs = ?, horizon_months = ?, review_on = ?, version = version + 1,
              updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
          where id = ? and version = ?
          returning n, last_step",
    )
    .bind(&answers.current_job)
    .bind(&answers.target_career)
    .bind(&answers.interests)
    .bind(&answers.strengths)
    .bind(to_json(&answers.rungs))
    .bind(answers.horizon_months)
    .bind(edit.review_on)
    .bind(id)
    .bind(edit.version)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((plan, last_step)) = updated else {
        let exists: Option<i64> = sqlx::query_scalar("select 1 from plans where id = ?")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
        return Ok(if exists.is_some() {
            EditOutcome::Stale
        } else {
            EditOutcome::NotFound
        });
    };

    sqlx::query("delete from barriers where plan = ?")
        .bind(plan)
        .execute(&mut *conn)
        .await?;
    let barrier_rows: Vec<_> = barrier_values(plan, &answers.barriers).collect();
    insert_rows(conn, BARRIER_INSERT, &barrier_rows).await?;

    let existing: Vec<i64> = sqlx::query_scalar("select number from steps where plan = ?")
        .bind(plan)
        .fetch_all(&mut *conn)
        .await?;
    let kept: Vec<i64> = edit.steps.iter().filter_map(|s| s.number).collect();
    for number in existing.iter().filter(|n| !kept.contains(n)) {
        sqlx::query("delete from steps where plan = ? and number = ?")
            .bind(plan)
            .bind(number)
            .execute(&mut *conn)
            .await?;
    }
    // Numbers of removed steps stay retired: a stale link or calendar event must not reach a
    // new step.
    let mut last = existing.iter().copied().fold(last_step, i64::max);
    let mut new_steps = Vec::new();
    for (index, step) in edit.steps.iter().enumerate() {
        let position = index as i64 + 1;
        match step.number.filter(|n| existing.contains(n)) {
            Some(number) => {
                sqlx::query(
                    r"update steps set position = ?, kind = ?, title = ?, why = ?, action = ?,
                          resources = ?, guide = ?, due_on = ?, own_title = ?, own_due = ?
                      where plan = ? and number = ?",
                )
                .bind(position)
                .bind(&step.kind)
                .bind(&step.title)
                .bind(&step.why)
                .bind(&step.action)
                .bind(&step.resources)
                .bind(&step.guide)
                .bind(step.due_on)
                .bind(step.own_title)
                .bind(step.own_due)
                .bind(plan)
                .bind(number)
                .execute(&mut *conn)
                .await?;
            }
            None => {
                last += 1;
                new_steps.push(step_values(plan, last, position, step));
            }
        }
    }
    insert_rows(conn, STEP_INSERT, &new_steps).await?;
    if last != last_step {
        sqlx::query("update plans set last_step = ? where n = ?")
            .bind(last)
            .bind(plan)
            .execute(&mut *conn)
            .await?;
    }
    Ok(EditOutcome::Saved)
}

const PLAN_INSERT: &str = "insert into plans (n, id, share_id, current_job, target_career, \
     interests, strengths, rungs, horizon_months, created_on, review_on, idempotency_key, \
     last_step) values ";
const BARRIER_INSERT: &str = "insert or ignore into barriers (plan, barrier) values ";
const STEP_INSERT: &str = "insert into steps (plan, number, position, kind, title, why, \
     action, resources, guide, due_on, own_title, own_due) values ";

/// A list column (rungs, barriers) as stored.
fn to_json(list: &[String]) -> String {
    serde_json::to_string(list).expect("a list of strings always serialises")
}

fn from_json(stored: &str) -> sqlx::Result<Vec<String>> {
    serde_json::from_str(stored).map_err(|error| sqlx::Error::Decode(error.into()))
}

/// The internal keys of the plans with these ids; unknown ids are left out.
async fn internal_keys<'a>(
    conn: &mut SqliteConnection,
    ids: impl Iterator<Item = &'a str>,
) -> sqlx::Result<HashMap<&'a str, i64>> {
    let mut ids: Vec<&str> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    let mut keys = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(ROWS_PER_INSERT) {
        let sql = format!(
            "select id, n from plans where id in ({})",
            vec!["?"; chunk.len()].join(", ")
        );
        let values: Vec<Value> = chunk.iter().map(|id| Value::Text(id)).collect();
        let rows: Vec<(String, i64)> = sqlx::query_as_with(AssertSqlSafe(sql), arguments(&values)?)
            .fetch_all(&mut *conn)
            .await?;
        for (id, n) in rows {
            if let Some(&known) = chunk.iter().find(|&&c| c == id) {
                keys.insert(known, n);
            }
        }
    }
    Ok(keys)
}

/// A value to bind, so rows of different tables go through one insert helper.
#[derive(Debug, Clone, Copy)]
enum Value<'a> {
    Text(&'a str),
    OptText(Option<&'a str>),
    Int(i64),
    Date(Option<Date>),
}

/// The arguments of a statement, bound in order.
fn arguments(values: &[Value<'_>]) -> sqlx::Result<SqliteArguments> {
    let mut arguments = SqliteArguments::default();
    for value in values {
        match *value {
            Value::Text(v) => arguments.add(v.to_owned()),
            Value::OptText(v) => arguments.add(v.map(str::to_owned)),
            Value::Int(v) => arguments.add(v),
            Value::Date(v) => arguments.add(v),
        }
        .map_err(sqlx::Error::Encode)?;
    }
    Ok(arguments)
}

/// Rows per statement: a group of plans needs only a few statements (measured: 64 rows creates
/// plans 6% faster than 16), far below SQLite's limit on parameters, and a fixed number so that
/// the prepared statement is cached and reused (only the last, shorter chunk of a group varies).
const ROWS_PER_INSERT: usize = 64;

/// Inserts rows, `ROWS_PER_INSERT` to a statement. Only `?` placeholders are repeated into the
/// SQL; every value is bound.
async fn insert_rows(
    conn: &mut SqliteConnection,
    head: &str,
    rows: &[Vec<Value<'_>>],
) -> sqlx::Result<()> {
    let Some(width) = rows.first().map(Vec::len) else {
        return Ok(());
    };
    let row = format!("({})", vec!["?"; width].join(", "));
    for chunk in rows.chunks(ROWS_PER_INSERT) {
        let sql = format!("{head}{}", vec![row.as_str(); chunk.len()].join(", "));
        let values: Vec<Value> = chunk.iter().flatten().copied().collect();
        sqlx::query_with(AssertSqlSafe(sql), arguments(&values)?)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

fn barrier_values(plan: i64, barriers: &[String]) -> impl Iterator<Item = Vec<Value<'_>>> {
    barriers
        .iter()
        .map(move |barrier| vec![Value::Int(plan), Value::Text(barrier)])
}

fn step_values(plan: i64, number: i64, position: i64, step: &StepDraft) -> Vec<Value<'_>> {
    vec![
        Value::Int(plan),
        Value::Int(number),
        Value::Int(position),
        Value::Text(&step.kind),
        Value::Text(&step.title),
        Value::Text(&step.why),
        Value::Text(&step.action),
        Value::Text(&step.resources),
        Value::Text(&step.guide),
        Value::Date(step.due_on),
        Value::Int(i64::from(step.own_title)),
        Value::Int(i64::from(step.own_due)),
    ]
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    fn plan(key: Option<&str>) -> NewPlan {
        NewPlan {
            id: crate::ids::new_id(),
            share_id: crate::ids::new_id(),
            idempotency_key: key.map(str::to_owned),
            answers: Answers {
                current_job: "Cashier".into(),
                target_career: "Chef".into(),
                rungs: vec!["Prep cook".into(), "Line cook".into()],
                interests: String::new(),
                strengths: String::new(),
                horizon_months: 12,
                barriers: vec!["money".into()],
            },
            created_on: date!(2026 - 01 - 01),
            review_on: date!(2026 - 04 - 01),
            steps: (0..20)
                .map(|i| StepDraft {
                    number: None,
                    kind: "custom".into(),
                    title: format!("Step {i}"),
                    why: String::new(),
                    action: String::new(),
                    resources: String::new(),
                    guide: String::new(),
                    due_on: Some(date!(2026 - 02 - 01)),
                    own_title: true,
                    own_due: true,
                })
                .collect(),
        }
    }

    async fn store(dir: &tempfile::TempDir) -> Store {
        Store::open(&dir.path().join("ladder.db")).await.unwrap()
    }

    #[tokio::test]
    async fn plans_saved_together_keep_their_rows_and_a_repeated_key_makes_one_plan() {
        let dir = tempfile::tempdir().unwrap();
        let store = store(&dir).await;
        let (a, b, c) = (plan(Some("k1")), plan(Some("k1")), plan(None));
        let a_id = a.id.clone();

        let (ra, rb, rc) = tokio::join!(
            store.create_plan(a),
            store.create_plan(b),
            store.create_plan(c)
        );
        let again = store.create_plan(plan(Some("k1"))).await.unwrap();

        assert_eq!(ra.unwrap(), a_id);
        assert_eq!(rb.unwrap(), a_id, "same key, same plan");
        assert_eq!(again, a_id);
        let found = store.find_plan(&rc.unwrap()).await.unwrap().unwrap();
        assert_eq!(found.rungs, ["Prep cook", "Line cook"]);
        assert_eq!(found.barriers, ["money"]);
        assert_eq!(
            found.steps.len(),
            20,
            "more steps than one insert statement holds"
        );
        assert_eq!(found.steps[19].title, "Step 19");
        assert_eq!(store.count_rows("plans").await.unwrap(), 2);
    }

    #[tokio::test]
    async fn step_changes_sent_together_apply_in_order_and_report_unknown_steps() {
        let dir = tempfile::tempdir().unwrap();
        let store = store(&dir).await;
        let id = store.create_plan(plan(None)).await.unwrap();
        let change = |status: Option<&'static str>, note: Option<&str>| StepChange {
            status,
            note: note.map(str::to_owned),
        };

        let (first, second, unknown, other_plan) = tokio::join!(
            store.update_step(id.clone(), 1, change(Some("doing"), Some("first"))),
            store.update_step(id.clone(), 1, change(Some("done"), None)),
            store.update_step(id.clone(), 99, change(Some("done"), None)),
            store.update_step("nope".into(), 1, change(Some("done"), None)),
        );

        assert!(first.unwrap() && second.unwrap());
        assert!(!unknown.unwrap() && !other_plan.unwrap());
        let step = &store.find_plan(&id).await.unwrap().unwrap().steps[0];
        assert_eq!(
            (step.status.as_str(), step.note.as_str()),
            ("done", "first")
        );
    }

    #[tokio::test]
    async fn a_new_step_never_takes_the_number_of_a_removed_one() {
        let dir = tempfile::tempdir().unwrap();
        let store = store(&dir).await;
        let made = plan(None);
        let (answers, template) = (made.answers.clone(), made.steps[0].clone());
        let id = store.create_plan(made).await.unwrap();
        let edit = |record: PlanRecord, keep: &dyn Fn(i64) -> bool, add: bool| PlanEdit {
            id: id.clone(),
            version: record.plan.version,
            answers: answers.clone(),
            review_on: record.plan.review_on,
            steps: record
                .steps
                .iter()
                .filter(|s| keep(s.number))
                .map(|s| StepDraft {
                    number: Some(s.number),
                    title: s.title.clone(),
                    ..template.clone()
                })
                .chain(add.then(|| StepDraft {
                    title: "Added".into(),
                    ..template.clone()
                }))
                .collect(),
        };
        let numbers =
            |record: &PlanRecord| -> Vec<i64> { record.steps.iter().map(|s| s.number).collect() };

        let record = store.find_plan(&id).await.unwrap().unwrap();
        let removed = edit(record, &|n| n != 20, false);
        assert_eq!(store.edit_plan(removed).await.unwrap(), EditOutcome::Saved);
        let record = store.find_plan(&id).await.unwrap().unwrap();
        assert_eq!(numbers(&record), (1..=19).collect::<Vec<_>>());
        let added = edit(record, &|_| true, true);
        assert_eq!(store.edit_plan(added).await.unwrap(), EditOutcome::Saved);

        let record = store.find_plan(&id).await.unwrap().unwrap();
        assert_eq!(record.steps.last().unwrap().number, 21, "20 stays retired");
        assert_eq!(record.steps.last().unwrap().title, "Added");
        let again = edit(record, &|n| n != 21, true);
        assert_eq!(store.edit_plan(again).await.unwrap(), EditOutcome::Saved);
        let record = store.find_plan(&id).await.unwrap().unwrap();
        assert_eq!(record.steps.last().unwrap().number, 22);
    }
}
