//! Plans, their rungs, barriers and steps. Every write that touches several rows is one
//! transaction, so a plan is saved whole or not at all.

use sqlx::{AssertSqlSafe, SqliteConnection};
use time::Date;

use super::Store;

/// The query for one plan row, `where` clause appended: a literal, as sqlx asks of SQL.
macro_rules! select_plan {
    ($filter:literal) => {
        concat!(
            "select id, share_id, current_job, target_career, interests, strengths, ",
            "horizon_months, created_on, review_on, version from plans ",
            $filter
        )
    };
}

/// A plan's own row.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PlanRow {
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
    /// is written and the id of the plan that key made is returned instead.
    pub async fn create_plan(&self, plan: NewPlan) -> sqlx::Result<String> {
        self.write
            .write(move |conn| Box::pin(async move { insert_plan(conn, &plan).await }))
            .await
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
        let Some(plan) = row else { return Ok(None) };
        let rungs =
            sqlx::query_scalar("select title from rungs where plan_id = ? order by position")
                .bind(&plan.id)
                .fetch_all(&self.reader)
                .await?;
        let barriers = sqlx::query_scalar("select barrier from barriers where plan_id = ?")
            .bind(&plan.id)
            .fetch_all(&self.reader)
            .await?;
        let steps = sqlx::query_as::<_, StepRow>(
            r"select number, position, kind, title, why, action, resources, guide, due_on, status,
                     note
              from steps where plan_id = ? order by position, number",
        )
        .bind(&plan.id)
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
        self.write
            .write(move |conn| {
                Box::pin(async move {
                    let result = sqlx::query(
                        r"update steps set status = coalesce(?, status), note = coalesce(?, note)
                          where plan_id = ? and number = ?",
                    )
                    .bind(change.status)
                    .bind(&change.note)
                    .bind(&id)
                    .bind(number)
                    .execute(&mut *conn)
                    .await?;
                    Ok(result.rows_affected() == 1)
                })
            })
            .await
    }

    /// Replaces a plan's answers, review date and steps, if nobody saved it since `version`.
    /// Steps missing from `steps` are deleted; listed ones keep their status and note.
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

async fn insert_plan(conn: &mut SqliteConnection, plan: &NewPlan) -> sqlx::Result<String> {
    if let Some(key) = &plan.idempotency_key {
        let existing: Option<String> =
            sqlx::query_scalar("select id from plans where idempotency_key = ?")
                .bind(key)
                .fetch_optional(&mut *conn)
                .await?;
        if let Some(id) = existing {
            return Ok(id);
        }
    }
    let a = &plan.answers;
    sqlx::query(
        r"insert into plans (id, share_id, current_job, target_career, interests, strengths,
              horizon_months, created_on, review_on, idempotency_key)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&plan.id)
    .bind(&plan.share_id)
    .bind(&a.current_job)
    .bind(&a.target_career)
    .bind(&a.interests)
    .bind(&a.strengths)
    .bind(a.horizon_months)
    .bind(plan.created_on)
    .bind(plan.review_on)
    .bind(&plan.idempotency_key)
    .execute(&mut *conn)
    .await?;
    insert_rungs_and_barriers(conn, &plan.id, a).await?;
    let numbered: Vec<(i64, i64, &StepDraft)> = plan
        .steps
        .iter()
        .enumerate()
        .map(|(index, step)| (index as i64 + 1, index as i64 + 1, step))
        .collect();
    insert_steps(conn, &plan.id, &numbered).await?;
    Ok(plan.id.clone())
}

