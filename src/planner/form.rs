//! The planner form: raw fields as typed, and parsing them into a checked [`PlanInput`].

use indexmap::IndexMap;
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

use super::barrier::Barrier;

/// Longest job title or rung, counted in characters (not bytes).
pub const MAX_TITLE_CHARS: usize = 80;
/// Longest interests or strengths answer, counted in characters (not bytes).
pub const MAX_TEXT_CHARS: usize = 500;
/// Most rungs a person can list between their current job and their target career.
pub const MAX_RUNGS: usize = 5;
/// Most rung fields a form keeps as sent.
const RUNG_FIELDS_KEPT: usize = 4 * MAX_RUNGS;
/// Shortest plan, in months.
pub const MIN_HORIZON_MONTHS: u32 = 6;
/// Longest plan, in months.
pub const MAX_HORIZON_MONTHS: u32 = 120;
/// The time span a plan gets when the form leaves it blank: the issue marks only the two jobs as
/// required, and two years is long enough for a first rung and short enough to stay concrete.
pub const DEFAULT_HORIZON_MONTHS: u32 = 24;
/// The time spans the form offers, in months, with their labels.
pub const HORIZON_CHOICES: &[(u32, &str)] = &[
    (6, "6 months"),
    (12, "1 year"),
    (18, "18 months"),
    (24, "2 years"),
    (36, "3 years"),
    (60, "5 years"),
    (120, "10 years"),
];

/// Field name -> one clear, plain-language message for the person
/// ("Please tell us your current job.").
///
/// Keys: `current`, `target`, `rungs`, `interests`, `strengths`, `horizon`, `barriers`.
pub type FieldErrors = IndexMap<&'static str, String>;

/// Raw form fields exactly as typed (also used to re-render the form with input kept).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanForm {
    /// Current job, as typed.
    pub current: String,
    /// Target career, as typed.
    pub target: String,
    /// Every `rung` field in order, blanks included, so the form shows them where they were.
    pub rungs: Vec<String>,
    /// Interests, as typed.
    pub interests: String,
    /// Strengths, as typed.
    pub strengths: String,
    /// Horizon in months, as sent (normally one of [`HORIZON_CHOICES`]).
    pub horizon: String,
    /// Every `barrier` value in order, as sent.
    pub barriers: Vec<String>,
    /// Single-answer fields that arrived more than once; [`PlanForm::parse`] refuses them.
    pub sent_twice: Vec<&'static str>,
}

/// The answers once every rule has passed: kept as typed (a plan shows back what the person
/// wrote), within limits, barriers known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanInput {
    /// The job the person has now.
    pub current_job: String,
    /// The career they are aiming at.
    pub target_career: String,
    /// The jobs between the two, lowest first; may be empty.
    pub rungs: Vec<String>,
    /// What they enjoy; may be empty.
    pub interests: String,
    /// What they are good at; may be empty.
    pub strengths: String,
    /// How long they give the plan, in months (6..=120).
    pub horizon_months: u32,
    /// Chosen barriers, without repeats, in [`Barrier::ALL`] order.
    pub barriers: Vec<Barrier>,
}

impl PlanForm {
    /// Builds from decoded urlencoded pairs in order. Field names: current, target, rung
    /// (repeated, up to 5 in the form), interests, strengths, horizon, barrier (repeated, value =
    /// Barrier slug). Unknown names are ignored. A single-valued field sent twice keeps the first
    /// value and is recorded in `sent_twice` so [`PlanForm::parse`] reports it.
    pub fn from_pairs<I: IntoIterator<Item = (String, String)>>(pairs: I) -> PlanForm {
        let mut form = PlanForm::default();
        let mut seen: Vec<&'static str> = Vec::new();
        for (name, value) in pairs {
            let (field, slot) = match name.as_str() {
                "rung" => {
                    // Enough boxes to say there are too many, without echoing a flood back.
                    if form.rungs.len() < RUNG_FIELDS_KEPT {
                        form.rungs.push(value);
                    }
                    continue;
                }
                "barrier" => {
                    form.barriers.push(value);
                    continue;
                }
                "current" => ("current", &mut form.current),
                "target" => ("target", &mut form.target),
                "interests" => ("interests", &mut form.interests),
                "strengths" => ("strengths", &mut form.strengths),
                "horizon" => ("horizon", &mut form.horizon),
                // Other names (a CSRF token, a submit button) belong to someone else.
                _ => continue,
            };
            if seen.contains(&field) {
                // Two answers to one question means a tampered or broken form; guessing which
                // one the person meant could save the wrong plan, so ask them instead.
                if !form.sent_twice.contains(&field) {
                    form.sent_twice.push(field);
                }
            } else {
                seen.push(field);
                *slot = value;
            }
        }
        form
    }

