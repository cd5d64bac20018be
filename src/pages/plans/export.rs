//! Exports: `plan.ics` (the dates as a calendar) and `plan.md` (the whole plan as Markdown).

use axum::{
    extract::State,
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};
use chrono::NaiveDate;
use icalendar::{Calendar, Component, EventLike};

use super::{load_plan, load_shared_plan, view::PlanView};
use crate::{AppState, error::Result, extract::PathParams, plans::long_date};

pub async fn plan_ics(
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let record = load_plan(&state, &id).await?;
    Ok(calendar_response(&PlanView::new(&record)))
}

/// The same calendar from the read-only side, so a calendar app can subscribe without ever
/// holding the edit link.
pub async fn shared_plan_ics(
    State(state): State<AppState>,
    PathParams(share_id): PathParams<String>,
) -> Result<Response> {
    let record = load_shared_plan(&state, &share_id).await?;
    Ok(calendar_response(&PlanView::new(&record)))
}

pub async fn plan_md(
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let record = load_plan(&state, &id).await?;
    let body = markdown(&PlanView::new(&record));
    Ok(download(
        body,
        "text/markdown; charset=utf-8",
        "career-plan.md",
    ))
}

fn calendar_response(plan: &PlanView) -> Response {
    download(
        calendar(plan),
        "text/calendar; charset=utf-8",
        "career-plan.ics",
    )
}

fn download(body: String, content_type: &'static str, name: &'static str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    let disposition = format!("inline; filename=\"{name}\"");
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// The end of an all-day event: RFC 5545 counts DTEND out, so a one-day event ends the next day
/// (the crate's `all_day` sets both to the same day, which strict readers refuse).
fn day_after(date: NaiveDate) -> NaiveDate {
    date.succ_opt().unwrap_or(date)
}

fn naive(date: time::Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(
        date.year(),
        u32::from(u8::from(date.month())),
        u32::from(date.day()),
    )
}

/// Each dated step as an all-day event, plus the review date. The icalendar crate escapes
/// commas, semicolons, backslashes and line breaks in text, and folds long lines.
pub fn calendar(plan: &PlanView) -> String {
    let mut calendar = Calendar::new();
    calendar.name(&format!(
        "Career plan: {} to {}",
        plan.current_job, plan.target_career
    ));
    // UIDs come from the share id, never the edit id: a calendar file gets passed around.
    for step in &plan.steps {
        let Some(date) = step.due.and_then(naive) else {
            continue;
        };
        let mut description = step.action.clone();
        if !step.note.is_empty() {
            description.push_str(&format!("\n\nNote: {}", step.note));
        }
        calendar.push(
            icalendar::Event::new()
                .uid(&format!("{}-step-{}@ladder", plan.share_id, step.number))
                .summary(&step.title)
                .description(&description)
                .starts(date)
                .ends(day_after(date))
                .done(),
        );
    }
    if let Some(date) = naive(plan.review_on) {
        calendar.push(
            icalendar::Event::new()
                .uid(&format!("{}-review@ladder", plan.share_id))
                .summary("Review my career plan")
                .description("Look at your plan again: tick what you did and adjust the rest.")
                .starts(date)
                .ends(day_after(date))
                .done(),
        );
    }
    calendar.done().to_string()
}

/// Escapes text for Markdown: punctuation Markdown could read as syntax gets a backslash, and
/// `<`, `>`, `&` become entities so no reader renders them as HTML.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '.'
            | '!' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("  \n"),
            _ => out.push(c),
        }
    }
    out
}

/// The plan as Markdown, with statuses and notes.
pub fn markdown(plan: &PlanView) -> String {
    let e = escape_markdown;
    let mut out = format!(
        "# Career plan: {} to {}\n\nMade on {}. Review it on {}. Time frame: {}.\n\n",
        e(&plan.current_job),
        e(&plan.target_career),
        long_date(plan.created_on),
        long_date(plan.review_on),
        e(&plan.horizon),
    );
    out.push_str("## Career ladder\n\n");
    for (index, rung) in plan.ladder_top_down().iter().rev().enumerate() {
        out.push_str(&format!("{}. {}\n", index + 1, e(rung)));
    }
    out.push_str(&format!(
        "\n## Steps ({} of {} done)\n\n",
        plan.done(),
        plan.steps.len()
    ));
    for (index, step) in plan.steps.iter().enumerate() {
        let check = if step.is_done() { "x" } else { " " };
        out.push_str(&format!("### {}. {}\n\n", index + 1, e(&step.title)));
        out.push_str(&format!("- [{check}] Status: {}\n", step.status.label()));
        if let Some(due) = step.due {
            out.push_str(&format!("- Aim for: {}\n", long_date(due)));
        }
        out.push('\n');
        if !step.why.is_empty() {
            out.push_str(&format!("Why it matters: {}\n\n", e(&step.why)));
        }
        if !step.action.is_empty() {
            out.push_str(&format!("This month: {}\n\n", e(&step.action)));
        }
        if !step.note.is_empty() {
            out.push_str(&format!("Note: {}\n\n", e(&step.note)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escaping_neutralises_html_and_syntax() {
        assert_eq!(escape_markdown("<b>x</b>"), "&lt;b&gt;x&lt;/b&gt;");
        assert_eq!(
            escape_markdown("[a](javascript:x)"),
            "\\[a\\]\\(javascript:x\\)"
        );
        assert_eq!(escape_markdown("# *hi*"), "\\# \\*hi\\*");
    }
}