async fn apply_edit(conn: &mut SqliteConnection, edit: &PlanEdit) -> sqlx::Result<EditOutcome> {
    let (id, answers) = (&edit.id, &edit.answers);
    let updated = sqlx::query(
        r"update plans set current_job = ?, target_career = ?, interests = ?, strengths = ?,
              horizon_months = ?, review_on = ?, version = version + 1,
              updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
          where id = ? and version = ?",
    )
    .bind(&answers.current_job)
    .bind(&answers.target_career)
    .bind(&answers.interests)
    .bind(&answers.strengths)
    .bind(answers.horizon_months)
    .bind(edit.review_on)
    .bind(id)
    .bind(edit.version)
    .execute(&mut *conn)
    .await?;
    if updated.rows_affected() == 0 {
        let exists: Option<i64> = sqlx::query_scalar("select 1 from plans where id = ?")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
        return Ok(if exists.is_some() {
            EditOutcome::Stale
        } else {
            EditOutcome::NotFound
        });
    }
    for sql in [
        "delete from rungs where plan_id = ?",
        "delete from barriers where plan_id = ?",
    ] {
        sqlx::query(sql).bind(id).execute(&mut *conn).await?;
    }
    insert_rungs_and_barriers(conn, id, answers).await?;

    let existing: Vec<i64> = sqlx::query_scalar("select number from steps where plan_id = ?")
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
    let kept: Vec<i64> = edit.steps.iter().filter_map(|s| s.number).collect();
    for number in existing.iter().filter(|n| !kept.contains(n)) {
        sqlx::query("delete from steps where plan_id = ? and number = ?")
            .bind(id)
            .bind(number)
            .execute(&mut *conn)
            .await?;
    }
    let mut next = existing.iter().max().copied().unwrap_or(0) + 1;
    let mut new_steps = Vec::new();
    for (index, step) in edit.steps.iter().enumerate() {
        let position = index as i64 + 1;
        match step.number.filter(|n| existing.contains(n)) {
            Some(number) => {
                sqlx::query(
                    r"update steps set position = ?, kind = ?, title = ?, why = ?, action = ?,
                          resources = ?, guide = ?, due_on = ?
                      where plan_id = ? and number = ?",
                )
                .bind(position)
                .bind(&step.kind)
                .bind(&step.title)
                .bind(&step.why)
                .bind(&step.action)
                .bind(&step.resources)
                .bind(&step.guide)
                .bind(step.due_on)
                .bind(id)
                .bind(number)
                .execute(&mut *conn)
                .await?;
            }
            None => {
                new_steps.push((next, position, step));
                next += 1;
            }
        }
    }
    insert_steps(conn, id, &new_steps).await?;
    Ok(EditOutcome::Saved)
}

async fn insert_rungs_and_barriers(
    conn: &mut SqliteConnection,
    id: &str,
    answers: &Answers,
) -> sqlx::Result<()> {
    for (index, title) in answers.rungs.iter().enumerate() {
        sqlx::query("insert into rungs (plan_id, position, title) values (?, ?, ?)")
            .bind(id)
            .bind(index as i64 + 1)
            .bind(title)
            .execute(&mut *conn)
            .await?;
    }
    for barrier in &answers.barriers {
        sqlx::query("insert into barriers (plan_id, barrier) values (?, ?)")
            .bind(id)
            .bind(barrier)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Inserts `(number, position, step)` rows in one statement: a plan's dozen steps cost one
/// round trip to SQLite instead of a dozen.
async fn insert_steps(
    conn: &mut SqliteConnection,
    id: &str,
    steps: &[(i64, i64, &StepDraft)],
) -> sqlx::Result<()> {
    if steps.is_empty() {
        return Ok(());
    }
    // Only placeholders are repeated; every value is bound, never spliced into the SQL.
    let rows = vec!["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"; steps.len()].join(", ");
    let sql = format!(
        "insert into steps (plan_id, number, position, kind, title, why, action, resources, \
         guide, due_on) values {rows}"
    );
    let mut query = sqlx::query(AssertSqlSafe(sql));
    for (number, position, step) in steps {
        query = query
            .bind(id)
            .bind(*number)
            .bind(*position)
            .bind(&step.kind)
            .bind(&step.title)
            .bind(&step.why)
            .bind(&step.action)
            .bind(&step.resources)
            .bind(&step.guide)
            .bind(step.due_on);
    }
    query.execute(&mut *conn).await?;
    Ok(())
}