    /// The raw form that shows `input` again, for the edit page.
    pub fn from_input(input: &PlanInput) -> PlanForm {
        PlanForm {
            current: input.current_job.clone(),
            target: input.target_career.clone(),
            rungs: input.rungs.clone(),
            interests: input.interests.clone(),
            strengths: input.strengths.clone(),
            horizon: input.horizon_months.to_string(),
            barriers: input.barriers.iter().map(|b| b.slug().to_owned()).collect(),
            sent_twice: Vec::new(),
        }
    }

    /// Checks every field and returns the clean input, or one message per field that is wrong.
    pub fn parse(&self) -> Result<PlanInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let current = self.single(&mut errors, "current", |raw| {
            one_line(raw, "Please tell us your current job.")
        });
        let target = self.single(&mut errors, "target", |raw| {
            one_line(raw, "Please tell us the career you are aiming for.")
        });
        // Checked in the order the form asks, which is the order the error summary lists.
        let rungs = keep(&mut errors, "rungs", parse_rungs(&self.rungs));
        let interests = self.single(&mut errors, "interests", free_text);
        let strengths = self.single(&mut errors, "strengths", free_text);
        let horizon = self.single(&mut errors, "horizon", horizon_months);
        let barriers = keep(&mut errors, "barriers", parse_barriers(&self.barriers));

        match (
            current, target, rungs, interests, strengths, horizon, barriers,
        ) {
            (
                Some(current_job),
                Some(target_career),
                Some(rungs),
                Some(interests),
                Some(strengths),
                Some(horizon_months),
                Some(barriers),
            ) if errors.is_empty() => Ok(PlanInput {
                current_job,
                target_career,
                rungs,
                interests,
                strengths,
                horizon_months,
                barriers,
            }),
            _ => Err(errors),
        }
    }

    /// True when the form holds this barrier slug (to keep its checkbox ticked).
    pub fn has_barrier(&self, slug: &str) -> bool {
        self.barriers.iter().any(|b| b.trim() == slug)
    }

    /// True when the form's horizon is `months` (to keep its option selected). A blank one, or
    /// one that can't be used (`horizon=abc` in a link), selects the default: otherwise no
    /// option is selected and the browser shows and sends the first, six months.
    pub fn horizon_is(&self, months: u32) -> bool {
        horizon_months(&self.horizon).unwrap_or(DEFAULT_HORIZON_MONTHS) == months
    }

    /// The form's horizon when it is a valid one the menu does not list (a plan made from a link
    /// with `horizon=7`), so that the menu can show it, selected, instead of losing it.
    pub fn other_horizon(&self) -> Option<u32> {
        horizon_months(&self.horizon)
            .ok()
            .filter(|months| !HORIZON_CHOICES.iter().any(|(m, _)| m == months))
    }

    /// True when the rung typed in box `index` (from 0) is the one that cannot be kept.
    pub fn rung_is_wrong(&self, index: &usize) -> bool {
        self.rungs
            .get(*index)
            .is_some_and(|rung| !is_blank(rung) && title(rung).is_err())
    }

    /// The form cut to what its boxes can hold, for a pre-fill from a link: a link can't be
    /// trusted to be short, and a box should never show more than it lets a person type.
    pub fn within_limits(mut self) -> PlanForm {
        let cut = |text: &mut String, max: usize| {
            if let Some((at, _)) = text.char_indices().nth(max) {
                text.truncate(at);
            }
        };
        cut(&mut self.current, MAX_TITLE_CHARS);
        cut(&mut self.target, MAX_TITLE_CHARS);
        cut(&mut self.interests, MAX_TEXT_CHARS);
        cut(&mut self.strengths, MAX_TEXT_CHARS);
        self.rungs.truncate(MAX_RUNGS);
        self.rungs
            .iter_mut()
            .for_each(|rung| cut(rung, MAX_TITLE_CHARS));
        self.barriers.truncate(Barrier::ALL.len());
        self.sent_twice.clear();
        self
    }

    /// The rung fields to show: what was typed, padded with blanks to [`MAX_RUNGS`] inputs.
    pub fn rung_slots(&self) -> Vec<&str> {
        let mut slots: Vec<&str> = self.rungs.iter().map(String::as_str).collect();
        if slots.len() < MAX_RUNGS {
            slots.resize(MAX_RUNGS, "");
        }
        slots
    }

    /// Runs `parse` on one single-answer field, unless it was sent twice.
    fn single<T>(
        &self,
        errors: &mut FieldErrors,
        field: &'static str,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Option<T> {
        let result = if self.sent_twice.contains(&field) {
            Err(
                "This answer was sent twice. Please fill it in once and send the form again."
                    .to_owned(),
            )
        } else {
            parse(self.raw(field))
        };
        keep(errors, field, result)
    }

    /// The raw text of a single-answer field.
    fn raw(&self, field: &str) -> &str {
        match field {
            "current" => &self.current,
            "target" => &self.target,
            "interests" => &self.interests,
            "strengths" => &self.strengths,
            "horizon" => &self.horizon,
            _ => "",
        }
    }
}

