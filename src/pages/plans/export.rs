//! Exports: `plan.ics` (the dates as a calendar) and `plan.md` (the whole plan as Markdown).

use axum::{
    extract::State,
    http::{HeaderMap, HeaderValue, header},
    response::{IntoResponse, Response},
};
use chrono::NaiveDate;
use icalendar::{Calendar, Component, EventLike, Property};

use super::{load_plan, load_shared_plan, site_origin, view::PlanView};
use crate::{
    AppState, error::Result, extract::PathParams, ids, plans::long_date, store::plans::PlanRecord,
};

pub async fn plan_ics(
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let record = load_plan(&state, &id).await?;
    Ok(calendar_response(&record))
}

/// The same calendar from the read-only side, so a calendar app can subscribe without ever
/// holding the edit link.
pub async fn shared_plan_ics(
    State(state): State<AppState>,
    PathParams(share_id): PathParams<String>,
) -> Result<Response> {
    let record = load_shared_plan(&state, &share_id).await?;
    Ok(calendar_response(&record))
}

pub async fn plan_md(
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    headers: HeaderMap,
) -> Result<Response> {
    let record = load_plan(&state, &id).await?;
    let origin = site_origin(&headers, state.config.https);
    let body = markdown(&PlanView::new(&record), &origin);
    // Saved as a file: a phone would otherwise show the raw text.
    Ok(download(
        body,
        "text/markdown; charset=utf-8",
        "attachment; filename=\"career-plan.md\"",
    ))
}

fn calendar_response(record: &PlanRecord) -> Response {
    download(
        calendar(&PlanView::new(record), &event_key(&record.plan.id)),
        "text/calendar; charset=utf-8",
        // Inline: a phone hands a calendar straight to its calendar app.
        "inline; filename=\"career-plan.ics\"",
    )
}

fn download(body: String, content_type: &'static str, disposition: &'static str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static(disposition),
    );
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

/// The stem of a plan's event UIDs: a one-way hash of the edit id, so the UIDs stay the same
/// when the share link is renewed (a calendar that imports the file again updates its events
/// instead of doubling them) while the file, which gets passed around, never holds the edit id.
pub fn event_key(plan_id: &str) -> String {
    ids::fingerprint(["ladder calendar", plan_id])
}

/// Each dated step as an all-day event, plus the review date; `key` (see [`event_key`]) makes
/// the UIDs. The icalendar crate escapes commas, semicolons, backslashes and line breaks in
/// text, and folds long lines.
pub fn calendar(plan: &PlanView, key: &str) -> String {
    let mut calendar = Calendar::new();
    let name = format!(
        "Career plan: {} to {}",
        plan.current_job, plan.target_career
    );
    // The crate escapes NAME only when told that its value is text.
    calendar.append_property(
        Property::new("NAME", &name)
            .add_parameter("VALUE", "TEXT")
            .done(),
    );
    calendar.append_property(Property::new("X-WR-CALNAME", &name));
    for step in &plan.steps {
        let Some(date) = step.due.and_then(naive) else {
            continue;
        };
        let mut description = step.action.clone();
        if !step.note.is_empty() {
            description.push_str(&format!("\n\nNote: {}", step.note));
        }
        let mut event = icalendar::Event::new();
        event
            .uid(&format!("{key}-step-{}@ladder", step.number))
            .summary(&step.title)
            .starts(date)
            .ends(day_after(date));
        // A step of the person's own has no wording of ours: no empty DESCRIPTION line.
        if !description.is_empty() {
            event.description(&description);
        }
        calendar.push(event.done());
    }
    if let Some(date) = naive(plan.review_on) {
        calendar.push(
            icalendar::Event::new()
                .uid(&format!("{key}-review@ladder"))
                .summary("Review my career plan")
                .description("Look at your plan again: tick what you did and adjust the rest.")
                .starts(date)
                .ends(day_after(date))
                .done(),
        );
    }
    calendar.done().to_string()
}

/// Escapes text for Markdown so it reads as typed and nothing in it becomes markup: characters
/// that start syntax anywhere (links, emphasis, code, HTML, tables) get a backslash, which
/// CommonMark allows before any punctuation; list, heading and quote markers only at the start
/// of a line, where they mean something; `&` only where it could begin an entity.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    let mut line_start = true;
    // In "12. " at the start of a line the full stop is what makes a list.
    let mut leading_digits = false;
    while let Some(c) = chars.next() {
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => true,
            '&' => chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#'),
            '#' | '-' | '+' | '=' => line_start,
            '.' | ')' => leading_digits,
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        if c == '\n' {
            // Two spaces keep the person's line break in the rendered text.
            out.push_str("  \n");
        } else {
            out.push(c);
        }
        leading_digits = match c {
            '0'..='9' => line_start || leading_digits,
            _ => false,
        };
        line_start = c == '\n' || (line_start && c == ' ');
    }
    out
}

/// The plan as Markdown, with statuses, resources and notes; `origin` (`http://host`, or empty)
/// makes links to our own pages whole.
pub fn markdown(plan: &PlanView, origin: &str) -> String {
    let e = escape_markdown;
    let mut out = format!(
        "# Career plan: {} to {}\n\nMade on {}. Review it on {}. Time frame: {}.\n\n",
        e(&plan.current_job),
        e(&plan.target_career),
        long_date(plan.created_on),
        long_date(plan.review_on),
        e(&plan.horizon),
    );
    if !plan.barriers.is_empty() {
        out.push_str(&format!(
            "Working around: {}.\n\n",
            e(&plan.barriers.join(", "))
        ));
    }
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
        if !step.resources.is_empty() {
            out.push_str("Help for this step:\n\n");
            for r in &step.resources {
                out.push_str(&format!("- {}: {}", e(r.name), e(r.what)));
                // Our own pages need the site's address to work from a downloaded file.
                if r.is_external() {
                    out.push_str(&format!(" <{}>", r.url));
                } else if !origin.is_empty() {
                    out.push_str(&format!(" <{origin}{}>", r.url));
                }
                out.push('\n');
            }
            out.push('\n');
        }
        if !step.note.is_empty() {
            out.push_str(&format!("Note: {}\n\n", e(&step.note)));
        }
    }
    if !plan.interests.is_empty() || !plan.strengths.is_empty() {
        out.push_str("## What you told us\n\n");
        if !plan.interests.is_empty() {
            out.push_str(&format!("You enjoy: {}\n\n", e(&plan.interests)));
        }
        if !plan.strengths.is_empty() {
            out.push_str(&format!("You are good at: {}\n\n", e(&plan.strengths)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escaping_neutralises_html_and_syntax() {
        assert_eq!(escape_markdown("<b>x</b>"), "\\<b\\>x\\</b\\>");
        assert_eq!(
            escape_markdown("[a](javascript:x)"),
            "\\[a\\](javascript:x)"
        );
        assert_eq!(escape_markdown("# *hi*"), "\\# \\*hi\\*");
        assert_eq!(escape_markdown("&amp; &#60;"), "\\&amp; \\&#60;");
        assert_eq!(
            escape_markdown("ok\n- item\n 2. two"),
            "ok  \n\\- item  \n 2\\. two"
        );
    }

    #[test]
    fn markdown_escaping_leaves_ordinary_punctuation_alone() {
        let text = "Call the YMCA & ask (soon). Part-time, nights - 3.5 hours!";
        assert_eq!(escape_markdown(text), text);
    }
}
