//! Splits a guide file into its TOML front matter (between two `+++` lines) and Markdown body.

use serde::Deserialize;

/// What a guide says about itself above its body.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    pub summary: String,
    pub order: u32,
    #[serde(default)]
    pub related: Vec<String>,
    #[serde(default)]
    pub sources: Vec<Source>,
}

/// One article or reference a guide takes its facts from.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub name: String,
    #[serde(default)]
    pub url: Option<String>,
}

/// Why a guide file could not be read.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum FrontMatterError {
    #[error("the file does not start with a `+++` line")]
    MissingOpening,
    #[error("the front matter has no closing `+++` line")]
    MissingClosing,
    #[error("the front matter is not valid: {0}")]
    Invalid(String),
}

/// Returns the front matter and the Markdown body that follows it.
pub fn split(source: &str) -> Result<(FrontMatter, &str), FrontMatterError> {
    let rest = source
        .strip_prefix("+++\n")
        .or_else(|| source.strip_prefix("+++\r\n"))
        .ok_or(FrontMatterError::MissingOpening)?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let front = toml::from_str(&rest[..offset])
                .map_err(|e| FrontMatterError::Invalid(e.message().to_owned()))?;
            return Ok((front, &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    Err(FrontMatterError::MissingClosing)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "+++\ntitle = \"A\"\nsummary = \"B\"\norder = 2\nrelated = [\"x\"]\n\n[[sources]]\nname = \"S\"\n+++\n\nBody text\n";

    #[test]
    fn a_well_formed_file_gives_its_fields_and_the_body_after_the_closing_line() {
        let (front, body) = split(GOOD).unwrap();

        assert_eq!(front.title, "A");
        assert_eq!(front.summary, "B");
        assert_eq!(front.order, 2);
        assert_eq!(front.related, ["x"]);
        assert_eq!(
            front.sources,
            [Source {
                name: "S".into(),
                url: None
            }]
        );
        assert_eq!(body, "\nBody text\n");
    }

    #[test]
    fn windows_line_endings_are_accepted() {
        let source = GOOD.replace('\n', "\r\n");

        let (front, body) = split(&source).unwrap();

        assert_eq!(front.title, "A");
        assert!(body.contains("Body text"));
    }

    #[test]
    fn a_file_without_front_matter_is_refused() {
        assert_eq!(
            split("# Title\n").unwrap_err(),
            FrontMatterError::MissingOpening
        );
    }

    #[test]
    fn an_unclosed_front_matter_is_refused() {
        assert_eq!(
            split("+++\ntitle = \"A\"\n").unwrap_err(),
            FrontMatterError::MissingClosing
        );
    }

    #[test]
    fn a_missing_field_or_an_unknown_one_is_refused() {
        let missing = split("+++\ntitle = \"A\"\n+++\n");
        let unknown = split("+++\ntitle = \"A\"\nsummary = \"B\"\norder = 1\ncolour = 1\n+++\n");

        assert!(matches!(missing, Err(FrontMatterError::Invalid(_))));
        assert!(matches!(unknown, Err(FrontMatterError::Invalid(_))));
    }
}