/// A readable name for a horizon: the form's label when it is one of the choices
/// ("18 months", "2 years"), otherwise "N months".
pub fn horizon_label(months: u32) -> String {
    HORIZON_CHOICES
        .iter()
        .find(|(m, _)| *m == months)
        .map_or_else(
            || format!("{months} months"),
            |(_, label)| (*label).to_owned(),
        )
}

/// Moves a field's error into `errors` and hands back its value, if any.
fn keep<T>(errors: &mut FieldErrors, field: &'static str, result: Result<T, String>) -> Option<T> {
    result.map_err(|message| errors.insert(field, message)).ok()
}

/// True when `text` shows nothing: only spaces and invisible format characters (zero-width
/// spaces, direction marks, byte-order marks). Such an answer counts as not given.
pub fn is_blank(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || c.general_category() == GeneralCategory::Format)
}

/// A required one-line answer such as a job title.
fn one_line(raw: &str, missing: &str) -> Result<String, String> {
    if is_blank(raw) {
        return Err(missing.to_owned());
    }
    title(raw).map_err(|problem| problem.message("this", MAX_TITLE_CHARS))
}

/// An optional multi-line answer such as interests.
fn free_text(raw: &str) -> Result<String, String> {
    // Browsers send textarea line breaks as CRLF; storing one "\n" keeps the count in line
    // with what the person sees and with the browser's own `maxlength`.
    // Blank is not given; anything else is kept as typed, spaces included.
    if is_blank(raw) {
        return Ok(String::new());
    }
    let text = raw.replace("\r\n", "\n").replace('\r', "\n");
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\t'))
    {
        return Err(TextProblem::Hidden.message("this", MAX_TEXT_CHARS));
    }
    let typed = text.chars().count();
    if typed > MAX_TEXT_CHARS {
        return Err(TextProblem::TooLong(typed).message("this", MAX_TEXT_CHARS));
    }
    Ok(text)
}

/// What can be wrong with a piece of text that is not blank.
enum TextProblem {
    Hidden,
    LineBreak,
    TooLong(usize),
}

impl TextProblem {
    /// The message, with `what` naming the answer ("this", "rung 2").
    fn message(&self, what: &str, limit: usize) -> String {
        let what_cap = capitalise(what);
        match self {
            TextProblem::Hidden => {
                format!("{what_cap} has a hidden character we can't save. Please type it again.")
            }
            TextProblem::LineBreak => format!("Please keep {what} on one line."),
            TextProblem::TooLong(typed) => {
                format!("Keep {what} to {limit} characters or fewer (you typed {typed}).")
            }
        }
    }
}

/// Checks a non-blank title.
fn title(text: &str) -> Result<String, TextProblem> {
    // A text input can't hold a line break, so one here came from a crafted request; refusing
    // it keeps titles safe to put in one-line places such as calendar entries and headings.
    if text.contains(['\n', '\r']) {
        return Err(TextProblem::LineBreak);
    }
    if text.chars().any(|c| c.is_control() && c != '\t') {
        return Err(TextProblem::Hidden);
    }
    let typed = text.chars().count();
    if typed > MAX_TITLE_CHARS {
        return Err(TextProblem::TooLong(typed));
    }
    Ok(text.to_owned())
}

