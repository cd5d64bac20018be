//! Turns a guide's Markdown into HTML with an id on every heading, measures reading time, and
//! cuts the text into sections (one per h2 or h3) for the search index.

use pulldown_cmark::{Alignment, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// One entry of a guide's table of contents.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// The plain text under one heading, or before the first one: one row of the search index.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The heading's id, to link to; `None` for the intro above the first h2 or h3.
    pub id: Option<String>,
    /// The heading as plain text; empty for the intro.
    pub heading: String,
    /// Everything up to the next h2 or h3 as plain text, whitespace collapsed, no markup.
    pub text: String,
}

/// A guide body rendered to HTML, with its headings and plain text (for search and timing).
#[derive(Debug, Clone)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    pub sections: Vec<Section>,
    pub words: usize,
}

/// Words a minute for an ordinary adult reader reading plain prose.
const WORDS_PER_MINUTE: usize = 200;

/// Minutes to read `words` words, rounded up, never less than one.
pub fn reading_minutes(words: usize) -> usize {
    words.div_ceil(WORDS_PER_MINUTE).max(1)
}

/// A heading's anchor: lowercase ASCII letters and digits, every other run of characters one `-`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// Renders Markdown (with tables) to HTML, giving h2 and h3 headings unique ids for the table of
/// contents and wrapping tables so they scroll sideways on a narrow phone instead of the page.
pub fn render(markdown: &str) -> Rendered {
    let options = Options::ENABLE_TABLES | Options::ENABLE_SMART_PUNCTUATION;
    let mut events: Vec<Event> = Parser::new_ext(markdown, options).collect();
    let mut headings = Vec::new();
    let mut words = 0;

    let mut open_heading: Option<(usize, String)> = None;
    for (index, event) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::Heading { .. }) => open_heading = Some((index, String::new())),
            Event::Text(text) | Event::Code(text) => {
                words += text.split_whitespace().count();
                if let Some((_, heading_text)) = open_heading.as_mut() {
                    heading_text.push_str(text);
                }
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some((start, text)) = open_heading.take() {
                    headings.push((start, *level, text));
                }
            }
            _ => {}
        }
    }

    let mut toc = Vec::new();
    for (start, level, text) in headings {
        let mut id = slugify(&text);
        if id.is_empty() {
            id = "section".to_owned();
        }
        let base = id.clone();
        let mut n = 2;
        while toc.iter().any(|h: &Heading| h.id == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[start] {
            *slot = Some(CowStr::from(id.clone()));
        }
        if matches!(level, HeadingLevel::H2 | HeadingLevel::H3) {
            toc.push(Heading {
                level: level as u8,
                id,
                text,
            });
        }
    }

    let sections = sections(&events);
    // Where the writer is in a table: past its header row, and which cell of the row comes next.
    // `plain`: no column is aligned, so a cell written by hand loses nothing.
    let (mut plain, mut in_body, mut cell) = (false, false, 0);
    let events = events.into_iter().flat_map(move |event| match event {
        Event::Start(Tag::Table(ref alignments)) => {
            plain = alignments.iter().all(|a| *a == Alignment::None);
            in_body = false;
            vec![
                Event::Html(CowStr::from("<div class=\"table-wrap\">")),
                event,
            ]
        }
        Event::End(TagEnd::Table) => vec![event, Event::Html(CowStr::from("</div>"))],
        Event::End(TagEnd::TableHead) => {
            in_body = true;
            vec![event]
        }
        Event::Start(Tag::TableRow) => {
            cell = 0;
            vec![event]
        }
        // The first cell of a body row names the row, as the header cells name the columns, so a
        // screen reader can say "Timeframe, Job: …" rather than a bare cell.
        Event::Start(Tag::TableCell) if plain && in_body && cell == 0 => {
            cell += 1;
            vec![Event::Html(CowStr::from("<th scope=\"row\">"))]
        }
        Event::End(TagEnd::TableCell) if plain && in_body && cell == 1 => {
            cell += 1;
            vec![Event::Html(CowStr::from("</th>"))]
        }
        Event::Start(Tag::TableCell) => {
            cell += 1;
            vec![event]
        }
        other => vec![other],
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    Rendered {
        html: out,
        headings: toc,
        sections,
        words,
    }
}

/// Cuts the events (with heading ids already set) into sections at every h2 and h3. Smaller
/// headings stay inside their section's text, as they do in the table of contents.
fn sections(events: &[Event]) -> Vec<Section> {
    let mut sections = vec![Section {
        id: None,
        heading: String::new(),
        text: String::new(),
    }];
    let mut in_heading = false;
    for event in events {
        // `sections` is never empty: it starts with the intro.
        let Some(section) = sections.last_mut() else {
            break;
        };
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2 | HeadingLevel::H3,
                id,
                ..
            }) => {
                in_heading = true;
                sections.push(Section {
                    id: id.as_ref().map(ToString::to_string),
                    heading: String::new(),
                    text: String::new(),
                });
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2 | HeadingLevel::H3)) => in_heading = false,
            Event::Text(text) | Event::Code(text) if in_heading => section.heading.push_str(text),
            Event::Text(text) | Event::Code(text) => section.text.push_str(text),
            // Text split across events ("O", "*NET") joins without a gap; line breaks and the
            // ends of blocks (paragraphs, list items, table cells) separate words.
            Event::SoftBreak | Event::HardBreak => section.text.push(' '),
            Event::End(end) if !in_heading && !is_inline(*end) => section.text.push(' '),
            _ => {}
        }
    }
    for section in &mut sections {
        section.heading = collapse_whitespace(&section.heading);
        section.text = collapse_whitespace(&section.text);
    }
    sections.retain(|section| section.id.is_some() || !section.text.is_empty());
    sections
}