/// The rungs with blanks dropped, or the first problem found.
fn parse_rungs(raw: &[String]) -> Result<Vec<String>, String> {
    let mut rungs = Vec::new();
    for (index, rung) in raw.iter().enumerate() {
        if is_blank(rung) {
            continue;
        }
        // Number rungs as the form shows them, blanks included, so "rung 3" is the third box.
        let what = format!("rung {}", index + 1);
        rungs.push(title(rung).map_err(|problem| problem.message(&what, MAX_TITLE_CHARS))?);
    }
    if rungs.len() > MAX_RUNGS {
        return Err(format!(
            "List up to {MAX_RUNGS} rungs (you listed {}). Pick the ones that matter most.",
            rungs.len()
        ));
    }
    Ok(rungs)
}

/// The barriers in [`Barrier::ALL`] order without repeats, or an error for an unknown one.
fn parse_barriers(raw: &[String]) -> Result<Vec<Barrier>, String> {
    let mut chosen = Vec::new();
    for slug in raw {
        match Barrier::from_slug(slug.trim()) {
            Some(barrier) => chosen.push(barrier),
            None => return Err("Please choose only from the barriers in the list.".to_owned()),
        }
    }
    Ok(Barrier::ALL
        .into_iter()
        .filter(|b| chosen.contains(b))
        .collect())
}

/// The horizon in months, within [`MIN_HORIZON_MONTHS`]..=[`MAX_HORIZON_MONTHS`]; blank is
/// [`DEFAULT_HORIZON_MONTHS`].
fn horizon_months(raw: &str) -> Result<u32, String> {
    let text = raw.trim();
    if text.is_empty() {
        return Ok(DEFAULT_HORIZON_MONTHS);
    }
    let out_of_range = || {
        format!(
            "Choose a time from {MIN_HORIZON_MONTHS} months to 10 years \
             ({MIN_HORIZON_MONTHS} to {MAX_HORIZON_MONTHS} months)."
        )
    };
    match text.parse::<i64>() {
        Ok(months) => u32::try_from(months)
            .ok()
            .filter(|m| (MIN_HORIZON_MONTHS..=MAX_HORIZON_MONTHS).contains(m))
            .ok_or_else(out_of_range),
        // A huge number of digits is still a number, just far too big.
        Err(e)
            if matches!(
                e.kind(),
                std::num::IntErrorKind::PosOverflow | std::num::IntErrorKind::NegOverflow
            ) =>
        {
            Err(out_of_range())
        }
        Err(_) => Err("Choose a time from the list, such as 2 years.".to_owned()),
    }
}

/// `what` with its first letter in upper case, for the start of a sentence.
fn capitalise(what: &str) -> String {
    let mut chars = what.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn good_pairs() -> Vec<(String, String)> {
        pairs(&[
            ("current", "  Cashier "),
            ("target", "Store manager"),
            ("rung", "Shift lead"),
            ("rung", ""),
            ("rung", "Assistant manager"),
            ("interests", "Helping people"),
            ("strengths", "Staying calm"),
            ("horizon", "24"),
            ("barrier", "money"),
            ("barrier", "experience"),
            ("barrier", "money"),
            ("csrf", "ignored"),
        ])
    }

    fn errors_for(list: &[(&str, &str)]) -> FieldErrors {
        let mut all = good_pairs();
        all.retain(|(k, _)| !list.iter().any(|(name, _)| name == k));
        all.extend(pairs(list));
        PlanForm::from_pairs(all)
            .parse()
            .expect_err("the form should be refused")
    }

    #[test]
    fn a_good_form_parses_into_input_as_typed_with_barriers_in_list_order() {
        // Arrange
        let form = PlanForm::from_pairs(good_pairs());

        // Act
        let input = form.parse().expect("a good form parses");

        // Assert
        assert_eq!(
            input,
            PlanInput {
                current_job: "  Cashier ".into(),
                target_career: "Store manager".into(),
                rungs: vec!["Shift lead".into(), "Assistant manager".into()],
                interests: "Helping people".into(),
                strengths: "Staying calm".into(),
                horizon_months: 24,
                barriers: vec![Barrier::LackOfExperience, Barrier::Money],
            }
        );
    }

    #[test]
    fn the_raw_form_keeps_every_value_as_typed_for_re_rendering() {
        // Arrange
        let raw = good_pairs();

        // Act
        let form = PlanForm::from_pairs(raw);

        // Assert
        assert_eq!(form.current, "  Cashier ");
        assert_eq!(form.rungs, ["Shift lead", "", "Assistant manager"]);
        assert_eq!(form.barriers, ["money", "experience", "money"]);
        assert!(form.sent_twice.is_empty());
    }

    #[test]
    fn a_missing_current_job_asks_for_it() {
        // Arrange, Act
        let errors = errors_for(&[("current", "   ")]);

        // Assert
        assert_eq!(errors["current"], "Please tell us your current job.");
        assert_eq!(errors.len(), 1);
    }

    #[test]
    fn a_missing_target_career_asks_for_it() {
        // Arrange, Act
        let errors = errors_for(&[("target", "")]);

        // Assert
        assert_eq!(
            errors["target"],
            "Please tell us the career you are aiming for."
        );
        assert_eq!(errors.len(), 1);
    }

    #[test]
    fn a_field_that_is_never_sent_counts_as_missing() {
        // Arrange
        let form = PlanForm::from_pairs(Vec::new());

        // Act
        let errors = form.parse().expect_err("an empty form is refused");

        // Assert
        let fields: Vec<_> = errors.keys().copied().collect();
        assert_eq!(fields, ["current", "target"], "in the order the form asks");
    }

    #[test]
    fn a_horizon_left_out_or_blank_is_the_default_and_shows_selected() {
        for pairs in [
            vec![("current", "Cashier"), ("target", "Store manager")],
            vec![
                ("current", "Cashier"),
                ("target", "Store manager"),
                ("horizon", " "),
            ],
        ] {
            let form =
                PlanForm::from_pairs(pairs.into_iter().map(|(k, v)| (k.to_owned(), v.to_owned())));

            let input = form.parse().expect("the two jobs are enough");

            assert_eq!(input.horizon_months, DEFAULT_HORIZON_MONTHS);
            assert!(form.horizon_is(DEFAULT_HORIZON_MONTHS));
            assert!(!form.horizon_is(12));
        }
    }

    #[test]
    fn a_title_over_80_characters_names_the_limit_and_the_count() {
        // Arrange
        let long = "a".repeat(93);

        // Act
        let errors = errors_for(&[("current", &long)]);

        // Assert
        assert_eq!(
            errors["current"],
            "Keep this to 80 characters or fewer (you typed 93)."
        );
    }

    #[test]
    fn title_length_is_counted_in_characters_not_bytes() {
        // Arrange: 80 characters, 240 bytes
        let exactly_80 = "é".repeat(40) + &"日".repeat(40);

        // Act
        let input = PlanForm::from_pairs(good_pairs().into_iter().map(|(k, v)| {
            if k == "target" {
                (k, exactly_80.clone())
            } else {
                (k, v)
            }
        }))
        .parse();

        // Assert
        assert_eq!(input.expect("80 characters fit").target_career, exactly_80);
    }

    #[test]
    fn interests_over_500_characters_are_refused() {
        // Arrange
        let long = "x".repeat(501);

        // Act
        let errors = errors_for(&[("interests", &long)]);

        // Assert
        assert_eq!(
            errors["interests"],
            "Keep this to 500 characters or fewer (you typed 501)."
        );
    }

    #[test]
    fn six_rungs_are_refused_but_blank_ones_do_not_count() {
        // Arrange
        let six = [
            ("rung", "a"),
            ("rung", "b"),
            ("rung", "c"),
            ("rung", "d"),
            ("rung", "e"),
            ("rung", "f"),
        ];
        let five_and_blanks = [
            ("rung", "a"),
            ("rung", " "),
            ("rung", "b"),
            ("rung", "c"),
            ("rung", "d"),
            ("rung", "e"),
            ("rung", ""),
        ];

        // Act
        let errors = errors_for(&six);
        let fine = PlanForm::from_pairs(
            pairs(&five_and_blanks)
                .into_iter()
                .chain(good_pairs().into_iter().filter(|(k, _)| k != "rung")),
        )
        .parse();

        // Assert
        assert_eq!(
            errors["rungs"],
            "List up to 5 rungs (you listed 6). Pick the ones that matter most."
        );
        assert_eq!(
            fine.expect("five rungs fit").rungs,
            ["a", "b", "c", "d", "e"]
        );
    }

    #[test]
    fn a_long_rung_is_named_by_its_place_in_the_form() {
        // Arrange
        let long = "r".repeat(81);

        // Act
        let errors = errors_for(&[("rung", "Shift lead"), ("rung", ""), ("rung", &long)]);

        // Assert
        assert_eq!(
            errors["rungs"],
            "Keep rung 3 to 80 characters or fewer (you typed 81)."
        );
    }

    #[test]
    fn a_horizon_outside_6_to_120_months_is_refused() {
        // Arrange
        let cases = ["5", "121", "0", "-12", "99999999999999999999999"];

        // Act
        let messages: Vec<_> = cases
            .iter()
            .map(|h| errors_for(&[("horizon", h)])["horizon"].clone())
            .collect();

        // Assert
        for message in messages {
            assert_eq!(
                message,
                "Choose a time from 6 months to 10 years (6 to 120 months)."
            );
        }
    }

    #[test]
    fn a_horizon_that_is_not_a_number_is_refused() {
        // Arrange, Act
        let errors = errors_for(&[("horizon", "abc")]);

        // Assert
        assert_eq!(
            errors["horizon"],
            "Choose a time from the list, such as 2 years."
        );
    }

    #[test]
    fn any_whole_number_of_months_in_range_is_accepted() {
        // Arrange
        let form = PlanForm {
            horizon: " 7 ".into(),
            ..PlanForm::from_pairs(good_pairs())
        };

        // Act
        let input = form.parse();

        // Assert
        assert_eq!(input.expect("7 months is in range").horizon_months, 7);
    }

    #[test]
    fn an_unknown_barrier_is_refused() {
        // Arrange, Act
        let errors = errors_for(&[("barrier", "money"), ("barrier", "car")]);

        // Assert
        assert_eq!(
            errors["barriers"],
            "Please choose only from the barriers in the list."
        );
    }

    #[test]
    fn a_nul_in_any_text_field_is_refused_with_a_clear_message() {
        // Arrange
        let fields = ["current", "target", "interests", "strengths"];

        // Act
        let errors: Vec<_> = fields
            .iter()
            .map(|f| errors_for(&[(f, "Cash\0ier")]))
            .collect();
        let rung_errors = errors_for(&[("rung", "Shift\0lead")]);

        // Assert
        for (field, errors) in fields.iter().zip(&errors) {
            assert_eq!(
                errors[field],
                "This has a hidden character we can't save. Please type it again."
            );
        }
        assert_eq!(
            rung_errors["rungs"],
            "Rung 1 has a hidden character we can't save. Please type it again."
        );
    }

    #[test]
    fn line_breaks_are_kept_in_interests_but_refused_in_titles() {
        // Arrange
        let multi = "Fixing things\r\nTalking with people\tevery day";

        // Act
        let title_errors = errors_for(&[("current", "Cash\nier")]);
        let input = PlanForm {
            interests: multi.into(),
            ..PlanForm::from_pairs(good_pairs())
        }
        .parse();

        // Assert
        assert_eq!(title_errors["current"], "Please keep this on one line.");
        assert_eq!(
            input.expect("line breaks are fine in interests").interests,
            "Fixing things\nTalking with people\tevery day"
        );
    }

    #[test]
    fn a_single_field_sent_twice_keeps_the_first_value_and_is_refused() {
        // Arrange
        let mut raw = good_pairs();
        raw.push(("target".into(), "Chef".into()));
        raw.push(("target".into(), "Pilot".into()));

        // Act
        let form = PlanForm::from_pairs(raw);
        let errors = form.parse().expect_err("a repeated field is refused");

        // Assert
        assert_eq!(form.target, "Store manager");
        assert_eq!(form.sent_twice, ["target"]);
        assert_eq!(
            errors["target"],
            "This answer was sent twice. Please fill it in once and send the form again."
        );
        assert_eq!(errors.len(), 1);
    }

    #[test]
    fn a_field_sent_blank_then_filled_still_counts_as_sent_twice() {
        // Arrange
        let raw = pairs(&[("horizon", ""), ("horizon", "12")]);

        // Act
        let form = PlanForm::from_pairs(raw);

        // Assert
        assert_eq!(form.horizon, "");
        assert_eq!(form.sent_twice, ["horizon"]);
    }

    #[test]
    fn unicode_and_surrounding_spaces_survive_parse_unchanged() {
        // Arrange: Arabic (right to left), an emoji with a skin tone and a combining accent
        let current = "أمين صندوق 👩🏽‍🍳";
        let target = "Cafe\u{301} owner \u{202B}مدير\u{202C}";
        let strengths = "日本語も話せます 🙂";
        let form = PlanForm {
            current: format!("  {current}\t"),
            target: target.into(),
            strengths: strengths.into(),
            ..PlanForm::from_pairs(good_pairs())
        };

        // Act
        let input = form.parse().expect("unicode is welcome");

        // Assert
        assert_eq!(input.current_job, format!("  {current}\t"));
        assert_eq!(input.target_career, target);
        assert_eq!(input.strengths, strengths);
    }

    #[test]
    fn a_parsed_input_turns_back_into_a_form_that_parses_the_same() {
        // Arrange
        let input = PlanForm::from_pairs(good_pairs())
            .parse()
            .expect("good form");

        // Act
        let again = PlanForm::from_input(&input).parse();

        // Assert
        assert_eq!(again, Ok(input));
    }

    #[test]
    fn the_form_helpers_keep_checkboxes_options_and_rung_boxes() {
        // Arrange
        let form = PlanForm::from_pairs(good_pairs());

        // Act
        let ticked = (form.has_barrier("money"), form.has_barrier("childcare"));
        let selected = (form.horizon_is(24), form.horizon_is(12));
        let slots = form.rung_slots();

        // Assert
        assert_eq!(ticked, (true, false));
        assert_eq!(selected, (true, false));
        assert_eq!(slots, ["Shift lead", "", "Assistant manager", "", ""]);
    }

    #[test]
    fn horizon_labels_use_the_form_wording_or_fall_back_to_months() {
        // Arrange
        let months = [18, 24, 120, 7];

        // Act
        let labels: Vec<_> = months.iter().map(|m| horizon_label(*m)).collect();

        // Assert
        assert_eq!(labels, ["18 months", "2 years", "10 years", "7 months"]);
    }

    #[test]
    fn text_of_only_spaces_and_invisible_characters_is_blank() {
        for blank in [
            "",
            " \t",
            "\u{200b}",
            "\u{feff}",
            "\u{202e}",
            "\u{a0}\u{200d}\u{3000}",
        ] {
            assert!(is_blank(blank), "{blank:?}");
        }
        for shown in ["a", "\u{200b}Cashier", "\u{202e}reihsaC", "😀", "-"] {
            assert!(!is_blank(shown), "{shown:?}");
        }
        let form = PlanForm::from_pairs(
            [("current", "\u{200b}"), ("target", "\u{feff}")]
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.to_owned())),
        );
        let errors = form.parse().expect_err("nothing visible was typed");
        assert_eq!(
            errors.keys().copied().collect::<Vec<_>>(),
            ["current", "target"]
        );
    }

    #[test]
    fn a_horizon_that_cannot_be_used_shows_the_default_selected() {
        for horizon in ["abc", "3", "121", "-5", "999999999999999999999"] {
            let form = PlanForm {
                horizon: horizon.into(),
                ..PlanForm::default()
            };

            let selected: Vec<u32> = HORIZON_CHOICES
                .iter()
                .map(|(months, _)| *months)
                .filter(|months| form.horizon_is(*months))
                .collect();

            assert_eq!(selected, [DEFAULT_HORIZON_MONTHS], "horizon={horizon}");
            assert_eq!(form.other_horizon(), None);
        }
    }

    #[test]
    fn a_valid_horizon_the_menu_does_not_list_gets_its_own_option() {
        let with = |horizon: &str| PlanForm {
            horizon: horizon.into(),
            ..PlanForm::default()
        };

        let others: Vec<_> = ["7", "24", "200", "soon", ""]
            .iter()
            .map(|h| with(h).other_horizon())
            .collect();

        assert_eq!(others, [Some(7), None, None, None, None]);
    }
}