/// Whether a tag sits inside a line of text (emphasis, a link), so its end does not end a word.
fn is_inline(end: TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_time_rounds_up_and_is_at_least_a_minute() {
        assert_eq!(reading_minutes(0), 1);
        assert_eq!(reading_minutes(200), 1);
        assert_eq!(reading_minutes(201), 2);
        assert_eq!(reading_minutes(1000), 5);
    }

    #[test]
    fn slugs_keep_ascii_letters_and_digits_and_join_the_rest_with_one_dash() {
        assert_eq!(slugify("What you exchange"), "what-you-exchange");
        assert_eq!(slugify("O*NET OnLine"), "o-net-online");
        assert_eq!(slugify("  Step 2: Network!  "), "step-2-network");
        assert_eq!(slugify("Café"), "caf");
    }

    #[test]
    fn headings_get_ids_that_the_table_of_contents_links_to() {
        let rendered = render("Intro\n\n## Know your path\n\ntext\n\n### Sub part\n\n#### Deep\n");

        assert!(
            rendered
                .html
                .contains("<h2 id=\"know-your-path\">Know your path</h2>")
        );
        assert!(rendered.html.contains("<h3 id=\"sub-part\">"));
        let ids: Vec<_> = rendered.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["know-your-path", "sub-part"]);
        assert_eq!(rendered.headings[1].level, 3);
    }

    #[test]
    fn repeated_headings_get_distinct_ids() {
        let rendered = render("## Money\n\n## Money\n");

        let ids: Vec<_> = rendered.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["money", "money-2"]);
    }

    #[test]
    fn tables_render_as_html_tables_inside_a_scroll_wrapper() {
        let rendered = render("| | Job | Career |\n|---|---|---|\n| Timeframe | short | long |\n");

        assert!(rendered.html.contains("<div class=\"table-wrap\"><table>"));
        assert!(rendered.html.contains("<th>Career</th>"));
        assert!(
            rendered.html.contains("</table>\n</div>") || rendered.html.contains("</table></div>")
        );
    }

    #[test]
    fn the_first_cell_of_each_body_row_is_that_rows_header() {
        let rendered = render(
            "| | Job | Career |\n|---|---|---|\n| Timeframe | short | long |\n| Purpose | *pay* | grow |\n",
        );

        assert!(
            rendered
                .html
                .contains("<th scope=\"row\">Timeframe</th><td>short</td><td>long</td>"),
            "{}",
            rendered.html
        );
        assert!(
            rendered
                .html
                .contains("<th scope=\"row\">Purpose</th><td><em>pay</em></td>")
        );
        assert!(rendered.html.contains("<thead><tr><th></th><th>Job</th>"));
    }

    #[test]
    fn a_table_with_aligned_columns_keeps_its_cells_as_written() {
        let rendered = render("| Step | Cost |\n|---|--:|\n| Course | 40 |\n");

        assert!(
            rendered
                .html
                .contains("<td>Course</td><td style=\"text-align: right\">40</td>"),
            "{}",
            rendered.html
        );
    }

    #[test]
    fn the_intro_and_each_h2_or_h3_become_a_section_of_plain_text() {
        let rendered = render(
            "Some *intro* text.\n\n## Know your path\n\nFirst [link](/x). Here\n\n- one\n- two\n\n### Sub part\n\nDeep `code`.\n",
        );

        assert_eq!(
            rendered.sections,
            [
                Section {
                    id: None,
                    heading: String::new(),
                    text: "Some intro text.".into(),
                },
                Section {
                    id: Some("know-your-path".into()),
                    heading: "Know your path".into(),
                    text: "First link. Here one two".into(),
                },
                Section {
                    id: Some("sub-part".into()),
                    heading: "Sub part".into(),
                    text: "Deep code.".into(),
                },
            ]
        );
    }

    #[test]
    fn a_body_that_starts_with_a_heading_has_no_intro_section() {
        let rendered = render("## Money\n\nSave a little.\n");

        let ids: Vec<_> = rendered.sections.iter().map(|s| s.id.as_deref()).collect();
        assert_eq!(ids, [Some("money")]);
    }

    #[test]
    fn section_ids_are_the_same_as_the_table_of_contents_ids() {
        let rendered = render("## Money\n\na\n\n## Money\n\nb\n");

        let section_ids: Vec<_> = rendered
            .sections
            .iter()
            .filter_map(|s| s.id.clone())
            .collect();
        let toc_ids: Vec<_> = rendered.headings.iter().map(|h| h.id.clone()).collect();
        assert_eq!(section_ids, toc_ids);
    }

    #[test]
    fn smaller_headings_tables_and_escapes_stay_in_the_section_text() {
        let rendered = render(
            "## Tools\n\n#### O\\*NET OnLine\n\n| Rung | Job |\n|---|---|\n| 1 | Firefighter |\n",
        );

        assert_eq!(rendered.sections.len(), 1);
        assert_eq!(
            rendered.sections[0].text,
            "O*NET OnLine Rung Job 1 Firefighter"
        );
    }

    #[test]
    fn words_are_counted_across_text() {
        assert_eq!(render("One two *three*\n\n## Four five").words, 5);
    }
}
